/* cmd_demo: `urikake demo [--size small|large] [--csv DIR]` — fill a new
 * database with the sample company, or write it as CSV files. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libgen.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_bank.h"
#include "date.h"
#include "demo.h"
#include "demo_bank.h"
#include "i18n.h"
#include "store.h"
#include "xalloc.h"

/* A database the demo created but could not fill (a full disk) goes, with
 * its WAL files and the bank files written beside it: half a demo company
 * would pass for a whole one. A database that was there stays. */
static void
demo_discard(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	struct strbuf p;
	char *dir = xstrdup(path);

	sb_init(&p);
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		sb_reset(&p);
		sb_addf(&p, "%s%s", path, suffix[i]);
		unlink(p.buf);
	}
	sb_reset(&p);
	sb_addf(&p, "%s/%s", dirname(dir), DEMO_BANK_ZENGIN);
	unlink(p.buf);
	sb_reset(&p);
	sb_addf(&p, "%s/%s", dirname(dir), DEMO_BANK_CSV);
	unlink(p.buf);
	sb_free(&p);
	free(dir);
}

/* The demo company into the database (created when it is not there). */
static int
demo_database(const struct cli *c, enum demo_size sz)
{
	struct cli as_demo = *c; /* the demo's history is not the user's own work */
	struct demo_counts n;
	struct store *st;
	struct ur_err err;
	char *path;
	bool existed;
	int rc;

	ur_err_clear(&err);
	as_demo.user = DEMO_USER;
	if (!(path = cli_db_path(c, &err)))
		return cli_fail(&err);
	existed = store_is_server(path) || access(path, F_OK) == 0; /* a server: never removed */
	if ((rc = cli_open_store(&as_demo, &st)) == UR_OK) {
		cli_step(1, 2, _("writing the demo company's customers, invoices and payments..."));
		rc = demo_fill(st, sz, date_today(), &n, &err) == UR_OK ? UR_OK : cli_fail(&err);
		store_close(st);
	}
	if (rc == UR_OK) {
		cli_printf(_("Demo data: %zu customers, %zu invoices.\n"), n.customers, n.invoices);
		cli_step(2, 2, _("writing and importing the demo bank files..."));
		rc = cmd_bank_demo(&as_demo);
	}
	if (rc != UR_OK && !existed) {
		demo_discard(path);
		cli_error(_("%s removed: the demo could not be completed"), path);
	}
	free(path);
	return rc;
}

int
cmd_demo(const struct cli *c, int argc, char **argv)
{
	const char *size = "small", *dir = NULL, *pos[1];
	const struct cli_opt opts[] = {
		{ "--size", &size, NULL },
		{ "--csv", &dir, NULL },
		{ NULL, NULL, NULL },
	};
	struct demo_counts n;
	struct ur_err err;
	enum demo_size sz;
	int npos;

	if (argc > 1 && strcmp(argv[1], "bank-file") == 0)
		return cmd_bank_demo_file(c, argc - 1, argv + 1);
	if (cli_args(argc - 1, argv + 1, opts, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if (strcmp(size, "small") == 0)
		sz = DEMO_SMALL;
	else if (strcmp(size, "large") == 0)
		sz = DEMO_LARGE;
	else
		return cli_usage_error(_("unknown size '%s' (use small or large)"), size);
	ur_err_clear(&err);
	if (dir) {
		if (demo_write_csv(dir, sz, date_today(), &n, &err) != UR_OK)
			return cli_fail(&err);
		cli_printf(_("Wrote %s/customers.csv (%zu customers) and %s/invoices.csv (%zu invoices).\n"),
			   dir, n.customers, dir, n.invoices);
		return UR_OK;
	}
	return demo_database(c, sz);
}
