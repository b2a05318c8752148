/* store_ui_undo: undoing the clerk's latest queue action from the audit
 * log (so it survives a restart; a confirmation through store_match_undo),
 * undoing an automatic match the clerk reviews, and the "being handled by
 * NAME" leases
 * kept as audit rows that every urikake process on the database sees. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_match.h"
#include "store_match_priv.h"
#include "store_ui.h"
#include "store_ui_priv.h"
#include "strbuf.h"

/* The undo record written by store_ui_act.c (states stored as words). */
struct undo_rec {
	int64_t audit_id, deposit, customer;
	char action[16], from[16], to[16];
};

static int64_t
json_int(const char *j, const char *key)
{
	char pat[32];
	const char *p;

	snprintf(pat, sizeof pat, "\"%s\":", key);
	p = strstr(j, pat);
	return p ? strtoll(p + strlen(pat), NULL, 10) : 0;
}

static void
json_word(const char *j, const char *key, char *out, size_t size)
{
	char pat[32];
	const char *p;
	size_t n = 0;

	snprintf(pat, sizeof pat, "\"%s\":\"", key);
	if ((p = strstr(j, pat)))
		for (p += strlen(pat); p[n] && p[n] != '"' && n + 1 < size; n++)
			out[n] = p[n];
	out[n] = '\0';
}

/* This user's latest action not undone yet; UR_INPUT when none. */
static enum ur_status
undo_find(struct store *st, struct undo_rec *u, struct ur_err *err)
{
	static const char sql[] =
		"SELECT a.id, a.action, a.after FROM audit a WHERE a.\"user\" = ?1"
		" AND a.action IN ('ui-confirm', 'ui-park', 'ui-assign') AND +a.company_id = " STORE_COMPANY
		" AND NOT EXISTS (SELECT 1 FROM audit x WHERE x.entity = 'audit:' || a.id"
		" AND x.action = 'ui-undo') ORDER BY a.id DESC LIMIT 1";
	struct db_stmt *s = store_prepare(st, sql, err);
	const char *j;
	int rc;

	if (!s)
		return err->status;
	db_bind_text_copy(s, 1, store_user(st));
	if ((rc = db_step(s)) != DB_ROW) {
		if (sui_finish(st, s, rc, err) != UR_OK)
			return err->status;
		return ur_fail(err, UR_INPUT, _("nothing to undo"));
	}
	memset(u, 0, sizeof *u);
	u->audit_id = db_column_int64(s, 0);
	sui_col_copy(s, 1, u->action, sizeof u->action);
	j = store_column_str(s, 2);
	u->deposit = json_int(j, "deposit");
	u->customer = json_int(j, "customer");
	json_word(j, "from", u->from, sizeof u->from);
	json_word(j, "to", u->to, sizeof u->to);
	return sui_finish(st, s, DB_DONE, err);
}

/* Take the action back on deposit d (as it is now). */
static enum ur_status
undo_apply(struct store *st, const struct undo_rec *u, const struct sui_deposit *d,
	   struct ur_err *err)
{
	struct match_deposit md;
	enum deposit_state from, to;
	enum ur_status rc;

	if (!deposit_state_parse(u->from, &from) || !deposit_state_parse(u->to, &to) ||
	    d->state != to)
		return ur_fail(err, UR_CONFLICT, _("the deposit is %s now"),
			       deposit_state_label(d->state));
	sui_match_deposit(d, &md);
	if (!strcmp(u->action, "ui-confirm")) {
		if ((rc = store_match_undo(st, d->id, err)) != UR_OK || !u->customer)
			return rc;
		return store_deposit_set_state(st, d->id, DEPOSIT_UNMATCHED, DEPOSIT_UNMATCHED,
					       u->customer, NULL, err);
	}
	if (!strcmp(u->action, "ui-assign") && d->customer_id &&
	    (rc = store_alias_learn(st, &md, d->customer_id, -1, err)) != UR_OK)
		return rc;
	return store_deposit_set_state(st, d->id, to, from, u->customer, NULL, err);
}

enum ur_status
store_ui_undo(struct store *st, int64_t *deposit, struct ur_err *err)
{
	struct sui_deposit d;
	struct undo_rec u;
	enum ur_status rc;
	char key[24];

	if (undo_find(st, &u, err) != UR_OK)
		return err->status;
	*deposit = u.deposit;
	if (store_begin(st, err) != UR_OK)
		return err->status;
	if ((rc = store_ui_deposit_get(st, u.deposit, &d, err)) == UR_OK) {
		rc = undo_apply(st, &u, &d, err);
		sui_deposit_free(&d);
	}
	snprintf(key, sizeof key, "%" PRId64, u.audit_id);
	if (rc == UR_OK)
		rc = store_audit_entity(st, "ui-undo", "audit", key, NULL, NULL, err);
	if (rc == UR_OK && store_commit(st, err) == UR_OK)
		return UR_OK;
	store_rollback(st);
	return err->status;
}

