/* cmd_refund: `urikake refund` — pay back money held on account or a
 * deposit that was never ours — and `refund list`, `refund undo ID`. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_notice.h"
#include "date.h"
#include "i18n.h"
#include "money.h"
#include "store.h"
#include "store_refund.h"
#include "strbuf.h"

struct add_args {
	const char *customer, *deposit, *amount, *date, *to, *reason;
};

/* Everything that needs no database, checked first. */
static int
add_check(const struct add_args *a, struct refund *r)
{
	struct ur_err err;

	if (!a->customer == !a->deposit)
		return cli_usage_error(_("give either --customer CODE or --deposit REF"));
	if (!a->amount || !a->date || !a->to || !a->reason)
		return cli_usage_error(_("usage: urikake refund --customer CODE|--deposit REF "
					 "--amount AMOUNT --date DATE --to TEXT --reason TEXT"));
	ur_err_clear(&err);
	if (date_parse(a->date, &r->date, &err) != UR_OK) {
		cli_error("--date: %s", err.msg);
		return UR_INPUT;
	}
	r->paid_to = a->to;
	r->reason = a->reason;
	return UR_OK;
}

static int
add_run(const struct cli *c, const struct add_args *a, struct refund *r)
{
	struct refund_source src;
	struct store *st;
	struct ur_err err;
	char m[MONEY_BUFSZ];
	int64_t id = 0;
	int rc;

	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	rc = store_refund_source(st, a->customer, a->deposit, r->date, &src, &err);
	if (rc == UR_OK && (rc = money_parse(a->amount, src.currency, &r->amount, &err)) != UR_OK) {
		char why[sizeof err.msg];

		snprintf(why, sizeof why, "%s", err.msg);
		rc = ur_fail(&err, UR_INPUT, _("--amount %s: %s"), a->amount, why);
	}
	if (rc == UR_OK)
		rc = store_refund_add(st, &src, r, &id, &err);
	store_close(st);
	if (rc != UR_OK)
		return cli_fail(&err);
	money_format(r->amount, src.currency, MONEY_GROUP, m, sizeof m);
	cli_printf(_("Recorded refund %" PRId64 ": %s %s to %s.\n"), id, src.currency, m, r->paid_to);
	return UR_OK;
}

static int
refund_add(const struct cli *c, int argc, char **argv)
{
	struct add_args a = { 0 };
	const struct cli_opt opts[] = {
		{ "--customer", &a.customer, NULL }, { "--deposit", &a.deposit, NULL },
		{ "--amount", &a.amount, NULL },     { "--date", &a.date, NULL },
		{ "--to", &a.to, NULL },	     { "--reason", &a.reason, NULL },
		{ NULL, NULL, NULL },
	};
	struct refund r = { 0 };
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, NULL, 0, &npos) != UR_OK)
		return UR_USAGE;
	if ((rc = add_check(&a, &r)) != UR_OK)
		return rc;
	return add_run(c, &a, &r);
}

static int
list_row(const struct refund_row *r, void *ctx)
{
	struct strbuf *out = ctx;
	char d[DATE_ISO_SIZE], m[MONEY_BUFSZ];

	date_format_iso(r->date, d);
	money_format(r->amount, r->currency, MONEY_GROUP, m, sizeof m);
	sb_addf(out, "%" PRId64 "  %s  %-10s %-12s %s %s  ", r->id, d,
		*r->customer ? r->customer : "-", *r->deposit ? r->deposit : "-", r->currency, m);
	sb_addf(out, _("to %s: %s"), r->paid_to, r->reason);
	if (*r->voided_at)
		sb_addf(out, "  %s", _("(undone)"));
	sb_addc(out, '\n');
	return 0;
}

static int
refund_list(const struct cli *c, int argc, char **argv)
{
	struct store *st;
	struct strbuf out;
	struct ur_err err;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, (const struct cli_opt[]){ { NULL, NULL, NULL } }, NULL,
		     0, &npos) != UR_OK)
		return UR_USAGE;
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	sb_init(&out);
	rc = store_refunds_each(st, 0, list_row, &out, &err);
	store_close(st);
	if (rc == UR_OK && !out.len)
		sb_addf(&out, "%s\n", _("No refunds."));
	rc = rc == UR_OK ? cli_flush(&out) : cli_fail(&err);
	sb_free(&out);
	return rc;
}

static int
refund_undo(const struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	struct store *st;
	struct ur_err err;
	long id;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, (const struct cli_opt[]){ { NULL, NULL, NULL } }, pos,
		     1, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 1)
		return cli_usage_error(_("usage: urikake refund undo ID"));
	if (!cli_number(pos[0], 1, INT32_MAX, &id)) {
		cli_error(_("refund number %s: not a number"), pos[0]);
		return UR_INPUT;
	}
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	rc = store_refund_undo(st, id, &err);
	store_close(st);
	if (rc != UR_OK)
		return cli_fail(&err);
	cli_printf(_("Refund %ld undone.\n"), id);
	return UR_OK;
}

int
cmd_refund(const struct cli *c, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "list", refund_list }, { "undo", refund_undo }, { NULL, refund_add },
	};

	return cli_subcommand(c, argc, argv, subs, NULL);
}
