/* store: the only module that speaks SQL. Opens (creating 0600, WAL, foreign
 * keys, busy timeout) and migrates the database, and offers typed
 * operations to the rest of the program. Dates are day numbers (days since
 * 1970-01-01, see date.h) in memory and ISO 'YYYY-MM-DD' text in SQL; money
 * is int64 minor units with an ISO 4217 currency code. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_H
#define UR_SRC_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "ledger_words.h"
#include "payer.h"

struct store;

/** Open databases on a network file system too (--force-network-fs):
 *  store_open refuses them otherwise. */
void store_allow_network_fs(void);
/** Open (creating if absent, mode 0600) and migrate the database at path.
 *  user is recorded in the audit log, beside the operating-system login.
 *  An empty file, a file that is not SQLite's and another program's SQLite
 *  database are refused, untouched. */
enum ur_status store_open(struct store **out, const char *path, const char *user,
			  struct ur_err *err);
/** As store_open, but an existing empty file becomes the database (mode
 *  0600): `urikake init` on a file made beforehand. */
enum ur_status store_init(struct store **out, const char *path, const char *user,
			  struct ur_err *err);
/** Open the existing database at path only to read it: nothing is created
 *  or written, so a database in a directory the user may not write still
 *  opens (there, without a -wal file, as an immutable file). A database
 *  that needs migrating is opened by store_open instead. */
enum ur_status store_open_readonly(struct store **out, const char *path, const char *user,
				   struct ur_err *err);
void store_close(struct store *st);
/** Whether path names a database server (postgresql://…, postgres://…)
 *  rather than a file: none of the file's checks apply to it. */
bool store_is_server(const char *path);
/** path as messages and the status line show it (malloc'd): a server
 *  URL's password hidden, as in postgresql://tanaka:***@host/urikake. */
char *store_name_shown(const char *path);
/** path as the status line names it (malloc'd): a file's base name, a
 *  server's database and host (urikake@db.example). */
char *store_name_short(const char *path);
/** Schema version after migration (PRAGMA user_version). */
int store_schema_version(struct store *st);
/** The version this program migrates every database to. */
int store_schema_latest(void);
/** A number that changes when another connection commits, so a view
 *  polling it notices other clerks' changes: SQLite's PRAGMA data_version;
 *  on PostgreSQL, after store_listen, the notifications received (no round
 *  trip), else the newest audit row's id (a query). -1 on error. */
int64_t store_data_version(struct store *st);
/** Follow other clerks' commits by notification where the database sends
 *  them (PostgreSQL: LISTEN, when the schema has the notify triggers), so
 *  that store_data_version costs no round trip and store_wait_fd has a
 *  socket to wait on. Nothing on SQLite. For a connection that polls
 *  store_data_version often (the full-screen program's). */
void store_listen(struct store *st);
/** A file descriptor that becomes readable when store_data_version may
 *  have changed, to wait on with the keyboard; -1: poll it instead. */
int store_wait_fd(struct store *st);
/** store_data_version, counting every commit made before the call (a
 *  round trip on a listening PostgreSQL connection; a notification may
 *  still be on its way otherwise). */
int64_t store_data_sync(struct store *st);
/** A number that changes whenever the database did, by any connection
 *  (this one's changes too, which store_data_version does not see). */
int64_t store_change_stamp(struct store *st);
/* Client companies: a database keeps one or more, and every business row
 * belongs to one; the store reads and writes only the current company's
 * rows. store_open makes the only company open to the login current; with
 * several, none is until store_use_company (statements then see no rows). */
struct store_company {
	int64_t id;
	char *code, *name;
	int64_t customers, invoices, deposits;
};
/** Make the company with code current; UR_USAGE when there is none or it
 *  is not open to the login (store_login). */
enum ur_status store_use_company(struct store *st, const char *code, struct ur_err *err);
/** The current company's id, 0 when none is chosen (several companies). */
int64_t store_company_id(const struct store *st);
/** Whether the database keeps more than one company. */
bool store_company_several(const struct store *st);
/** The current company's code and name ("" when none is chosen). */
const char *store_company_code(const struct store *st);
const char *store_company_name(const struct store *st);
/** Every company open to the login by code, with its rows counted;
 *  store_company_free. */
enum ur_status store_company_list(struct store *st, struct store_company **out, int *n,
				  struct ur_err *err);
void store_company_free(struct store_company *c, int n);
/** Add a company (audited in it): UR_USAGE for a bad code or an empty
 *  name, UR_INPUT when the code exists. */
