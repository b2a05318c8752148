/* cmd_company: `urikake company list|add` — the client companies one
 * database keeps (issue 17): listed with their rows counted, and added
 * (audited). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include "cli.h"
#include "i18n.h"
#include "store.h"

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

int
cmd_company(const struct cli *c, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "list", company_list }, { "add", company_add }, { NULL, NULL },
	};

	return cli_subcommand(c, argc, argv, subs, _("usage: urikake company list|add ..."));
}
