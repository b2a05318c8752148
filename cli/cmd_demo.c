/* cmd_demo: `urikake demo [--size small|large] [--csv DIR]` — fill a new
 * database with the sample company, or write it as CSV files. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "cmd_bank.h"
#include "date.h"
#include "demo.h"
#include "i18n.h"
#include "store.h"

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
	struct store *st;
	struct ur_err err;
	enum demo_size sz;
	enum ur_status s;
	int npos, rc;

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
		printf(_("Wrote %s/customers.csv (%zu customers) and %s/invoices.csv (%zu invoices).\n"),
		       dir, n.customers, dir, n.invoices);
		return UR_OK;
	}
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	s = demo_fill(st, sz, date_today(), &n, &err);
	store_close(st);
	if (s != UR_OK)
		return cli_fail(&err);
	printf(_("Demo data: %zu customers, %zu invoices.\n"), n.customers, n.invoices);
	return cmd_bank_demo(c);
}
