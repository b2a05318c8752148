/* store_ui: the queries and writes the full-screen interface needs — the
 * deposit queue in pages, detail, simple ranked proposals, open items,
 * customer look-up, learned aliases, "being handled by" leases and the
 * undoable clerk actions recorded in the audit log. */
#ifndef UR_SRC_STORE_UI_H
#define UR_SRC_STORE_UI_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct store;

enum sui_filter { SUI_UNMATCHED, SUI_AUTO_TODAY, SUI_PARKED, SUI_ALL, SUI_FILTER_COUNT };
enum sui_sort { SUI_BY_DATE, SUI_BY_AMOUNT, SUI_BY_PAYER, SUI_SORT_COUNT };

/* Minutes a lease ("being handled by NAME") lasts without being renewed. */
#define SUI_LEASE_MINUTES 15
/* Most proposals store_ui_proposals returns, and invoices per proposal. */
#define SUI_MAX_PROPOSALS 4
#define SUI_MAX_ITEMS 6

/* One deposit; strings owned (free with sui_deposit_free), never NULL. */
struct sui_deposit {
	int64_t id;
	int32_t date;
	int64_t amount;
	char currency[8];
	char state[12];
	int64_t customer_id; /* 0: none assigned */
	char *payer, *payer_key, *payer_code, *remit_bank, *remit_branch;
	char *edi, *reference, *park_reason, *account;
};

/* An open invoice, or a part of a deposit applied to one. */
struct sui_item {
	int64_t invoice_id;
	char number[40];
	int32_t due;
	int64_t open;   /* open amount now */
	int64_t amount; /* cash applied (proposals, forms) */
	int64_t fee;    /* transfer fee booked on it */
};

/* A ranked proposal: a customer and the invoices the deposit pays. */
struct sui_proposal {
	int64_t customer_id;
	char code[24];
	char *name; /* owned */
	int score;  /* 0–100 */
	int nitems;
	struct sui_item items[SUI_MAX_ITEMS];
	int64_t on_account; /* cash left for the customer's account */
	char *why;          /* owned: explanation lines separated by '\n' */
};

struct sui_customer {
	int64_t id;
	char code[24];
	char *name, *kana; /* owned */
	char currency[8];
};

/* Contacts (pane 3). Strings owned. */
struct sui_contact {
	int64_t id;
	char at[24];
	char *user, *customer, *channel, *note, *outcome, *next;
};

/** Free the strings of d and zero it. */
void sui_deposit_free(struct sui_deposit *d);
/** Free the strings of n proposals. */
void sui_proposals_free(struct sui_proposal *p, int n);
/** Free the strings of n customers. */
void sui_customers_free(struct sui_customer *c, int n);
/** Free the strings of n contacts. */
void sui_contacts_free(struct sui_contact *c, int n);

/** The ids of the deposits in filter f, in sort order s (malloc'd, caller
 *  frees). today decides "auto-matched today". */
enum ur_status store_ui_queue_ids(struct store *st, enum sui_filter f, enum sui_sort s,
				  int32_t today, int64_t **ids, size_t *n, struct ur_err *err);
/** The ids (ascending, malloc'd) of the deposits in filter f whose payer
 *  name, folded key, reference, EDI text or amount contains text. */
enum ur_status store_ui_queue_search(struct store *st, enum sui_filter f, int32_t today,
				     const char *text, int64_t **ids, size_t *n,
				     struct ur_err *err);
/** Load deposit id into *d (UR_INPUT when it does not exist). */
enum ur_status store_ui_deposit_get(struct store *st, int64_t id, struct sui_deposit *d,
				    struct ur_err *err);
/** Deposits waiting (state unmatched) and deposits matched on today. */
enum ur_status store_ui_counts(struct store *st, int32_t today, int64_t *unmatched,
			       int64_t *matched_today, struct ur_err *err);

/** Ranked proposals for d (at most max ≤ SUI_MAX_PROPOSALS), best first:
 *  candidate customers from the assigned customer, learned aliases and the
 *  folded payer name; invoices whose open amount equals the deposit, equals
 *  it plus a transfer fee, or oldest invoices adding up to it. */
enum ur_status store_ui_proposals(struct store *st, const struct sui_deposit *d, int max,
				  struct sui_proposal *out, int *n, struct ur_err *err);
/** The open invoices of customer id in currency cur, oldest due first
 *  (at most max; malloc'd array, caller frees). */
enum ur_status store_ui_open_items(struct store *st, int64_t customer_id, const char *cur,
				   size_t max, struct sui_item **items, size_t *n,
				   struct ur_err *err);
/** Customers whose code, name or reading contains text (at most max). */
enum ur_status store_ui_customer_find(struct store *st, const char *text, int max,
				      struct sui_customer *out, int *n, struct ur_err *err);
/** Load customer id into *c (UR_INPUT when it does not exist). */
enum ur_status store_ui_customer_get(struct store *st, int64_t id, struct sui_customer *c,
				     struct ur_err *err);
/** The latest contacts (of customer id, or of everyone when 0), newest
 *  first, at most max. */
enum ur_status store_ui_contacts(struct store *st, int64_t customer_id, int max,
				 struct sui_contact *out, int *n, struct ur_err *err);

/** Who else holds a live lease on deposit id: a malloc'd user name in
 *  *user, or NULL when nobody (or only this store's user) does. */
enum ur_status store_ui_lease_holder(struct store *st, int64_t id, char **user,
				     struct ur_err *err);
/** Take the lease on deposit id for this store's user (audited). When
 *  another user holds it: UR_CONFLICT, with a message naming them. */
enum ur_status store_ui_lease_take(struct store *st, int64_t id, struct ur_err *err);
/** Give the lease back (audited). */
enum ur_status store_ui_lease_release(struct store *st, int64_t id, struct ur_err *err);

/* One part of a confirmation: cash applied to an invoice (0: held on the
 * customer's account) and the transfer fee deducted on it. */
struct sui_alloc {
	int64_t invoice_id;
	int64_t amount;
	int64_t fee;
};

/** In one transaction: move deposit d from unmatched to matched for
 *  customer, insert the allocations (kind "manual"), teach the payer
 *  alias and record an undoable "ui-confirm" audit row. UR_CONFLICT (and
 *  nothing written) when another clerk changed the deposit or an invoice
 *  first; UR_INPUT when the parts do not add up to the deposit. */
enum ur_status store_ui_confirm(struct store *st, const struct sui_deposit *d,
				int64_t customer, const struct sui_alloc *parts, int nparts,
				int32_t today, struct ur_err *err);
/** Park deposit id ("not a customer payment") with a reason; undoable. */
enum ur_status store_ui_park(struct store *st, int64_t id, const char *reason,
			     struct ur_err *err);
/** Assign the payer of d to customer: set it on the deposit and teach the
 *  alias; undoable. */
enum ur_status store_ui_assign(struct store *st, const struct sui_deposit *d, int64_t customer,
			       struct ur_err *err);
/** Undo this user's latest clerk action not yet undone (found in the audit
 *  log, so it works after a restart). *deposit gets the deposit it touched.
 *  UR_INPUT when there is nothing to undo; UR_CONFLICT when the deposit
 *  changed since. */
enum ur_status store_ui_undo(struct store *st, int64_t *deposit, struct ur_err *err);

#endif