enum ur_status store_company_add(struct store *st, const char *code, const char *name,
				 struct ur_err *err);
/* The users a company is open to (migration 18): none listed, every clerk;
 * else only those. store_use_company refuses a company not open to the
 * login, store_company_list leaves it out. */
struct store_company_user {
	char *code; /* the company's */
	char *user; /* NULL: the company has no grants */
};
/** Whom the grants are checked against: the server's login on PostgreSQL,
 *  the user the store was opened for on SQLite. */
const char *store_login(const struct store *st);
/** Grant (grant true) or revoke company code to user, audited in it;
 *  *changed false when it was so already. UR_USAGE for an unknown company
 *  or a bad name; on PostgreSQL UR_FAIL unless the owner runs it. */
enum ur_status store_company_grant(struct store *st, const char *code, const char *user,
				   bool grant, bool *changed, struct ur_err *err);
/** The grants by company code and user, of company code (NULL: of every
 *  company), one row with user NULL for a company without grants;
 *  store_company_users_free. */
enum ur_status store_company_users(struct store *st, const char *code,
				   struct store_company_user **out, int *n, struct ur_err *err);
void store_company_users_free(struct store_company_user *u, int n);
/* A receiving account a company owns (migration 17): bank files are routed
 * to the owner of the account each record was paid into. Parts not known
 * (a camt account has no branch) are "". */
struct store_company_account {
	int64_t company_id;
	char *code; /* the company's */
	bool open; /* the company is open to the login */
	char *bank, *branch, *number;
};
/** Every company's accounts, by company code; store_company_accounts_free. */
enum ur_status store_company_accounts(struct store *st, struct store_company_account **out,
				      int *n, struct ur_err *err);
void store_company_accounts_free(struct store_company_account *a, int n);
/** The entry of a[n] for the account (NULL parts are ""), NULL when none. */
const struct store_company_account *
store_company_account_find(const struct store_company_account *a, int n, const char *bank,
			   const char *branch, const char *number);
/** Register the account as company code's (audited in it); *added false
 *  when it was already. UR_USAGE: no such company, or an empty account;
 *  UR_INPUT: another company owns it (named). */
enum ur_status store_company_account_add(struct store *st, const char *code, const char *bank,
					 const char *branch, const char *number, bool *added,
					 struct ur_err *err);
/** Scope the statements to company id (a routed bank file's record) until
 *  the next call; returns the company current before. */
int64_t store_company_route(struct store *st, int64_t id);
/** The user recorded in the audit log (as given to store_open). */
const char *store_user(const struct store *st);
/** Make the database file and its -wal/-shm 0660, owned by group (init --group). */
enum ur_status store_share_with_group(struct store *st, const char *group, struct ur_err *err);
/** On a server, init --group's equivalent: give role the clerks' role
 *  (GRANT urikake_clerk TO role, audited), *changed unless it had it
 *  already. UR_USAGE: no such role, or a name the server cannot have;
 *  UR_FAIL: the login may not give the role (the server's reason said). */
enum ur_status store_grant_clerk_role(struct store *st, const char *role, bool *changed,
				      struct ur_err *err);

/* Transactions: BEGIN IMMEDIATE … COMMIT; a rollback undoes everything. */
enum ur_status store_begin(struct store *st, struct ur_err *err);
enum ur_status store_commit(struct store *st, struct ur_err *err);
void store_rollback(struct store *st);

/** Consistent online copy of the database to path, whole or not at all
 *  (outfile.h); refuses an existing file or link (UR_INPUT). A file is
 *  copied by SQLite's backup API; a server's database by pg_dump in its
 *  custom format ($URIKAKE_PG_DUMP, else the PATH's, else the newest of
 *  /usr/lib/postgresql/VERSION/bin), the password handed over in its
 *  environment; its failure quotes what it said. */
enum ur_status store_backup(struct store *st, const char *path, struct ur_err *err);

/* Customers. Strings are UTF-8; NULL or "" means absent. */
struct customer {
	int64_t id;
	const char *code;
	const char *name;
	const char *kana;     /* reading (フリガナ) as given */
	const char *kana_key; /* folded key for matching (kana.h) */
	const char *currency; /* ISO 4217, default "JPY" */
	const char *terms;    /* as in doc/cli-contract.md: NET30, EOM/+1/EOM:next ... */
	int64_t credit_limit; /* minor units of currency; 0 = none */
	const char *sales_rep;
	const char *phone;
	const char *email;
	const char *address;
	const char *payer_parent; /* code of the customer that pays for this one (請求先) */
	const char *rep_kana;     /* the representative's name in kana (代表者カナ) */
	const char *fee_policy;   /* the transfer fee it deducts, as declared (match_fee_parse) */
	const char *collector;    /* who calls it when late: "sales", "accounting"; NULL or
				     "": the dunning level's rule (collector-by-level) */
};