/* Are the live allocations b (now) those a the clerk saw, all automatic? */
static enum ur_status
same_auto_match(const struct sui_deposit *d, const struct sui_alloc *a, size_t n,
		const struct sui_alloc *b, size_t m, struct ur_err *err)
{
	bool same = n == m && n > 0;

	for (size_t i = 0; same && i < n; i++)
		same = a[i].id == b[i].id;
	if (!same)
		return ur_fail(err, UR_CONFLICT, _("deposit %s was matched again since"),
			       d->reference);
	for (size_t i = 0; i < n; i++)
		if (a[i].kind != ALLOC_AUTO)
			return ur_fail(err, UR_INPUT,
				       _("deposit %s was matched by hand: undo it as its clerk"),
				       d->reference);
	return UR_OK;
}

/* Undo the automatic match of d (as seen, with allocations a) on now. */
static enum ur_status
undo_auto_apply(struct store *st, const struct sui_deposit *d, const struct sui_alloc *a,
		size_t n, const struct sui_deposit *now, struct ur_err *err)
{
	struct sui_alloc *b = NULL;
	struct strbuf j;
	char key[24];
	size_t m = 0;
	enum ur_status rc;

	if (now->state != d->state || now->customer_id != d->customer_id)
		return ur_fail(err, UR_CONFLICT, _("deposit %s is %s now"), d->reference,
			       deposit_state_label(now->state));
	if ((rc = store_ui_allocations(st, d->id, &b, &m, err)) == UR_OK &&
	    (rc = same_auto_match(d, a, n, b, m, err)) == UR_OK)
		rc = store_match_undo(st, d->id, err);
	free(b);
	if (rc != UR_OK)
		return rc;
	sb_init(&j);
	sb_addf(&j, "{\"deposit\":%" PRId64 ",\"customer\":%" PRId64 ",\"allocations\":[", d->id,
		d->customer_id);
	for (size_t i = 0; i < n; i++)
		sb_addf(&j, "%s%" PRId64, i ? "," : "", a[i].id);
	sb_adds(&j, "]}");
	snprintf(key, sizeof key, "%" PRId64, d->id);
	rc = store_audit_entity(st, "ui-undo-auto", "deposit", key, NULL, j.buf, err);
	sb_free(&j);
	return rc;
}

enum ur_status
store_ui_undo_auto(struct store *st, const struct sui_deposit *d, const struct sui_alloc *a,
		   size_t n, struct ur_err *err)
{
	struct sui_deposit now;
	enum ur_status rc;

	if (store_begin(st, err) != UR_OK)
		return err->status;
	if ((rc = store_ui_deposit_get(st, d->id, &now, err)) == UR_OK) {
		rc = undo_auto_apply(st, d, a, n, &now, err);
		sui_deposit_free(&now);
	}
	if (rc == UR_OK && store_commit(st, err) == UR_OK)
		return UR_OK;
	store_rollback(st);
	return err->status;
}

enum ur_status
store_ui_lease_holder(struct store *st, int64_t id, char **user, struct ur_err *err)
{
	static const char sql[] =
		"SELECT \"user\", action = 'lease' AND at > " SQL_NOW_PLUS("?2")
		" FROM audit WHERE entity = ?1 AND action IN ('lease', 'release')"
		" AND +company_id = " STORE_COMPANY
		" ORDER BY id DESC LIMIT 1";
	struct db_stmt *s = store_prepare(st, sql, err);
	char key[40], age[24];
	int rc;

	*user = NULL;
	if (!s)
		return err->status;
	snprintf(key, sizeof key, "deposit:%" PRId64, id);
	snprintf(age, sizeof age, "-%d minutes", SUI_LEASE_MINUTES);
	db_bind_text_copy(s, 1, key);
	db_bind_text_copy(s, 2, age);
	if ((rc = db_step(s)) == DB_ROW && db_column_int(s, 1) &&
	    strcmp(store_column_str(s, 0), store_user(st)) != 0)
		*user = sui_col_dup(s, 0);
	return sui_finish(st, s, rc, err);
}

enum ur_status
store_ui_lease_take(struct store *st, int64_t id, struct ur_err *err)
{
	char key[24], *holder = NULL;
	enum ur_status rc;

	if (store_begin(st, err) != UR_OK)
		return err->status;
	rc = store_ui_lease_holder(st, id, &holder, err);
	if (rc == UR_OK && holder)
		rc = ur_fail(err, UR_CONFLICT, _("being handled by %s"), holder);
	free(holder);
	snprintf(key, sizeof key, "%" PRId64, id);
	if (rc == UR_OK)
		rc = store_audit_entity(st, "lease", "deposit", key, NULL, NULL, err);
	if (rc == UR_OK && store_commit(st, err) == UR_OK)
		return UR_OK;
	store_rollback(st);
	return err->status;
}

enum ur_status
store_ui_lease_release(struct store *st, int64_t id, struct ur_err *err)
{
	char key[24];

	snprintf(key, sizeof key, "%" PRId64, id);
	return store_audit_entity(st, "release", "deposit", key, NULL, NULL, err);
}
