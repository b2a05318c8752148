/* store_ui_act: the clerk's writes from the queue pane — confirm, park,
 * assign payer (teaching an alias), undo from the audit log — and the
 * "being handled by NAME" leases, all in short transactions that check the
 * state they expect. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_priv.h"
#include "store_ui.h"
#include "store_ui_priv.h"
#include "xalloc.h"

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* Teach payer of d → customer: a new alias row or one more confirmation. */
static enum ur_status
alias_teach(struct store *st, const struct sui_deposit *d, int64_t customer, int64_t *alias,
	    int *created, struct ur_err *err)
{
	static const char upd[] =
		"UPDATE payer_alias SET count = count + 1, last_used_at = " NOW_SQL ", user = ?6"
		" WHERE payer_key = ?1 AND remit_bank = ?2 AND remit_branch = ?3"
		" AND payer_code = ?4 AND customer_id = ?5 RETURNING id";
	static const char ins[] =
		"INSERT INTO payer_alias (payer_key, remit_bank, remit_branch, payer_code,"
		" customer_id, last_used_at, user) VALUES (?1, ?2, ?3, ?4, ?5, " NOW_SQL ", ?6)"
		" RETURNING id";
	sqlite3_stmt *s;
	int rc, pass;

	*alias = 0;
	*created = 0;
	if (!*d->payer_key)
		return UR_OK;
	for (pass = 0; pass < 2 && !*alias; pass++) {
		if (!(s = sui_prepare(st, pass ? ins : upd, err)))
			return err->status;
		sqlite3_bind_text(s, 1, d->payer_key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, d->remit_bank, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, d->remit_branch, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 4, d->payer_code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 5, customer);
		sqlite3_bind_text(s, 6, store_user(st), -1, SQLITE_TRANSIENT);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW)
			*alias = sqlite3_column_int64(s, 0);
		if (sui_finish(st, s, rc == SQLITE_ROW ? SQLITE_DONE : rc, err) != UR_OK)
			return err->status;
		*created = pass;
	}
	return UR_OK;
}

/* Record the undoable action: after = {"deposit":…,"from":…,"to":…,
 * "customer":prev,"alias":…,"alias_new":…,"alloc":[…]}. */
static enum ur_status
record(struct store *st, const char *action, const struct sui_deposit *d, const char *to,
       int64_t alias, int created, const int64_t *alloc, int nalloc, struct ur_err *err)
{
	struct strbuf j;
	char key[24];
	enum ur_status rc;

	sb_init(&j);
	sb_addf(&j, "{\"deposit\":%" PRId64 ",\"from\":\"%s\",\"to\":\"%s\",\"customer\":%" PRId64
		    ",\"alias\":%" PRId64 ",\"alias_new\":%d,\"alloc\":[",
		d->id, d->state, to, d->customer_id, alias, created);
	for (int i = 0; i < nalloc; i++)
		sb_addf(&j, "%s%" PRId64, i ? "," : "", alloc[i]);
	sb_adds(&j, "]}");
	snprintf(key, sizeof key, "%" PRId64, d->id);
	rc = store_audit_entity(st, action, "deposit", key, NULL, j.buf, err);
	sb_free(&j);
	return rc;
}

/* Commit, or roll back and pass the failure on. */
static enum ur_status
finish_tx(struct store *st, enum ur_status rc, struct ur_err *err)
{
	if (rc == UR_OK && store_commit(st, err) == UR_OK)
		return UR_OK;
	store_rollback(st);
	return err->status;
}

static enum ur_status
insert_parts(struct store *st, const struct sui_deposit *d, int64_t customer,
	     const struct sui_alloc *parts, int n, int32_t today, int64_t *ids, struct ur_err *err)
{
	struct allocation a;

	for (int i = 0; i < n; i++) {
		memset(&a, 0, sizeof a);
		a.deposit_id = d->id;
		a.invoice_id = parts[i].invoice_id;
		a.customer_id = customer;
		a.amount = parts[i].amount;
		a.fee = parts[i].fee;
		a.kind = "manual";
		a.alloc_date = today;
		if (store_allocation_insert(st, &a, &ids[i], err) != UR_OK)
			return err->status;
	}
	return UR_OK;
}

enum ur_status
store_ui_confirm(struct store *st, const struct sui_deposit *d, int64_t customer,
		 const struct sui_alloc *parts, int nparts, int32_t today, struct ur_err *err)
{
	int64_t sum = 0, alias, *ids;
	enum ur_status rc;
	int created;

	for (int i = 0; i < nparts; i++)
		sum += parts[i].amount;
	if (nparts < 1 || sum != d->amount)
		return ur_fail(err, UR_INPUT, _("the parts do not add up to the deposit"));
	if (store_begin(st, err) != UR_OK)
		return err->status;
	ids = xcalloc((size_t)nparts, sizeof *ids);
	rc = store_deposit_set_state(st, d->id, "unmatched", "matched", customer, NULL, err);
	if (rc == UR_OK)
		rc = insert_parts(st, d, customer, parts, nparts, today, ids, err);
	if (rc == UR_OK)
		rc = alias_teach(st, d, customer, &alias, &created, err);
	if (rc == UR_OK)
		rc = record(st, "ui-confirm", d, "matched", alias, created, ids, nparts, err);
	free(ids);
	return finish_tx(st, rc, err);
}

enum ur_status
store_ui_park(struct store *st, int64_t id, const char *reason, struct ur_err *err)
{
	struct sui_deposit d;
	enum ur_status rc;

	if (!reason || !*reason)
		return ur_fail(err, UR_INPUT, _("a parked deposit needs a reason"));
	if (store_ui_deposit_get(st, id, &d, err) != UR_OK)
		return err->status;
	if ((rc = store_begin(st, err)) == UR_OK) {
		rc = store_deposit_set_state(st, id, "unmatched", "parked", d.customer_id, reason,
					     err);
		if (rc == UR_OK)
			rc = record(st, "ui-park", &d, "parked", 0, 0, NULL, 0, err);
		rc = finish_tx(st, rc, err);
	}
	sui_deposit_free(&d);
	return rc;
}

enum ur_status
store_ui_assign(struct store *st, const struct sui_deposit *d, int64_t customer,
		struct ur_err *err)
{
	enum ur_status rc;
	int64_t alias;
	int created;

	if (store_begin(st, err) != UR_OK)
		return err->status;
	rc = store_deposit_set_state(st, d->id, "unmatched", "unmatched", customer, NULL, err);
	if (rc == UR_OK)
		rc = alias_teach(st, d, customer, &alias, &created, err);
	if (rc == UR_OK)
		rc = record(st, "ui-assign", d, "unmatched", alias, created, NULL, 0, err);
	return finish_tx(st, rc, err);
}
