/* cmd_company: `urikake company list|add|account|accounts|settings|grant|
 * revoke|users` — the client companies one database keeps (issue 17):
 * listed with their rows counted, added (audited), the receiving accounts
 * each owns (bank files are routed by them), and the users each is open
 * to. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "company.h"
#include "i18n.h"
#include "store.h"
#include "store_statement.h"
#include "strbuf.h"

/* company list: one line per company, its code, customers, invoices and
 * deposits counted, and its name. */
static int
company_list(const struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	struct store_company *co = NULL;
	struct store *st;
	struct ur_err err;
	int npos, n = 0, rc;

	if (cli_args(argc - 1, argv + 1, NULL, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	rc = store_company_list(st, &co, &n, &err);
	store_close(st);
	if (rc != UR_OK)
		return cli_fail(&err);
	for (int i = 0; i < n; i++)
		cli_printf("%-16s %9" PRId64 " %9" PRId64 " %9" PRId64 "  %s\n", co[i].code,
			   co[i].customers, co[i].invoices, co[i].deposits, co[i].name);
	store_company_free(co, n);
	return cli_finish(UR_OK);
}

/* company add CODE NAME */
static int
company_add(const struct cli *c, int argc, char **argv)
{
	const char *pos[2];
	struct store *st;
	struct ur_err err;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, NULL, pos, 2, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 2)
		return cli_usage_error(_("usage: urikake company add CODE NAME"));
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	rc = store_company_add(st, pos[0], pos[1], &err);
	store_close(st);
	if (rc != UR_OK)
		return cli_fail(&err);
	cli_printf(_("Company %s added.\n"), pos[0]);
	return UR_OK;
}

/* company account CODE BANK BRANCH NUMBER: the receiving account is the
 * company's (a part the bank files leave empty, such as camt's branch, is
 * given as ""). */
static int
company_account(const struct cli *c, int argc, char **argv)
{
	const char *pos[4];
	struct store *st;
	struct ur_err err;
	bool added;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, NULL, pos, 4, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 4)
		return cli_usage_error(_("usage: urikake company account CODE BANK BRANCH NUMBER"));
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	rc = store_company_account_add(st, pos[0], pos[1], pos[2], pos[3], &added, &err);
	store_close(st);
	if (rc != UR_OK)
		return cli_fail(&err);
	if (added)
		cli_printf(_("Account %s-%s-%s is company %s's now: its deposits go there.\n"),
			   pos[1], pos[2], pos[3], pos[0]);
	else
		cli_printf(_("Account %s-%s-%s was company %s's already.\n"), pos[1], pos[2],
			   pos[3], pos[0]);
	return UR_OK;
}

/* company accounts: one line per receiving account, its company's code,
 * bank, branch and number ("-" for a part left empty). */
static int
company_accounts(const struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	struct store_company_account *a = NULL;
	struct store *st;
	struct ur_err err;
	int npos, n = 0, rc;

	if (cli_args(argc - 1, argv + 1, NULL, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	rc = store_company_accounts(st, &a, &n, &err);
	store_close(st);
	if (rc != UR_OK)
		return cli_fail(&err);
	for (int i = 0; i < n; i++)
		cli_printf("%-16s %s %s %s\n", a[i].code, *a[i].bank ? a[i].bank : "-",
			   *a[i].branch ? a[i].branch : "-", *a[i].number ? a[i].number : "-");
	store_company_accounts_free(a, n);
	return cli_finish(UR_OK);
}

/* company grant|revoke CODE USER */
static int
company_grant(const struct cli *c, int argc, char **argv)
{
	const char *pos[2];
	bool grant = !strcmp(argv[0], "grant"), changed;
	struct store *st;
	struct ur_err err;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, NULL, pos, 2, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 2)
		return cli_usage_error(grant ? _("usage: urikake company grant CODE USER")
					     : _("usage: urikake company revoke CODE USER"));
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	rc = store_company_grant(st, pos[0], pos[1], grant, &changed, &err);
	store_close(st);
	if (rc != UR_OK)
		return cli_fail(&err);
	if (grant)
		cli_printf(changed ? _("Company %s is open to %s now (and only to the users "
				       "granted it).\n")
				   : _("Company %s was open to %s already.\n"),
			   pos[0], pos[1]);
	else
		cli_printf(changed ? _("Company %s is no longer open to %s.\n")
				   : _("Company %s had no grant for %s.\n"),
			   pos[0], pos[1]);
	return UR_OK;
}

/* company users [CODE]: a header, then one line per grant, company code
 * and user; a company without grants says it is open to every clerk. */
static int
company_users(const struct cli *c, int argc, char **argv)
{
	const char *pos[1] = { NULL };
	struct store_company_user *u = NULL;
	struct store *st;
	struct ur_err err;
	int npos, n = 0, rc;

	if (cli_args(argc - 1, argv + 1, NULL, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	rc = store_company_users(st, npos ? pos[0] : NULL, &u, &n, &err);
	store_close(st);
	if (rc != UR_OK)
		return cli_fail(&err);
	cli_printf("%-16s %s\n", _("company"), _("user"));
	for (int i = 0; i < n; i++)
		cli_printf("%-16s %s\n", u[i].code,
			   u[i].user ? u[i].user : _("(open to every clerk)"));
	store_company_users_free(u, n);
	return cli_finish(UR_OK);
}

/* Read FILE's settings text into *text, checked as documents read it. */
static int
settings_text(const char *path, char **text)
{
	struct company co;
	struct ur_err err;
	bool found = false;
	int rc;

	ur_err_clear(&err);
	rc = company_load(path, &co, &found, &err);
	company_free(&co);
	if (rc != UR_OK)
		return cli_fail(&err);
	if (!found || !(*text = sb_slurp(path))) {
		ur_fail(&err, UR_INPUT, _("%s: no such settings file"), path);
		return cli_fail(&err);
	}
	return UR_OK;
}

/* company settings FILE: the current company's letterhead, registration
 * number, bank details … stored in the database, so that each company's
 * documents carry its own (with several, the one settings file is not
 * read). */
static int
company_settings(const struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	char *text = NULL;
	struct store *st;
	struct ur_err err;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, NULL, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 1)
		return cli_usage_error(_("usage: urikake [--company CODE] company settings FILE"));
	if ((rc = settings_text(pos[0], &text)) != UR_OK)
		return rc;
	if ((rc = cli_open_store(c, &st)) != UR_OK) {
		free(text);
		return rc;
	}
	ur_err_clear(&err);
	if (!store_company_id(st))
		rc = cli_company_required(st);
	else if ((rc = store_company_settings_set(st, text, &err)) == UR_OK)
		cli_printf(_("Company %s's settings stored from %s.\n"), store_company_code(st),
			   pos[0]);
	store_close(st);
	free(text);
	return rc == UR_OK || rc == UR_USAGE ? rc : cli_fail(&err);
}

int
cmd_company(const struct cli *c, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "list", company_list },
		{ "add", company_add },
		{ "account", company_account },
		{ "accounts", company_accounts },
		{ "settings", company_settings },
		{ "grant", company_grant },
		{ "revoke", company_grant },
		{ "users", company_users },
		{ NULL, NULL },
	};

	return cli_subcommand(c, argc, argv, subs,
			      _("usage: urikake company "
				"list|add|account|accounts|settings|grant|revoke|users ..."));
}
