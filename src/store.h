/* store: the only module that speaks SQL. Opens (creating 0600, WAL, foreign
 * keys, busy timeout) and migrates the database, and offers typed
 * operations to the rest of the program. Dates are day numbers (days since
 * 1970-01-01, see date.h) in memory and ISO 'YYYY-MM-DD' text in SQL; money
 * is int64 minor units with an ISO 4217 currency code. */
#ifndef UR_SRC_STORE_H
#define UR_SRC_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

struct store;

/** Open (creating if absent, mode 0600) and migrate the database at path.
 *  user is recorded in the audit log, beside the operating-system login. */
enum ur_status store_open(struct store **out, const char *path, const char *user,
			  struct ur_err *err);
void store_close(struct store *st);
/** Schema version after migration (PRAGMA user_version). */
int store_schema_version(struct store *st);
/** Make the database file and its -wal/-shm 0660, owned by group (init --group). */
enum ur_status store_share_with_group(struct store *st, const char *group, struct ur_err *err);

/* Transactions: BEGIN IMMEDIATE … COMMIT; a rollback undoes everything. */
enum ur_status store_begin(struct store *st, struct ur_err *err);
enum ur_status store_commit(struct store *st, struct ur_err *err);
void store_rollback(struct store *st);

/** Consistent online copy of the database to path (SQLite backup API);
 *  refuses to overwrite an existing file. */
enum ur_status store_backup(struct store *st, const char *path, struct ur_err *err);

/* Customers. Strings are UTF-8; NULL or "" means absent. */
struct customer {
	int64_t id;
	const char *code;
	const char *name;
	const char *kana;     /* reading (フリガナ) as given */
	const char *kana_key; /* folded key for matching (kana.h) */
	const char *currency; /* ISO 4217, default "JPY" */
	const char *terms;    /* as in CLI.md: NET30, EOM/+1/EOM:next ... */
	int64_t credit_limit; /* minor units of currency; 0 = none */
	const char *sales_rep;
	const char *phone;
	const char *email;
	const char *address;
};

enum store_upsert { STORE_UNCHANGED, STORE_INSERTED, STORE_UPDATED };

/** Insert or update by code, inside the caller's transaction. An update
 *  writes an audit row with before/after; an unchanged row writes nothing. */
enum ur_status store_customer_upsert(struct store *st, const struct customer *c,
				     enum store_upsert *what, struct ur_err *err);
/** Look up by code. Returns UR_OK and fills *out (strings owned by the store,
 *  valid until the next call on st), or UR_INPUT when there is no such code. */
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
};
typedef int (*store_aging_fn)(const struct aging_row *row, void *ctx);
enum ur_status store_aging(struct store *st, int32_t as_of, const int *bounds, int nbounds,
			   store_aging_fn fn, void *ctx, struct ur_err *err);

#endif
