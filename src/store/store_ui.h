/* store_ui: the queries and writes the full-screen interface needs — the
 * deposit queue in pages, detail, the engine's proposals, open items,
 * customer look-up, learned aliases, "being handled by" leases and the
 * undoable clerk actions recorded in the audit log. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_UI_H
#define UR_SRC_STORE_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "ledger_words.h"
#include "match.h"

struct store;

enum sui_filter { SUI_UNMATCHED, SUI_AUTO_TODAY, SUI_PARKED, SUI_ALL, SUI_FILTER_COUNT };
enum sui_sort { SUI_BY_DATE, SUI_BY_AMOUNT, SUI_BY_PAYER, SUI_SORT_COUNT };

/* Minutes a lease ("being handled by NAME") lasts without being renewed. */
#define SUI_LEASE_MINUTES 15

/* One deposit; strings owned (free with sui_deposit_free), never NULL. */
struct sui_deposit {
	int64_t id;
	int32_t date;
	int64_t amount;
	char currency[8];
	enum deposit_state state;
	int64_t customer_id; /* 0: none assigned */
	struct deposit_payer payer; /* its strings all in payer_buf */
	char *payer_buf;
	char *reference, *park_reason, *account;
	char customer_code[24]; /* customer_id's, "" when none */
	char *customer; /* customer_id's name, "" when none */
	char *invoices; /* the numbers its live allocations clear, space-separated */
};

/* One live allocation of a deposit, as the clerk reviews a match. */
struct sui_alloc {
	int64_t id;
	char number[40]; /* the invoice's; "" for money held on account */
	int64_t amount, fee;
	enum alloc_kind kind;
	char user[48];
	int32_t made_on; /* 0: not recorded */
};

/* An open invoice and the cash a form applies to it. */
struct sui_item {
	int64_t invoice_id;
	char number[40];
	int32_t due;
	int64_t open;   /* open amount now */
	int64_t amount; /* cash applied (forms) */
};

/* The matching engine's proposals for one deposit (see store_ui_match). */
struct sui_match {
	struct match_index *ix; /* owns the codes, names and numbers in r */
	struct match_deposit md; /* points into d */
	struct sui_deposit d;
	struct match_result r;
	int64_t earlier[MATCH_EARLIER_MAX]; /* md.earlier: the payer's deposits before it */
};

/* One closing total (store_ui_closing.c). */
struct sui_total {
	int64_t total, customer_id;
	char cur[4];
};

/* An issued statement still open: whose, its closing date, when issued,
 * its billed total. */
struct sui_bill {
	int64_t customer_id;
	int32_t to, issued;
	int64_t billed;
	char cur[4];
};

/* What store_ui_match looks through for every deposit: every customer's
 * folded key and reading (for the engine's search of names alike) and the
 * closing totals (sorted by total), each loaded the first time it is
 * needed and again when the data changed (stamp); free with
 * sui_names_free. */
struct sui_names {
	int64_t stamp;
	bool loaded;
	size_t n;
	int64_t *id;
	char **key, **kana;
	uint64_t *sig;     /* each key's pairs of characters, one bit each */
	uint8_t *npairs;   /* … and how many it has */
	bool totals_loaded;
	struct sui_total *totals;
	size_t ntotals;
	bool bills_loaded;
	struct sui_bill *bills; /* issued statements still open, by closing date */
	size_t nbills;
	struct match_agent_pairs **bill_pairs; /* at a date's first: its pairs */
};

struct sui_customer {
	int64_t id;
	char code[24];
	char *name, *kana; /* owned */
	char currency[8];
};

/** One more connection to the database at path, which another connection
 *  of the process has opened (created and migrated) already: for reading
 *  on a background thread. It neither creates the file nor migrates:
 *  store_open's creating opens and closes the file outside SQLite, which
 *  drops every POSIX lock the process holds on it — another process could
 *  then checkpoint and delete the WAL under the connections still open. */
/** The client company a reader's statements are scoped to (store_company_id
 *  of the program's own store); a reader opened without it has the
 *  database's only one. */
void store_ui_reader_company(struct store *st, int64_t id);
enum ur_status store_ui_open_reader(struct store **out, const char *path, const char *user,
				    struct ur_err *err);
/** Begin (on) or end (off) a read transaction, so that the many small
 *  queries of one screen share one snapshot and one lock. Nothing happens
 *  inside a write transaction. */
void store_ui_snapshot(struct store *st, bool on);
/** Let the connection keep up to kib KiB of database pages in memory. */
enum ur_status store_ui_cache(struct store *st, int kib, struct ur_err *err);
/** Give back the memory the connection's page cache holds (it fills
 *  again as it reads). */