/* STORE_QUEUED: sent, whether it was new is known later (store_deposit_queue). */
enum store_upsert { STORE_UNCHANGED, STORE_INSERTED, STORE_UPDATED, STORE_QUEUED };

/** Insert or update by code, inside the caller's transaction. An update
 *  writes an audit row with before/after; an unchanged row writes nothing. */
enum ur_status store_customer_upsert(struct store *st, const struct customer *c,
				     enum store_upsert *what, struct ur_err *err);
/** Look up by code. Returns UR_OK and fills *out (strings owned by the store,
 *  valid until the next call on st), or UR_INPUT when there is no such code.
 *  payer_parent, rep_kana, fee_policy and collector are kept too. */
enum ur_status store_customer_get(struct store *st, const char *code, struct customer *out,
				  struct ur_err *err);

/* Invoices. */
struct invoice {
	int64_t id;
	const char *number;
	const char *customer; /* customer code */
	int32_t issue_date;
	int32_t due_date;
	int64_t amount; /* total incl. tax, minor units */
	const char *currency;
	int64_t tax;    /* -1 when unknown */
	const char *memo;
};

/** Insert or update by number, inside the caller's transaction (as customers). */
enum ur_status store_invoice_upsert(struct store *st, const struct invoice *inv,
				    enum store_upsert *what, struct ur_err *err);

/** Look up by number: fills *out (id included; strings owned by the store,
 *  valid until the next call on st) and *open_amount (amount − paid), or
 *  UR_INPUT when there is no such number. */
enum ur_status store_invoice_get(struct store *st, const char *number, struct invoice *out,
				 int64_t *open_amount, struct ur_err *err);
/** Count the invoices whose cached paid amount differs from the sum of
 *  their active allocations and adjustments (0 when the cache is right). */
enum ur_status store_verify_paid(struct store *st, int64_t *mismatches, struct ur_err *err);

/** Record one audit row (inside the caller's transaction when there is one).
 *  before/after are JSON text or NULL. */
enum ur_status store_audit(struct store *st, const char *action, const char *entity,
			   const char *before, const char *after, struct ur_err *err);

/* Iteration for exports: fn is called once per row, in code/number order;
 * a non-zero return stops the walk. */
typedef int (*store_customer_fn)(const struct customer *c, void *ctx);
typedef int (*store_invoice_fn)(const struct invoice *inv, int64_t open_amount, void *ctx);
enum ur_status store_customers_each(struct store *st, store_customer_fn fn, void *ctx,
				    struct ur_err *err);
enum ur_status store_invoices_each(struct store *st, store_invoice_fn fn, void *ctx,
				   struct ur_err *err);

/* Aging (one SQL query): open amounts as of a date, per customer and
 * currency, bucketed by days past due. bounds[] are the inclusive upper
 * day limits of the overdue buckets, e.g. {30, 60, 90} gives
 * current | 1–30 | 31–60 | 61–90 | 90+. */
#define STORE_AGING_MAX_BUCKETS 8
struct aging_row {
	const char *code;
	const char *name;
	const char *currency;
	int64_t bucket[STORE_AGING_MAX_BUCKETS + 2]; /* [0] current … [nbounds+1] oldest */
	int64_t total;
	int64_t on_account; /* cash held for the customer, not in total */
};
typedef int (*store_aging_fn)(const struct aging_row *row, void *ctx);
enum ur_status store_aging(struct store *st, int32_t as_of, const int *bounds, int nbounds,
			   store_aging_fn fn, void *ctx, struct ur_err *err);

/** The SQL text store_aging runs (from the ledger, for any date), for the
 *  benchmark to run the same query in the sqlite3 shell. Named parameters:
 *  :as_of ('YYYY-MM-DD'), :b1 … :b8 (bucket limits in days; NULL =
 *  unused) and :company (the client company's id, 1 in a database made
 *  before companies). Rows: code, name, currency, bucket, open — one per customer,
 *  currency and non-empty bucket, ordered by code, currency, bucket. */
const char *store_aging_sql(void);
/** The same from the ledger by one join of invoices to their ledger sums:
 *  what store_aging runs on PostgreSQL. Same parameters and rows. */
