/* store_company_user: the users a client company is open to (issue 17,
 * migration 18). A company without grants is open to every clerk; one with
 * grants only to the users they name. The name is the server's login on
 * PostgreSQL (session_user: the server's row-level security checks the
 * same), the program's user (--user, the config file, the login) on
 * SQLite, where the check is the program's only. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_priv.h"
#include "xalloc.h"

/* Migration 18. "user" as in audit and bank_file. */
const char store_company_user_migration_sql[] =
	"CREATE TABLE company_user ("
	" company_id INTEGER NOT NULL REFERENCES company(id),"
	" user TEXT NOT NULL,"
	" PRIMARY KEY (company_id, user)) WITHOUT ROWID, STRICT;";

enum ur_status
store_company_login(struct store *st, struct ur_err *err)
{
	struct db_stmt *s;
	int rc;

	if (!db_name_is_server(st->path)) {
		store_keep_str(&st->login, st->user);
		return UR_OK;
	}
	if (!(s = store_prepare(st, "SELECT session_user", err)))
		return err->status;
	if ((rc = db_step(s)) == DB_ROW)
		store_keep_str(&st->login, store_column_str(s, 0));
	store_keep(st, s);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

const char *
store_login(const struct store *st)
{
	return st->login ? st->login : "";
}

void
store_company_users_free(struct store_company_user *u, int n)
{
	for (int i = 0; i < n; i++) {
		free(u[i].code);
		free(u[i].user);
	}
	free(u);
}

/* The id of the company with code into *id, and whether it is open to
 * the login; UR_USAGE when there is none. */
static enum ur_status
company_id_of(struct store *st, const char *code, int64_t *id, bool *open, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, "SELECT c.id, CASE WHEN "
					  STORE_COMPANY_OPEN("c.id", "?2") " THEN 1 ELSE 0 END"
					  " FROM company AS c WHERE c.code = ?1", err);
	int rc;

	*id = 0;
	if (!s)
		return err->status;
	db_bind_text(s, 1, code);
	db_bind_text(s, 2, store_login(st));
	if ((rc = db_step(s)) == DB_ROW) {
		*id = db_column_int64(s, 0);
		*open = db_column_int64(s, 1) != 0;
	}
	store_keep(st, s);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	if (!*id)
		return ur_fail(err, UR_USAGE,
			       _("no company %s in %s (urikake company list shows them)"), code,
			       st->path);
	return UR_OK;
}

static void
user_read(struct db_stmt *s, void *row)
{
	struct store_company_user *u = row;

	u->code = xstrdup(store_column_str(s, 0));
	u->user = db_column_is_null(s, 1) ? NULL : xstrdup(store_column_str(s, 1));
}

static void
user_rows_free(void *rows, int n)
{
	store_company_users_free(rows, n);
}

enum ur_status
store_company_users(struct store *st, const char *code, struct store_company_user **out,
		    int *n, struct ur_err *err)
{
	static const char sql[] = "SELECT c.code, g.\"user\" FROM company AS c"
				  " LEFT JOIN company_user AS g ON g.company_id = c.id"
				  " WHERE c.code = coalesce(?1, c.code) ORDER BY c.code, g.\"user\"";
	static const struct store_rows how = { sizeof **out, user_read, user_rows_free };
	struct db_stmt *s;
	void *rows = NULL;
	enum ur_status rc;
	int64_t id;
	bool open;

	*out = NULL;
	*n = 0;
	if (code && company_id_of(st, code, &id, &open, err) != UR_OK)
		return err->status;
	if (!(s = store_prepare(st, sql, err)))
		return err->status;
	if (code)
		db_bind_text(s, 1, code);
	else
		db_bind_null(s, 1);
	rc = store_rows(st, s, &how, &rows, n, err);
	*out = rows;
	return rc;
}

bool
store_name_ok(const char *user, size_t max)
{
	size_t n = strlen(user);

	if (n == 0 || n > max)
		return false;
	for (const unsigned char *p = (const unsigned char *)user; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

/* On a server only the schema's owner writes company_user: say so rather
 * than pass on the server's refusal. */
static enum ur_status
may_grant(struct store *st, struct ur_err *err)
{
	struct db_stmt *s;
	int rc;
	bool may = false;

	if (!db_name_is_server(st->path))
		return UR_OK;
	if (!(s = store_prepare(st, "SELECT CASE WHEN has_table_privilege('company_user',"
				" 'INSERT, DELETE') THEN 1 ELSE 0 END", err)))
		return err->status;
	if ((rc = db_step(s)) == DB_ROW)
		may = db_column_int64(s, 0) != 0;
	store_keep(st, s);
	if (rc != DB_ROW)
		return store_sqlfail(st, rc, err);
	if (!may)
		return ur_fail(err, UR_FAIL,
			       _("%s may not grant or revoke companies in %s: on PostgreSQL only "
				 "the owner (urikake_owner or one of its members) does"),
			       store_login(st), st->shown);
	return UR_OK;
}

/* Insert (grant) or delete (revoke) the row, *changed when there was
 * something to do, and audit it in the company. */
static enum ur_status
change_grant(struct store *st, int64_t id, const char *code, const char *user, bool grant,
	     bool *changed, struct ur_err *err)
{
	const char *sql = grant ? "INSERT INTO company_user (company_id, \"user\")"
				  " VALUES (?1, ?2) ON CONFLICT DO NOTHING"
				: "DELETE FROM company_user WHERE company_id = ?1 AND \"user\" = ?2";
	struct db_stmt *s = store_prepare(st, sql, err);
	int64_t was = st->company;
	enum ur_status rc;
	struct strbuf row;

	if (!s)
		return err->status;
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, user);
	rc = store_step_done(st, s, err);
	store_keep(st, s);
	if (rc != UR_OK || !(*changed = db_changes(st->db) > 0))
		return rc;
	sb_init(&row);
	store_json_begin(&row);
	store_json_str(&row, "user", user);
	store_json_end(&row);
	st->company = id;
	rc = store_audit_entity(st, grant ? "grant" : "revoke", "company_user", code,
				grant ? NULL : row.buf, grant ? row.buf : NULL, err);
	st->company = was;
	sb_free(&row);
	return rc;
}

/* In a file (where the server's roles do not guard company_user), the
 * program lets only a user a company is open to change its grants, so a
 * clerk cannot grant himself a company limited to others. */
static enum ur_status
may_change(struct store *st, const char *code, bool open, struct ur_err *err)
{
	if (open || db_name_is_server(st->path))
		return UR_OK;
	return ur_fail(err, UR_USAGE,
		       _("company %s is not open to %s, so %s may not change who it is open "
			 "to: one of its users does"), code, store_login(st), store_login(st));
}

enum ur_status
store_company_grant(struct store *st, const char *code, const char *user, bool grant,
		    bool *changed, struct ur_err *err)
{
	bool open = false;
	int64_t id;
	enum ur_status rc;

	*changed = false;
	if (db_name_is_server(st->path) && !store_name_ok(user, STORE_LOGIN_MAX))
		return ur_fail(err, UR_USAGE,
			       _("a server login takes 1 to 63 bytes without control characters"));
	if (!store_name_ok(user, 64))
		return ur_fail(err, UR_USAGE,
			       _("a user name takes 1 to 64 bytes without control characters"));
	if (may_grant(st, err) != UR_OK || store_begin(st, err) != UR_OK)
		return err->status;
	if ((rc = company_id_of(st, code, &id, &open, err)) != UR_OK ||
	    (rc = may_change(st, code, open, err)) != UR_OK ||
	    (rc = change_grant(st, id, code, user, grant, changed, err)) != UR_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, err);
}