void store_ui_release(struct store *st);
/** Have stop(ctx) asked every few thousand steps of the connection's
 *  queries; a non-zero answer interrupts the running query (it fails with
 *  UR_FAIL). NULL stop: never. For loads run in the background, so that a
 *  newer request cancels an older one at once. */
void store_ui_stop_hook(struct store *st, int (*stop)(void *ctx), void *ctx);
struct db_cancel;
/** A server's stop hook, pushed rather than asked: a handle with which
 *  another thread stops the query st's connection runs now (it fails with
 *  UR_FAIL); NULL when there is none to take (a file: the stop hook does
 *  it). Free it with store_ui_canceler_free before closing st. */
struct db_cancel *store_ui_canceler(struct store *st);
/** Stop c's running query, if any (any thread; NULL: nothing). It returns
 *  once the server has been told: a query sent after that runs. */
void store_ui_cancel(struct db_cancel *c);
void store_ui_canceler_free(struct db_cancel *c);

/** Free the strings of d and zero it. */
void sui_deposit_free(struct sui_deposit *d);
/** Free the strings of n customers. */
void sui_customers_free(struct sui_customer *c, int n);

/** Up to max deposits of filter f in sort order s (today decides
 *  "auto-matched today"), read along the sort order from deposit from:
 *  forward (dir > 0) or backward (dir < 0), from itself on when inclusive,
 *  else from the next one; from NULL starts at the first (forward) or the
 *  last (backward) deposit. skip deposits are passed over first. out is
 *  in reading order; free each with sui_deposit_free. */
enum ur_status store_ui_queue_page(struct store *st, enum sui_filter f, enum sui_sort s,
				   int32_t today, const struct sui_deposit *from, int dir,
				   bool inclusive, long skip, int max, struct sui_deposit *out,
				   int *n, struct ur_err *err);
/** The number of deposits of filter f; with before, only those that come
 *  before it in sort order s (its position). */
enum ur_status store_ui_queue_count(struct store *st, enum sui_filter f, enum sui_sort s,
				    int32_t today, const struct sui_deposit *before, long *n,
				    struct ur_err *err);
/** Who last changed deposit id's state, and to what (user empty when
 *  nobody has): the clerk whose row just left the queue is told why. */
enum ur_status store_ui_deposit_change(struct store *st, int64_t id, enum deposit_state *state,
				       char *user, size_t user_size, struct ur_err *err);
/** The first deposit of filter f from deposit from on (itself included)
 *  in direction dir whose payer name, folded key, reference, EDI text or
 *  amount contains text (an amount as shown, "¥339,700" or "339700円",
 *  by its digits), or that is for a customer whose code, name or reading
 *  contains it (set on the deposit, a learned alias of the payer, or the
 *  customer's reading within the payer's name: the customers the engine
 *  proposes): *found 1 and *out filled, or *found 0. */
enum ur_status store_ui_queue_find(struct store *st, enum sui_filter f, enum sui_sort s,
				   int32_t today, const char *text,
				   const struct sui_deposit *from, int dir,
				   struct sui_deposit *out, int *found, struct ur_err *err);
/** The live allocations of deposit id, by id (malloc'd array or NULL
 *  when none; caller frees). */
enum ur_status store_ui_allocations(struct store *st, int64_t id, struct sui_alloc **out,
				    size_t *n, struct ur_err *err);
/** Undo an automatic match from the queue: the deposit as the clerk saw
 *  it (d) with its n live allocations (a). Through store_match_undo (the
 *  allocations and their fees are voided, the deposit waits again) and an
 *  audit row "ui-undo-auto", in one transaction. UR_CONFLICT (nothing
 *  written) when the deposit or its allocations changed since; UR_INPUT
 *  when the match is not an automatic one. */
enum ur_status store_ui_undo_auto(struct store *st, const struct sui_deposit *d,
				  const struct sui_alloc *a, size_t n, struct ur_err *err);
/** Load deposit id into *d (UR_INPUT when it does not exist). */
enum ur_status store_ui_deposit_get(struct store *st, int64_t id, struct sui_deposit *d,
				    struct ur_err *err);
/* The status line's counts. */
struct sui_counts {
	int64_t unmatched;  /* deposits waiting (state unmatched) */
	int64_t auto_today; /* deposits the engine matched on today */
	int64_t mine_today; /* deposits this store's user matched by hand on today */
};
/** The counts of the status line as of today. */
enum ur_status store_ui_counts(struct store *st, int32_t today, struct sui_counts *c,
			       struct ur_err *err);

