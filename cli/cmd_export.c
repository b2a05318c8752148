/* cmd_export: `urikake export KIND [--format csv|json]` — customers and
 * invoices here, the other kinds through their commands' exporters; the
 * doc/cli-contract.md columns to standard output through rowout.c, money
 * plain for its currency; customers with their rating of today (its
 * reasons, and the credit hold the config file's credit-hold gives) last. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "arconf.h"
#include "cli.h"
#include "cmd_bank.h"
#include "cmd_confirm.h"
#include "cmd_contact.h"
#include "cmd_match.h"
#include "date.h"
#include "i18n.h"
#include "rowout.h"
#include "store.h"

/* A customers export: the rows, and each customer's rating of today with
 * the settings that say whether it is on hold (credit-hold). */
struct export_customers {
	struct rowout *x;
	struct ar_settings conf;
	struct ar_set ratings;
};

static int
export_customer(const struct customer *c, void *ctx)
{
	struct export_customers *e = ctx;
	struct rowout *x = e->x;
	struct rating r;
	struct strbuf why;
	char grade[2] = "";

	sb_init(&why);
	rowout_row(x);
	rowout_cell(x, "code", c->code, 1, 0);
	rowout_cell(x, "name", c->name, 0, 0);
	rowout_cell(x, "kana", c->kana, 0, 0);
	rowout_cell(x, "currency", c->currency, 0, 0);
	rowout_cell(x, "terms", c->terms, 0, 0);
	rowout_money(x, "credit_limit", c->credit_limit, c->currency, c->credit_limit != 0, 0);
	rowout_cell(x, "sales_rep", c->sales_rep, 0, 0);
	rowout_cell(x, "phone", c->phone, 0, 0);
	rowout_cell(x, "email", c->email, 0, 0);
	rowout_cell(x, "address", c->address, 0, 0);
	rowout_cell(x, "parent", c->payer_parent, 0, 0);
	rowout_cell(x, "rep_kana", c->rep_kana, 0, 0);
	rowout_cell(x, "fee_policy", c->fee_policy, 0, 0);
	rowout_cell(x, "collector", c->collector ? c->collector : "", 0, 0);
	ar_set_rating(&e->ratings, c->id, c->currency, c->credit_limit, &r);
	rating_reasons(&r, &why);
	grade[0] = r.grade;
	rowout_cell(x, "rating", grade, 0, 0);
	rowout_cell(x, "rating_reasons", why.buf, 0, 0);
	rowout_bool(x, "hold", rating_on_hold(&e->conf.hold, &r), 1);
	sb_free(&why);
	return rowout_end_row(x);
}

static enum ur_status
export_customers(struct store *st, struct rowout *x, struct ur_err *err)
{
	struct export_customers e = { .x = x };
	enum ur_status rc = arconf_load(&e.conf, NULL, err);

	if (rc != UR_OK)
		return rc;
	rc = cli_ratings(st, &e.conf, date_today(), &e.ratings, err);
	if (rc == UR_OK)
		rc = store_customers_each(st, export_customer, &e, err);
	ar_set_free(&e.ratings);
	return rc;
}

static int
export_invoice(const struct invoice *inv, int64_t open, void *ctx)
{
	struct rowout *x = ctx;
	char issue[DATE_ISO_SIZE], due[DATE_ISO_SIZE];

	date_format_iso(inv->issue_date, issue);
	date_format_iso(inv->due_date, due);
	rowout_row(x);
	rowout_cell(x, "number", inv->number, 1, 0);
	rowout_cell(x, "customer", inv->customer, 0, 0);
	rowout_cell(x, "issue_date", issue, 0, 0);
	rowout_cell(x, "due_date", due, 0, 0);
	rowout_money(x, "amount", inv->amount, inv->currency, 1, 0);
	rowout_cell(x, "currency", inv->currency, 0, 0);
	rowout_money(x, "tax", inv->tax, inv->currency, inv->tax >= 0, 0);
	rowout_cell(x, "memo", inv->memo, 0, 0);
	rowout_money(x, "open", open, inv->currency, 1, 1);
	return rowout_end_row(x);
}

static enum ur_status
export_invoices(struct store *st, struct rowout *x, struct ur_err *err)
{
	return store_invoices_each(st, export_invoice, x, err);
}

static int
export_customers_cmd(const struct cli *c, const char *format)
{
	return rowout_export(c, format,
			     "code,name,kana,currency,terms,credit_limit,sales_rep,phone,email,"
			     "address,parent,rep_kana,fee_policy,collector,rating,rating_reasons,hold\n",
			     export_customers);
}

static int
export_invoices_cmd(const struct cli *c, const char *format)
{
	return rowout_export(c, format,
			     "number,customer,issue_date,due_date,amount,currency,tax,memo,open\n",
			     export_invoices);
}

/* Each kind of record, with its own columns. */
static const struct {
	const char *what;
	int (*run)(const struct cli *c, const char *format);
} exporters[] = {
	{ "customers", export_customers_cmd },
	{ "invoices", export_invoices_cmd },
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
	int npos;

	if (cli_args(argc - 1, argv + 1, opts, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	for (size_t k = 0; npos == 1 && k < sizeof exporters / sizeof exporters[0]; k++)
		if (strcmp(pos[0], exporters[k].what) == 0)
			return exporters[k].run(c, format);
	return cli_usage_error(_("usage: urikake export customers|invoices|deposits|"
				 "allocations|contacts|confirmations [--format csv|json]"));
}
