/* store_company_acct: the receiving accounts each client company owns
 * (issue 17, migration 17): registered (audited), listed, and switched to
 * while a bank file is routed record by record to the owner of the
 * account it was paid into. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_priv.h"
#include "xalloc.h"

/* Migration 17. An account is one company's: the key is the account. */
const char store_company_acct_migration_sql[] =
	"CREATE TABLE company_account ("
	" company_id INTEGER NOT NULL REFERENCES company(id),"
	" acct_bank TEXT NOT NULL, acct_branch TEXT NOT NULL, acct_number TEXT NOT NULL,"
	" PRIMARY KEY (acct_bank, acct_branch, acct_number)) WITHOUT ROWID, STRICT;";

void
store_company_accounts_free(struct store_company_account *a, int n)
{
	for (int i = 0; i < n; i++) {
		free(a[i].code);
		free(a[i].bank);
		free(a[i].branch);
		free(a[i].number);
	}
	free(a);
}

static void
account_read(struct db_stmt *s, void *row)
{
	struct store_company_account *a = row;

	a->company_id = db_column_int64(s, 0);
	a->code = xstrdup(store_column_str(s, 1));
	a->bank = xstrdup(store_column_str(s, 2));
	a->branch = xstrdup(store_column_str(s, 3));
	a->number = xstrdup(store_column_str(s, 4));
	a->open = db_column_int64(s, 5) != 0;
}

static void
account_rows_free(void *rows, int n)
{
	store_company_accounts_free(rows, n);
}

enum ur_status
store_company_accounts(struct store *st, struct store_company_account **out, int *n,
		       struct ur_err *err)
{
	static const char sql[] =
		"SELECT a.company_id, c.code, a.acct_bank, a.acct_branch, a.acct_number,"
		" CASE WHEN " STORE_COMPANY_OPEN("c.id", "?1") " THEN 1 ELSE 0 END"
		" FROM company_account AS a JOIN company AS c ON c.id = a.company_id"
		" ORDER BY c.code, a.acct_bank, a.acct_branch, a.acct_number";
	static const struct store_rows how = { sizeof **out, account_read, account_rows_free };
	struct db_stmt *s = store_prepare(st, sql, err);
	void *rows = NULL;
	enum ur_status rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return err->status;
	db_bind_text(s, 1, store_login(st));
	rc = store_rows(st, s, &how, &rows, n, err);
	*out = rows;
	return rc;
}

const struct store_company_account *
store_company_account_find(const struct store_company_account *a, int n, const char *bank,
			   const char *branch, const char *number)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(a[i].bank, bank ? bank : "") &&
		    !strcmp(a[i].branch, branch ? branch : "") &&
		    !strcmp(a[i].number, number ? number : ""))
			return &a[i];
	return NULL;
}

/* The code of the company owning the account into *owner (malloc'd),
 * NULL when none does. */
static enum ur_status
account_owner(struct store *st, const char *bank, const char *branch, const char *number,
	      char **owner, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, "SELECT c.code FROM company_account AS a"
					  " JOIN company AS c ON c.id = a.company_id"
					  " WHERE a.acct_bank = ?1 AND a.acct_branch = ?2"
					  " AND a.acct_number = ?3", err);
	int rc;

	*owner = NULL;
	if (!s)
		return err->status;
	db_bind_text(s, 1, bank);
	db_bind_text(s, 2, branch);
	db_bind_text(s, 3, number);
	if ((rc = db_step(s)) == DB_ROW)
		*owner = xstrdup(store_column_str(s, 0));
	store_keep(st, s);
	return rc == DB_ROW || rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

/* Insert the account as company id's and audit it there. */
static enum ur_status
insert_account(struct store *st, int64_t id, const char *bank, const char *branch,
	       const char *number, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, "INSERT INTO company_account (company_id,"
					  " acct_bank, acct_branch, acct_number)"
					  " VALUES (?1, ?2, ?3, ?4)", err);
	int64_t was = st->company;
	enum ur_status rc;
	struct strbuf key, after;

	if (!s)
		return err->status;
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, bank);
	db_bind_text(s, 3, branch);
	db_bind_text(s, 4, number);
	rc = store_step_done(st, s, err);
	store_keep(st, s);
	if (rc != UR_OK)
		return rc;
	sb_init(&key);
	sb_addf(&key, "%s-%s-%s", bank, branch, number);
	sb_init(&after);
	store_json_begin(&after);
	store_json_str(&after, "bank", bank);
	store_json_str(&after, "branch", branch);
	store_json_str(&after, "number", number);
	store_json_end(&after);
	st->company = id;
	rc = store_audit_entity(st, "add", "company_account", key.buf, NULL, after.buf, err);
	st->company = was;
	sb_free(&after);
	sb_free(&key);
	return rc;
}

/* The id of the company with code, 0 when there is none. */
static enum ur_status
company_by_code(struct store *st, const char *code, int64_t *id, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, "SELECT id FROM company WHERE code = ?1", err);
	int rc;

	*id = 0;
	if (!s)
		return err->status;
	db_bind_text(s, 1, code);
	if ((rc = db_step(s)) == DB_ROW)
		*id = db_column_int64(s, 0);
	store_keep(st, s);
	return rc == DB_ROW || rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

/* In the transaction: check the company and the account's owner, insert. */
static enum ur_status
add_account(struct store *st, const char *code, const char *bank, const char *branch,
	    const char *number, bool *added, struct ur_err *err)
{
	char *owner = NULL;
	int64_t id;
	enum ur_status rc;

	if ((rc = company_by_code(st, code, &id, err)) != UR_OK)
		return rc;
	if (!id)
		return ur_fail(err, UR_USAGE, _("no company %s in %s (urikake company list shows them)"),
			       code, st->path);
	if ((rc = account_owner(st, bank, branch, number, &owner, err)) != UR_OK)
		return rc;
	if (owner && strcmp(owner, code) != 0)
		rc = ur_fail(err, UR_INPUT, _("account %s-%s-%s is company %s's already"), bank,
			     branch, number, owner);
	else if (!owner && (rc = insert_account(st, id, bank, branch, number, err)) == UR_OK)
		*added = true;
	free(owner);
	return rc;
}

enum ur_status
store_company_account_add(struct store *st, const char *code, const char *bank,
			  const char *branch, const char *number, bool *added, struct ur_err *err)
{
	enum ur_status rc;

	*added = false;
	if (!*bank && !*branch && !*number)
		return ur_fail(err, UR_USAGE, _("an account needs a bank, branch or number"));
	if ((rc = store_begin(st, err)) != UR_OK)
		return rc;
	if ((rc = add_account(st, code, bank, branch, number, added, err)) != UR_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, err);
}

int64_t
store_company_route(struct store *st, int64_t id)
{
	int64_t was = st->company;

	if (id != was)
		store_keep_str(&st->last_code, NULL); /* a code is a customer's in one company */
	st->company = id;
	return was;
}
