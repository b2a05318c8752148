/* cmd_migrate: `urikake migrate --from FILE --to postgresql://…` — copy a
 * whole SQLite database into a PostgreSQL one made by `urikake init`, and
 * show each table's rows and money sums as both sides count them. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include "cli.h"
#include "i18n.h"
#include "store.h"
#include "store_migrate.h"
#include "strbuf.h"

/* One table's rows and sums, as both sides count them. */
static void
migrate_put_table(struct strbuf *out, const struct migrate_table *t)
{
	sb_addf(out, ngettext("%s: %" PRId64 " row", "%s: %" PRId64 " rows",
			      (unsigned long)t->rows_from),
		t->name, t->rows_from);
	if (t->added)
		sb_addf(out, _(" (and %" PRId64 " written by the migration)"), t->added);
	sb_addc(out, '\n');
	for (int k = 0; k < t->nsums; k++)
		sb_addf(out, _("  sum of %s: %" PRId64 " in the file, %" PRId64 " in the database\n"),
			t->sums[k].column, t->sums[k].from, t->sums[k].to);
}

static int
migrate_report(const struct migrate_report *rep, const char *from, const char *to)
{
	struct strbuf out;
	int64_t rows = 0;

	sb_init(&out);
	for (int i = 0; i < rep->ntables; i++) {
		migrate_put_table(&out, &rep->t[i]);
		rows += rep->t[i].rows_from;
	}
	if (rep->already)
		sb_addf(&out, _("Already migrated, counts and sums agree: %s holds the copy of %s; "
				"nothing was copied.\n"), to, from);
	else
		sb_addf(&out, _("Migrated %s to %s: %" PRId64 " rows in %d tables; the counts, the "
				"sums and the paid amounts of %" PRId64 " invoices agree.\n"),
			from, to, rows, rep->ntables, rep->invoices_checked);
	return cli_flush(&out);
}

int
cmd_migrate(const struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *pos[1];
	const struct cli_opt opts[] = { { "--from", &from, NULL },
					{ "--to", &to, NULL },
					{ NULL, NULL, NULL } };
	struct migrate_report rep;
	struct ur_err err;
	int npos;

	if (cli_args(argc - 1, argv + 1, opts, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if (!from || !*from || !to || !*to)
		return cli_usage_error(_("usage: urikake migrate --from SQLITE_FILE --to "
					 "postgresql://…"));
	if (store_is_server(from))
		return cli_usage_error(_("--from is the SQLite file to copy, not a server's URL"));
	if (!store_is_server(to))
		return cli_usage_error(_("--to is a PostgreSQL database's postgresql://… URL (made "
					 "by urikake --db URL init)"));
	ur_err_clear(&err);
	if (store_migrate(from, to, cli_user(c), &rep, &err) != UR_OK)
		return cli_fail(&err);
	return cli_finish(migrate_report(&rep, from, to));
}
