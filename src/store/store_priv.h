/* store_priv: the store's internals shared by src/store*.c — the handle,
 * the cache of prepared statements, error mapping and small helpers. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_PRIV_H
#define UR_SRC_STORE_PRIV_H

#include <stdint.h>

#include "store.h"
#include "store_db_priv.h"
#include "store_dialect_priv.h"
#include "strbuf.h"

/* Statements prepared once per store (on first use) and reset per call. */
enum store_stmt {
	SQ_AUDIT,
	SQ_CUST_INSERT,
	SQ_CUST_SELECT,
	SQ_CUST_UPDATE,
	SQ_CUST_BY_CODE,
	SQ_INV_INSERT,
	SQ_INV_SELECT,
	SQ_INV_UPDATE,
	SQ_INV_GET,
	SQ_BANK_FILE_INSERT,
	SQ_BANK_FILE_BY_HASH,
	SQ_DEP_INSERT,
	SQ_DEP_BY_KEY,
	SQ_DEP_QUEUE,
	SQ_DEP_STATE,
	SQ_INV_OPEN,
	SQ_ALLOC_INSERT,
	SQ_ALLOC_VOID,
	SQ_ADJ_INSERT,
	SQ_ADJ_VOID,
	SQ_INV_PAID_ADD,
	SQ_ALLOC_INSERT_AT,
	SQ_ADJ_INSERT_AT,
	SQ_AGING,
	SQ_AGING_FAST,
	SQ_AGING_CHECK,
	SQ_BILL_PREV,
	SQ_BILL_INSERT,
	SQ_BILL_SLIP,
	SQ_COUNT
};

/* One-off statements kept for their next use (store_prepare, store_keep). */
#define STORE_KEPT 32

/* Number of customer text fields copied for store_customer_get. */
#define STORE_CUST_STRS 14
/* Number of invoice text fields copied for store_invoice_get. */
#define STORE_INV_STRS 4

struct store {
	struct db_conn *db;
	char *path;
	char *shown; /* path in messages: a server URL's password hidden */
	char *user;
	char *os_user;
	int in_tx;
	struct db_stmt *stmt[SQ_COUNT];
	bool stmt_scoped[SQ_COUNT]; /* its text has STORE_COMPANY */
	struct db_stmt *kept[STORE_KEPT]; /* one-off statements done with, reset */
	int kept_next; /* the oldest of them when all are taken */
	/* store_deposit_queue: the deposits queued, and the connection's
	 * changes before the first of them */
	unsigned long dep_queued;
	int64_t dep_base;
	/* invoice upsert: the last customer code resolved */
	char *last_code;
	int64_t last_cust_id;
	char last_currency[8];
	/* strings handed out by store_customer_get / store_invoice_get */
	char *cust_strs[STORE_CUST_STRS];
	char *inv_strs[STORE_INV_STRS];
	struct strbuf before, after;
	/* the queue's lists of today's automatic matches (store_ui_queue.c) */
	struct sui_lists *lists;
	bool listening; /* store_listen: notified of other clerks' commits */
	int64_t company; /* the current company's id; 0: none chosen yet */
	char *company_code, *company_name;
	int companies; /* how many the database keeps, 2 for two or more */
	char *login; /* whom company_user's grants name: the server's login, or user */
	/* store_match_set: the newest audit id match --auto has seen */
	bool match_marked;
	int64_t match_mark;
};

/* The current company's id in a statement's text: every statement that
 * reads or writes business rows names it; store_prepare and store_stmt
 * number it after the statement's other parameters and bind it. A filter
 * is "+company_id = " STORE_COMPANY (no index chosen for it: the unique keys
 * begin with company_id, which SQLite would otherwise scan whole); only a
 * look-up by a whole unique key names it bare. */
#define STORE_COMPANY ":company"

/* Whether customer id COL is the current company's: a set built once per
 * statement, so that a covering index of the rows (invoice_open) still
 * covers. */
#define STORE_OWN_CUSTOMER(COL) \
	COL " IN (SELECT id FROM customer WHERE company_id = " STORE_COMPANY ")"