/** The engine's ranked proposals for deposit id (whatever its state: a
 *  matched one is looked at as it was before, its invoices open again and
 *  its customer among those found, so the proposal says why it matched),
 *  over an index of only the customers it could name: found through the
 *  receiving virtual account, invoice numbers in the EDI text, learned
 *  aliases and payer codes, the folded payer name (whole, cut short,
 *  contained), when those find nobody the engine's search of names alike
 *  (over the customers in names whose key shares a pair of characters
 *  with the payer's), and when the payer is not enough, open amounts equal
 *  to the deposit plus a usual fee — with their aliases and open
 *  invoices. Free with sui_match_free. */
enum ur_status store_ui_match(struct store *st, int64_t id, const struct match_config *cfg,
			      struct sui_names *names, struct sui_match *m, struct ur_err *err);
/** Free the names and totals. */
void sui_names_free(struct sui_names *names);
/** The ids (*n, at most max) of the customers one of whose closing totals
 *  d pays, or that plus a usual transfer fee, but for tax rounding: those
 *  the engine finds by the amount alone (store_ui_closing.c). */
enum ur_status sui_closing_payers(struct store *st, struct sui_names *nm,
				  const struct match_deposit *d, int64_t *ids, int max, int *n,
				  struct ur_err *err);
/** The ids (*n, at most max) of the customers whose issued statements of
 *  one closing date add up to d's amount in few enough ways for the
 *  engine to propose them: an unknown agent paying several customers
 *  (store_ui_agent.c). */
enum ur_status sui_agent_payers(struct store *st, struct sui_names *nm,
				const struct match_deposit *d, int64_t *ids, int max, int *n,
				struct ur_err *err);
/** Free what store_ui_match loaded and zero m. */
void sui_match_free(struct sui_match *m);
/** Point md's strings at d's. */
void sui_match_deposit(const struct sui_deposit *d, struct match_deposit *md);
/** The open invoices of customer id in currency cur (credit slips too),
 *  oldest due first (at most max, 0: all; malloc'd array or NULL when
 *  none, caller frees). */
enum ur_status store_ui_open_items(struct store *st, int64_t customer_id, const char *cur,
				   size_t max, struct sui_item **items, size_t *n,
				   struct ur_err *err);
/** Customers whose code, name or reading contains text (at most max). */
enum ur_status store_ui_customer_find(struct store *st, const char *text, int max,
				      struct sui_customer *out, int *n, struct ur_err *err);
/** Load customer id into *c (UR_INPUT when it does not exist). */
enum ur_status store_ui_customer_get(struct store *st, int64_t id, struct sui_customer *c,
				     struct ur_err *err);

/** Who else holds a live lease on deposit id: a malloc'd user name in
 *  *user, or NULL when nobody (or only this store's user) does. */
enum ur_status store_ui_lease_holder(struct store *st, int64_t id, char **user,
				     struct ur_err *err);
/** Take the lease on deposit id for this store's user (audited). When
 *  another user holds it: UR_CONFLICT, with a message naming them. */
enum ur_status store_ui_lease_take(struct store *st, int64_t id, struct ur_err *err);
/** Give the lease back (audited). */
enum ur_status store_ui_lease_release(struct store *st, int64_t id, struct ur_err *err);

/** Confirm proposal p for deposit d — the engine's, or one a form built
 *  (lines: cleared and fee; on_account) — through store_match_confirm
 *  (kind ALLOC_MANUAL: it teaches the payer alias) and record an undoable
 *  "ui-confirm", in one transaction. UR_CONFLICT (nothing written) when
 *  another clerk changed the deposit or an invoice first; UR_INPUT when
 *  the parts do not add up to the deposit. */
enum ur_status store_ui_confirm(struct store *st, const struct sui_deposit *d,
				const struct match_proposal *p, struct ur_err *err);
/** Park deposit id ("not a customer payment") with a reason; undoable. */
enum ur_status store_ui_park(struct store *st, int64_t id, const char *reason,
			     struct ur_err *err);
/** Assign the payer of d to customer: set it on the deposit and teach the
 *  alias (store_alias_learn, as a confirmation does); undoable. */
enum ur_status store_ui_assign(struct store *st, const struct sui_deposit *d, int64_t customer,
			       struct ur_err *err);
/** Undo this user's latest clerk action not yet undone (found in the audit
 *  log, so it works after a restart): a confirmation through
 *  store_match_undo. *deposit gets the deposit it touched.
 *  UR_INPUT when there is nothing to undo; UR_CONFLICT when the deposit
 *  changed since. */
enum ur_status store_ui_undo(struct store *st, int64_t *deposit, struct ur_err *err);

#endif