const char *store_aging_join_sql(void);
/** The same over the cached paid amounts, used by store_aging instead when
 *  no allocation or adjustment is dated or voided after the as-of date
 *  (normally: as of today). Same parameters and rows. */
const char *store_aging_fast_sql(void);

/* Bank files and deposits. Strings: NULL means "". */
struct bank_file {
	const char *sha256; /* hex digest of the file's bytes */
	const char *name;
	const char *format;
	const char *encoding;
	int64_t records;
};
/** Record an imported bank file. When a file with the same sha256 was
 *  imported before: *what = STORE_UNCHANGED and *id is that import. */
enum ur_status store_bank_file_insert(struct store *st, const struct bank_file *bf,
				      int64_t *id, enum store_upsert *what, struct ur_err *err);

struct deposit {
	int64_t bank_file_id; /* 0: none */
	int64_t record_no;
	const char *acct_bank, *acct_branch; /* our account (its number in payer) */
	int32_t booking_date;
	int32_t value_date;
	int64_t amount; /* minor units */
	const char *currency;
	struct deposit_payer payer; /* payer_key folded for matching */
	const char *reference; /* 照会番号 / AcctSvcrRef, leading zeros kept */
};
/** Insert a deposit (state 'unmatched'). When one with the same account,
 *  booking date, reference and amount exists: *what = STORE_UNCHANGED and
 *  *id is that one (overlapping statements add nothing). */
enum ur_status store_deposit_insert(struct store *st, const struct deposit *d, int64_t *id,
				    enum store_upsert *what, struct ur_err *err);
/** store_deposit_insert for a caller that needs no id (a bank import):
 *  inside a transaction on a database server the insert may wait to be
 *  sent with others, *what = STORE_QUEUED; store_deposits_settle then says
 *  how many of the queued ones were new, and must be called before any
 *  other store call that reads deposits. */
enum ur_status store_deposit_queue(struct store *st, const struct deposit *d,
				   enum store_upsert *what, struct ur_err *err);
/** Wait for the queued deposits: *added how many of them were new (the
 *  rest were there already). An insert that failed fails this. */
enum ur_status store_deposits_settle(struct store *st, unsigned long *added,
				     struct ur_err *err);
/** Move deposit id from state `from` to `to`, setting its customer (0:
 *  none) and park reason (NULL: none); audited. UR_CONFLICT when it is no
 *  longer in `from` (another clerk got there first). */
enum ur_status store_deposit_set_state(struct store *st, int64_t id, enum deposit_state from,
				       enum deposit_state to, int64_t customer_id,
				       const char *park_reason, struct ur_err *err);

/* The ledger: allocations and adjustments are inserted and voided, never
 * deleted; invoice.paid follows them in the same transaction. */
struct allocation {
	int64_t deposit_id;
	int64_t invoice_id;  /* 0: money held on account for the customer */
	int64_t customer_id;
	int64_t amount;      /* cash of the deposit applied (a deposit's active
				allocations add up to its amount) */
	int64_t fee;         /* transfer fee deducted on this invoice: booked as a
				'fee' adjustment, voided with the allocation */
	enum alloc_kind kind;
	int32_t alloc_date;
	int32_t made_on;     /* the day the match was made (0: today) */
};
/** Insert an allocation (and its fee adjustment), audited. UR_CONFLICT when
 *  amount + fee exceeds the invoice's open amount. */
enum ur_status store_allocation_insert(struct store *st, const struct allocation *a,
				       int64_t *id, struct ur_err *err);
/** Void allocation id (and its fee adjustment), audited. UR_CONFLICT when
 *  it does not exist or is already voided. */
enum ur_status store_allocation_void(struct store *st, int64_t id, struct ur_err *err);

struct adjustment {
	int64_t invoice_id;
	const char *kind; /* "fee", "write_off" or "credit_note" */
	int64_t amount;   /* reduces the open amount */
	int32_t adj_date;
	int64_t allocation_id; /* 0: none */
};
/** Insert an adjustment, audited. UR_CONFLICT when it exceeds the open
 *  amount (unless it belongs to an allocation, checked there). */
enum ur_status store_adjustment_insert(struct store *st, const struct adjustment *adj,
				       int64_t *id, struct ur_err *err);
/** Void adjustment id, audited; UR_CONFLICT as store_allocation_void. */
enum ur_status store_adjustment_void(struct store *st, int64_t id, struct ur_err *err);

#endif
