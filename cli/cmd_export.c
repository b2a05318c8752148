/* cmd_export: `urikake export customers|invoices [--format csv|json]` —
 * the doc/cli-contract.md columns to standard output, money plain for its
 * currency; customers with their rating of today (and its reasons) last. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "cmd_bank.h"
#include "cmd_confirm.h"
#include "cmd_contact.h"
#include "cmd_match.h"
#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "jsonout.h"
#include "money.h"
#include "store.h"

#define EXPORT_FLUSH_AT (64 * 1024)

struct export {
	struct strbuf out;
	int json;
	int rows;
	int failed;
	struct ar_set ratings; /* customers: each one's rating today */
};

/* Start a row: the JSON separator, or nothing for CSV. */
static void
export_row_start(struct export *x)
{
	if (x->json)
		sb_adds(&x->out, x->rows ? ",\n{" : "{");
	x->rows++;
}

/* End a row and write the buffer out when it is large. */
static int
export_row_end(struct export *x)
{
	if (x->json)
		sb_addc(&x->out, '}');
	if (x->out.len >= EXPORT_FLUSH_AT && cli_flush(&x->out) != UR_OK)
		x->failed = 1;
	return x->failed;
}

/* One text cell (last: end of the CSV line). */
static void
export_text(struct export *x, const char *key, const char *v, int first, int last)
{
	if (x->json)
		jsonout_pair(&x->out, key, v, first);
	else
		csv_put_sep(&x->out, v, last);
}

/* One amount cell; absent (empty, null) when !present. */
static void
export_money(struct export *x, const char *key, int64_t v, const char *cur, int present,
	     int last)
{
	char buf[MONEY_BUFSZ];

	buf[0] = '\0';
	if (present)
		money_format(v, cur, MONEY_PLAIN, buf, sizeof buf);
	if (!x->json) {
		csv_put_sep(&x->out, buf, last);
		return;
	}
	jsonout_key(&x->out, key, 0);
	sb_adds(&x->out, present ? buf : "null");
}

static int
export_customer(const struct customer *c, void *ctx)
{
	struct export *x = ctx;
	struct rating r;
	struct strbuf why;
	char grade[2] = "";

	sb_init(&why);
	export_row_start(x);
	export_text(x, "code", c->code, 1, 0);
	export_text(x, "name", c->name, 0, 0);
	export_text(x, "kana", c->kana, 0, 0);
	export_text(x, "currency", c->currency, 0, 0);
	export_text(x, "terms", c->terms, 0, 0);
	export_money(x, "credit_limit", c->credit_limit, c->currency, c->credit_limit != 0, 0);
	export_text(x, "sales_rep", c->sales_rep, 0, 0);
	export_text(x, "phone", c->phone, 0, 0);
	export_text(x, "email", c->email, 0, 0);
	export_text(x, "address", c->address, 0, 0);
	export_text(x, "parent", c->payer_parent, 0, 0);
	export_text(x, "rep_kana", c->rep_kana, 0, 0);
	export_text(x, "fee_policy", c->fee_policy, 0, 0);
	export_text(x, "collector", c->collector ? c->collector : "", 0, 0);
	ar_set_rating(&x->ratings, c->id, c->currency, c->credit_limit, &r);
	sb_reset(&why);
	rating_reasons(&r, &why);
	grade[0] = r.grade;
	export_text(x, "rating", grade, 0, 0);
	export_text(x, "rating_reasons", why.buf, 0, 1);
	sb_free(&why);
	return export_row_end(x);
}

static int
export_invoice(const struct invoice *inv, int64_t open, void *ctx)
{
	struct export *x = ctx;
	char issue[DATE_ISO_SIZE], due[DATE_ISO_SIZE];

	date_format_iso(inv->issue_date, issue);
	date_format_iso(inv->due_date, due);
	export_row_start(x);
	export_text(x, "number", inv->number, 1, 0);
	export_text(x, "customer", inv->customer, 0, 0);
	export_text(x, "issue_date", issue, 0, 0);
	export_text(x, "due_date", due, 0, 0);
	export_money(x, "amount", inv->amount, inv->currency, 1, 0);
	export_text(x, "currency", inv->currency, 0, 0);
	export_money(x, "tax", inv->tax, inv->currency, inv->tax >= 0, 0);
	export_text(x, "memo", inv->memo, 0, 0);
	export_money(x, "open", open, inv->currency, 1, 1);
	return export_row_end(x);
}

static int
export_run(const struct cli *c, const char *what, struct export *x)
{
	struct store *st;
	struct ur_err err;
	enum ur_status s;
	int rc;

	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	if (x->json)
		sb_adds(&x->out, "[\n");
	if (strcmp(what, "customers") == 0) {
		if ((rc = cli_ratings(st, date_today(), &x->ratings)) != UR_OK) {
			store_close(st);
			return rc;
		}
		if (!x->json)
			sb_adds(&x->out, "code,name,kana,currency,terms,credit_limit,sales_rep,"
					 "phone,email,address,parent,rep_kana,fee_policy,collector,"
					 "rating,rating_reasons\n");
		s = store_customers_each(st, export_customer, x, &err);
	} else {
		if (!x->json)
			sb_adds(&x->out, "number,customer,issue_date,due_date,amount,currency,"
					 "tax,memo,open\n");
		s = store_invoices_each(st, export_invoice, x, &err);
	}
	store_close(st);
	if (x->failed)
		return UR_FAIL;
	if (s != UR_OK)
		return cli_fail(&err);
	if (x->json)
		sb_adds(&x->out, x->rows ? "\n]\n" : "]\n");
	if (cli_flush(&x->out) != UR_OK)
		return UR_FAIL;
	return UR_OK;
}

/* What other modules export, each with its own columns. */
static const struct {
	const char *what;
	int (*run)(const struct cli *c, const char *format);
} exporters[] = {
	{ "deposits", cmd_bank_export },
	{ "allocations", cmd_export_allocations },
	{ "contacts", cmd_contact_export },
	{ "confirmations", cmd_confirm_export },
};

int
cmd_export(const struct cli *c, int argc, char **argv)
{
	const char *format = "csv", *pos[1];
	const struct cli_opt opts[] = { { "--format", &format, NULL }, { NULL, NULL, NULL } };
	struct export x;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	for (size_t k = 0; npos == 1 && k < sizeof exporters / sizeof exporters[0]; k++)
		if (strcmp(pos[0], exporters[k].what) == 0)
			return exporters[k].run(c, format);
	if (npos != 1 || (strcmp(pos[0], "customers") != 0 && strcmp(pos[0], "invoices") != 0))
		return cli_usage_error(_("usage: urikake export customers|invoices|deposits|"
					 "allocations|contacts|confirmations [--format csv|json]"));
	if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)
		return cli_usage_error(_("unknown format '%s' (use csv or json)"), format);
	memset(&x, 0, sizeof x);
	sb_init(&x.out);
	x.json = strcmp(format, "json") == 0;
	rc = export_run(c, pos[0], &x);
	ar_set_free(&x.ratings);
	sb_free(&x.out);
	return rc;
}