/* Whether company ID is open to the login bound as LOGIN (migration 18):
 * it has no grants, or one for that login. */
#define STORE_COMPANY_OPEN(ID, LOGIN)                                                     \
	"(NOT EXISTS (SELECT 1 FROM company_user AS g WHERE g.company_id = " ID ")"          \
	" OR EXISTS (SELECT 1 FROM company_user AS g WHERE g.company_id = " ID               \
	" AND g.\"user\" = " LOGIN "))"

/* How long a statement waits for another connection's lock. */
#define STORE_BUSY_MS 5000

/* Money held on account (前受金, 预收款) as of date parameter ASOF, as
 * rows a(customer_id, currency, amount): allocations to no invoice, not
 * voided by then, through the invoice_id index, less the refunds paid
 * from it by then (refund kind 'on_account'). */
#define STORE_ON_ACCOUNT_AS_OF(ASOF)                                                       \
	"FROM (SELECT a.customer_id, d.currency, a.amount\n"                                \
	"  FROM allocation AS a INDEXED BY allocation_invoice\n"                           \
	"  JOIN deposit AS d ON d.id = a.deposit_id\n"                                     \
	"  WHERE a.invoice_id IS NULL AND a.alloc_date <= " ASOF "\n"                       \
	"    AND (a.voided_at IS NULL OR substr(a.voided_at, 1, 10) > " ASOF ")\n"          \
	"  UNION ALL\n"                                                                    \
	"  SELECT r.customer_id, r.currency, -r.amount FROM refund AS r\n"                 \
	"  WHERE r.kind = 'on_account' AND r.refund_date <= " ASOF "\n"                    \
	"    AND (r.voided_at IS NULL OR substr(r.voided_at, 1, 10) > " ASOF ")) AS a\n"

/* The schema (data/schema.sql, embedded by build-aux/embed.sh), and
 * PostgreSQL's at the latest version (data/schema-pg.sql). */
extern const char ur_schema_sql[];
extern const char ur_schema_pg_sql[];
extern const char ur_upgrade_pg_sql[]; /* data/upgrade-pg.sql */
/* Migration 16, the client companies (store_company.c). */
extern const char store_company_migration_sql[];
extern const char store_company_acct_migration_sql[];
extern const char store_company_user_migration_sql[];
/* The longest name the server takes (a login, a role): 63 bytes. */
#define STORE_LOGIN_MAX 63
/** A user or role name to grant: 1 to max bytes, no control characters
 *  (it is printed, and compared with a login). */
bool store_name_ok(const char *user, size_t max);
/** After opening: whom the grants name (store_company_user.c). */
enum ur_status store_company_login(struct store *st, struct ur_err *err);
/** After opening: the only company becomes the current one. */
enum ur_status store_company_default(struct store *st, struct ur_err *err);

/** On a database server, instead of a file's checks and migrations:
 *  refuse a database with tables but no schema version, and one at another
 *  version than latest; load the schema into an empty one when adopt
 *  (init), else refuse it (store_server.c). */
enum ur_status store_server_schema(struct store *st, bool adopt, int latest, struct ur_err *err);

/** The cached statement id (prepared from sql on first use), reset and
 *  with bindings cleared; NULL after filling err when it cannot be
 *  prepared. */
struct db_stmt *store_stmt(struct store *st, enum store_stmt id, const char *sql,
			   struct ur_err *err);
/** Step a statement that returns no rows, then reset it. */
enum ur_status store_step_done(struct store *st, struct db_stmt *s, struct ur_err *err);
/** store_step_done for a write whose outcome the caller does not read (no
 *  db_changes after it): on PostgreSQL it may be queued, its failure then
 *  reported by the transaction's next answered call (db_step_write). */
enum ur_status store_step_write(struct store *st, struct db_stmt *s, struct ur_err *err);
/** Step an INSERT that ends in SQL_RETURNING_ID and reset it: *id is the
 *  new row's id (the returned row, or else the connection's last one), 0
 *  when nothing was inserted (ON CONFLICT DO NOTHING, INSERT … SELECT of
 *  no row). */
/* A query of one row and one integer column into *v (0 if no row). */
enum ur_status store_one_int64(struct store *st, const char *sql, int64_t *v,
			       struct ur_err *err);
enum ur_status store_step_id(struct store *st, struct db_stmt *s, int64_t *id,
			     struct ur_err *err);
/** Map a failed database call (result code rc) to err: a conflict
 *  (db_is_conflict) → UR_CONFLICT (another user holds the database),
 *  anything else → UR_FAIL with db_errmsg. Returns the status. */
enum ur_status store_sqlfail(struct store *st, int rc, struct ur_err *err);
/** The status a failed call left in err (UR_FAIL when the caller passed
 *  no err to fill). */
static inline enum ur_status
store_status(const struct ur_err *err)
{
	return err ? err->status : UR_FAIL;
}
/** A store for path and user, not yet open. */
struct store *store_alloc(const char *path, const char *user);
/** PRAGMA user_version into *version; UR_FAIL (err says why) when it cannot
 *  be read, is negative or is newer than this program knows. */
enum ur_status store_check_version(struct store *st, int *version, struct ur_err *err);
/** Run SQL text without results (schema, pragmas, transaction control). */
enum ur_status store_exec(struct store *st, const char *sql, struct ur_err *err);
/** A one-off statement of sql — one kept by store_keep, else prepared
 *  anew — that the caller finalizes or hands back to store_keep; NULL with
 *  err filled when it cannot be prepared. */
struct db_stmt *store_prepare(struct store *st, const char *sql, struct ur_err *err);
/** db_prepare, with the current company bound where sql names STORE_COMPANY
 *  (a statement finalized, not kept, after use). */
int store_prepare_db(struct store *st, const char *sql, struct db_stmt **out);
/** Bind the current company again to a scoped statement whose bindings
 *  the caller cleared (store_prepare and store_stmt bind it themselves). */
void store_bind_company(struct store *st, struct db_stmt *s);
/** Instead of finalizing s (from store_prepare; NULL is ignored): reset it
 *  and keep it for the next store_prepare of the same text, finalizing the
 *  oldest kept one when STORE_KEPT are. */
void store_keep(struct store *st, struct db_stmt *s);
/** Finalize the kept statements (before closing the connection). */
void store_kept_free(struct store *st);
/* Whether table (and its column, unless NULL) exists: what an older
 * database opened read-only may not have yet. */
bool store_has_table(struct store *st, const char *table, const char *column);
/** Bind s, or NULL when s is NULL or "". */
int store_bind_text(struct db_stmt *s, int idx, const char *text);
/** 'YYYY-MM-DDTHH:MM:SSZ' of day at the current UTC time of day: when a
 *  contact happened (day: today, which a training run may set). */
void store_contact_stamp(int32_t day, char *buf, size_t size);
/** Bind day number as 'YYYY-MM-DD'. */
int store_bind_date(struct db_stmt *s, int idx, int32_t day);
/** Column as a day number ('YYYY-MM-DD'; 0 when NULL or malformed). */
int32_t store_column_date(struct db_stmt *s, int col);
/** Column text, "" for NULL. */
const char *store_column_str(struct db_stmt *s, int col);
/** How store_rows keeps a row: its size, how one is read from the
 *  statement's current row, how n of them are freed. */
struct store_rows {
	size_t size;
	void (*read)(struct db_stmt *s, void *row);
	void (*free)(void *rows, int n);
};
/** Step s (prepared and bound) to the end, each row read into a growing
 *  array of how->size elements: *out (NULL when none), *n of them. s goes
 *  back to store_keep; on a failed step what was read is freed. */
enum ur_status store_rows(struct store *st, struct db_stmt *s, const struct store_rows *how,
			  void **out, int *n, struct ur_err *err);
/* A deposit's payer columns (DEPOSIT_PAYER_FIELDS, payer.h), each followed
 * by ", ": as named in the deposit table, and of deposit d. */
#define STORE_PAYER_COL(f, label, cap) #f ", "
#define STORE_PAYER_D_COL(f, label, cap) "d." #f ", "
#define STORE_PAYER_COLS DEPOSIT_PAYER_FIELDS(STORE_PAYER_COL)
#define STORE_PAYER_D_COLS DEPOSIT_PAYER_FIELDS(STORE_PAYER_D_COL)
#define STORE_PAYER_ONE(f, label, cap) +1
#define STORE_PAYER_N (0 DEPOSIT_PAYER_FIELDS(STORE_PAYER_ONE))
/* The parameters store_bind_payer binds: ":payer_name, " and so on. */
#define STORE_PAYER_PARAM(f, label, cap) ":" #f ", "
#define STORE_PAYER_PARAMS DEPOSIT_PAYER_FIELDS(STORE_PAYER_PARAM)
/** Bind text ("" for NULL) to the parameter called name, when s has one
 *  (store_ledger.c). */
void store_bind_named(struct db_stmt *s, const char *name, const char *text);
/** Bind p's fields to the parameters of STORE_PAYER_PARAMS that s has. */
void store_bind_payer(struct db_stmt *s, const struct deposit_payer *p);
/** p's fields from column col on, borrowed from the row ("" for NULL). */
void store_column_payer(struct db_stmt *s, int col, struct deposit_payer *p);
/** Copy p's strings ("" for NULL) into one block and point p into it;
 *  returns the block, for the caller to free. */
char *store_payer_dup(struct deposit_payer *p);
/** Column col, a deposit's stored state word, as the enum (the schema's
 *  CHECK allows no other word). */
enum deposit_state store_column_state(struct db_stmt *s, int col);
/** Column col, an allocation's stored kind word, as the enum. */
enum alloc_kind store_column_alloc_kind(struct db_stmt *s, int col);
/** store_allocation_insert without its open-amount check, for a caller
 *  that has already checked, in this transaction, that the invoice has
 *  the amount and fee open (a batch of confirmations). */
enum ur_status store_allocation_insert_prechecked(struct store *st, const struct allocation *a,
						  int64_t *id, struct ur_err *err);
/** The audit rows of a state change, an allocation and an adjustment, as
 *  store_deposit_set_state, store_allocation_insert and
 *  store_adjustment_insert write them (for the set-based confirmations of
 *  store_match_set.c). */
enum ur_status store_deposit_state_audit(struct store *st, int64_t id, enum deposit_state from,
					 enum deposit_state to, int64_t customer_id,
					 const char *park_reason, struct ur_err *err);
enum ur_status store_allocation_audit(struct store *st, const struct allocation *a, int64_t id,
				      struct ur_err *err);
enum ur_status store_adjustment_audit(struct store *st, const struct adjustment *adj, int64_t id,
				      struct ur_err *err);
/** Whether a can be inserted, its invoice's open amount aside. */
enum ur_status store_allocation_check(struct store *st, const struct allocation *a,
				      struct ur_err *err);
/** Queue the insert of a (no fee adjustment, nothing added to paid, no
 *  audit row) or adj under an id reserved by the caller. */
enum ur_status store_allocation_insert_at(struct store *st, const struct allocation *a,
					  int64_t id, struct ur_err *err);
enum ur_status store_adjustment_insert_at(struct store *st, const struct adjustment *adj,
					  int64_t id, struct ur_err *err);
/** Audit a change of entity kind:key (e.g. "invoice", "A-1001") with
 *  the JSON texts before/after (either NULL). */
enum ur_status store_audit_entity(struct store *st, const char *action, const char *kind,
				  const char *key, const char *before, const char *after,
				  struct ur_err *err);
/** Replace *slot with a copy of s (NULL stays NULL). */
void store_keep_str(char **slot, const char *s);

/* JSON for audit before/after: start with "{", add pairs, close with "}". */
void store_json_begin(struct strbuf *sb);
void store_json_str(struct strbuf *sb, const char *key, const char *value);
void store_json_int(struct strbuf *sb, const char *key, int64_t value);
void store_json_end(struct strbuf *sb);

#endif
