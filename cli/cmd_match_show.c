/* cmd_match_show: `urikake match show --deposit REF` (the deposit, its
 * allocations or its ranked proposals with explanations), `match aliases`
 * (list with conflicts, edit, remove) and `export allocations`. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_match.h"
#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "jsonout.h"
#include "money.h"
#include "store.h"
#include "store_match.h"
#include "text.h"

static void
put_safe(struct strbuf *out, const char *s)
{
	text_sanitize(out, s ? s : "", s ? strlen(s) : 0);
}

static int
show_alloc(const struct store_alloc_row *r, void *ctx)
{
	struct strbuf *out = ctx;
	char a[MONEY_BUFSZ], f[MONEY_BUFSZ];

	money_format(r->amount, r->currency, MONEY_GROUP, a, sizeof a);
	money_format(r->fee, r->currency, MONEY_GROUP, f, sizeof f);
	sb_adds(out, "  ");
	put_safe(out, *r->invoice ? r->invoice : _("(on account)"));
	sb_addf(out, _("  %s  cleared %s, fee %s  (%s, %s)\n"), r->customer, a, f, r->kind,
		r->user);
	return 0;
}

static void
show_deposit(struct strbuf *out, const struct match_deposit *d, enum deposit_state state)
{
	char day[DATE_ISO_SIZE], amt[MONEY_BUFSZ];

	date_format_iso(d->date, day);
	money_format(d->amount, d->currency, MONEY_GROUP, amt, sizeof amt);
	sb_addf(out, _("deposit %s  %s  %s %s  payer "), d->reference, day, amt, d->currency);
	put_safe(out, d->payer.payer_name);
	if (d->payer.edi && *d->payer.edi) {
		sb_adds(out, _("  EDI "));
		put_safe(out, d->payer.edi);
	}
	sb_addf(out, _("  [%s]\n"), deposit_state_word(state));
}

struct show_out {
	struct strbuf out;
	int json;
	int rows; /* JSON allocations written */
};

static void
json_money(struct strbuf *out, const char *key, int64_t v, const char *cur, int first)
{
	char buf[MONEY_BUFSZ];

	money_format(v, cur, MONEY_PLAIN, buf, sizeof buf);
	jsonout_pair(out, key, buf, first);
}

/* ,"customers":[every customer whose invoices p clears, once] */
static void
json_customers(struct strbuf *out, const struct match_proposal *p)
{
	jsonout_key(out, "customers", 0);
	sb_addc(out, '[');
	if (!p->nlines)
		jsonout_str(out, p->customer_code);
	for (int i = 0, n = 0; i < p->nlines; i++)
		if (match_line_first_of_customer(p, i)) {
			sb_adds(out, n++ ? "," : "");
			jsonout_str(out, match_line_customer_code(p, i));
		}
	sb_addc(out, ']');
}

static void
json_line(struct strbuf *out, const struct match_proposal *p, int i, const char *cur)
{
	const struct match_line *l = &p->line[i];

	sb_adds(out, i ? ",{" : "{");
	jsonout_pair(out, "invoice", l->number, 1);
	jsonout_pair(out, "customer", match_line_customer_code(p, i), 0);
	json_money(out, "cleared", l->cleared, cur, 0);
	json_money(out, "fee", l->fee, cur, 0);
	sb_addc(out, '}');
}

/* ,"statement":{...}: the 合計請求書 we issued that p pays (valid: true) or
 * that the amount fits but whose slips changed since (valid: false). */
static void
json_statement(struct strbuf *out, const struct match_proposal *p, const char *cur)
{
	char to[DATE_ISO_SIZE], issued[DATE_ISO_SIZE];

	if (!(p->features & (MATCH_F_BILLED | MATCH_F_BILL_STALE)))
		return;
	date_format_iso(p->bill_to, to);
	date_format_iso(p->bill_issued, issued);
	jsonout_key(out, "statement", 0);
	sb_addc(out, '{');
	jsonout_pair(out, "closing", to, 1);
	jsonout_pair(out, "issued", issued, 0);
	json_money(out, "billed", p->billed, cur, 0);
	jsonout_pair(out, "figure", p->features & MATCH_F_BILLED_PERIOD ? "purchases" : "billed", 0);
	sb_addf(out, ",\"valid\":%s}", p->features & MATCH_F_BILLED ? "true" : "false");
}

/* One proposal as JSON: who, every invoice with the amount cleared, the
 * fee, the money kept on account, score, band, reason and whether match
 * --auto would take it. */
static void
json_proposal(struct strbuf *out, const struct match_proposal *p, const struct match_deposit *d,
	      const struct match_config *cfg, int rank, int is_auto)
{
	const char *cur = d->currency;
	struct strbuf why;

	sb_init(&why);
	match_explain(p, d, &why);
	sb_addf(out, "%s{\"rank\":%d", rank > 1 ? ",\n" : "\n", rank);
	json_customers(out, p);
	jsonout_pair(out, "customer_name", p->customer_name, 0);
	jsonout_pair(out, "fit", match_fit_name(p->fit), 0);
	jsonout_key(out, "lines", 0);
	sb_addc(out, '[');
	for (int i = 0; i < p->nlines; i++)
		json_line(out, p, i, cur);
	sb_addc(out, ']');
	json_money(out, "fee", match_proposal_fees(p), cur, 0);
	json_money(out, "on_account", p->on_account, cur, 0);
	json_statement(out, p, cur);
	sb_addf(out, ",\"score\":%d,\"band\":\"%c\"", p->score, match_band(cfg, p->score));
	jsonout_pair(out, "reason", why.buf, 0);
	sb_addf(out, ",\"auto\":%s}", is_auto ? "true" : "false");
	sb_free(&why);
}

static void
show_result(struct show_out *o, const struct match_deposit *d, const struct match_config *cfg,
	    const struct match_result *r)
{
	if (o->json) {
		sb_addf(&o->out, ",\"auto\":%s",
			r->hold == MATCH_AUTO ? "true" : "false");
		jsonout_pair(&o->out, "hold", match_hold_name(r->hold), 0);
		jsonout_pair(&o->out, "hold_reason", r->hold == MATCH_AUTO
				     ? _("clear enough to be matched by match --auto")
				     : match_hold_text(r->hold), 0);
		sb_adds(&o->out, ",\"proposals\":[");
		for (int i = 0; i < r->nprop; i++)
			json_proposal(&o->out, &r->prop[i], d, cfg, i + 1,
				      i == 0 && r->hold == MATCH_AUTO);
		sb_adds(&o->out, r->nprop ? "\n]" : "]");
		return;
	}
	for (int i = 0; i < r->nprop; i++) {
		sb_addf(&o->out, "%d. ", i + 1);
		match_explain(&r->prop[i], d, &o->out);
		sb_addc(&o->out, '\n');
	}
	sb_addf(&o->out, "%s\n", r->hold == MATCH_AUTO
					  ? _("clear enough to be matched by match --auto")
					  : match_hold_text(r->hold));
}

static enum ur_status
show_proposals(struct store *st, const struct match_deposit *d, const struct match_config *cfg,
	       struct show_out *o, struct ur_err *err)
{
	struct match_index *ix = match_index_new();
	struct match_deposit md = *d;
	int64_t earlier[MATCH_EARLIER_MAX];
	struct match_result r;
	enum ur_status rc;

	md.earlier = earlier;
	if ((rc = store_match_earlier(st, d, earlier, MATCH_EARLIER_MAX, &md.nearlier, err)) ==
		    UR_OK &&
	    (rc = store_match_load(st, ix, err)) == UR_OK) {
		match_deposit(ix, cfg, &md, &r);
		show_result(o, d, cfg, &r);
	}
	match_index_free(ix);
	return rc;
}

static void
json_deposit(struct strbuf *out, const struct match_deposit *d, enum deposit_state state)
{
	char day[DATE_ISO_SIZE];

	date_format_iso(d->date, day);
	sb_adds(out, "{\"deposit\":{");
	jsonout_pair(out, "ref", d->reference, 1);
	jsonout_pair(out, "date", day, 0);
	json_money(out, "amount", d->amount, d->currency, 0);
	jsonout_pair(out, "currency", d->currency, 0);
	jsonout_pair(out, "payer_name", d->payer.payer_name, 0);
	jsonout_pair(out, "edi", d->payer.edi, 0);
	jsonout_pair(out, "state", deposit_state_word(state), 0);
	sb_addc(out, '}');
}

static int
json_alloc(const struct store_alloc_row *r, void *ctx)
{
	struct show_out *o = ctx;

	sb_adds(&o->out, o->rows++ ? ",{" : "{");
	jsonout_pair(&o->out, "invoice", r->invoice, 1);
	jsonout_pair(&o->out, "customer", r->customer, 0);
	json_money(&o->out, "cleared", r->amount, r->currency, 0);
	json_money(&o->out, "fee", r->fee, r->currency, 0);
	jsonout_pair(&o->out, "kind", r->kind, 0);
	jsonout_pair(&o->out, "user", r->user, 0);
	sb_addc(&o->out, '}');
	return 0;
}

static enum ur_status
show_matched(struct store *st, const struct match_deposit *d, struct show_out *o,
	     struct ur_err *err)
{
	enum ur_status rc;

	if (!o->json)
		return store_allocations_each(st, d->id, show_alloc, &o->out, err);
	sb_adds(&o->out, ",\"allocations\":[");
	rc = store_allocations_each(st, d->id, json_alloc, o, err);
	sb_addc(&o->out, ']');
	return rc;
}

int
cmd_match_show(const struct cli *c, int argc, char **argv)
{
	const char *ref;
	enum deposit_state state;
	struct store_match_deposits l;
	struct show_out o = { { 0 }, 0, 0 };
	struct match_config cfg;
	struct store *st;
	struct ur_err err;
	int rc;

	if ((rc = cmd_match_settings(&cfg)) != UR_OK)
		return rc;
	rc = cmd_match_load_deposit(c, argc, argv,
				    _("usage: urikake match show --deposit REF [--json]"), true,
				    &st, &l, &state, &ref, &o.json);
	if (rc != UR_OK)
		return rc;
	ur_err_clear(&err);
	sb_init(&o.out);
	if (o.json)
		json_deposit(&o.out, &l.d[0], state);
	else
		show_deposit(&o.out, &l.d[0], state);
	if (state == DEPOSIT_UNMATCHED)
		rc = show_proposals(st, &l.d[0], &cfg, &o, &err);
	else
		rc = show_matched(st, &l.d[0], &o, &err);
	if (o.json)
		sb_adds(&o.out, "}\n");
	store_match_deposits_free(&l);
	store_close(st);
	rc = rc == UR_OK ? cli_flush(&o.out) : cli_fail(&err);
	sb_free(&o.out);
	return rc;
}

struct alias_out {
	struct strbuf out;
	int json, rows;
};

static int
alias_row(const struct store_alias_row *a, void *ctx)
{
	struct alias_out *o = ctx;

	if (o->json) {
		sb_adds(&o->out, o->rows++ ? ",\n{" : "\n{");
		sb_addf(&o->out, "\"id\":%" PRId64, a->id);
		jsonout_pair(&o->out, "payer_key", a->payer_key, 0);
		jsonout_pair(&o->out, "remit_bank", a->remit_bank, 0);
		jsonout_pair(&o->out, "remit_branch", a->remit_branch, 0);
		jsonout_pair(&o->out, "payer_code", a->payer_code, 0);
		jsonout_pair(&o->out, "customer", a->customer_code, 0);
		sb_addf(&o->out, ",\"count\":%" PRId64 ",\"conflict\":%s", a->count,
			a->conflict ? "true" : "false");
		jsonout_pair(&o->out, "last_used_at", a->last_used_at, 0);
		jsonout_pair(&o->out, "user", a->user, 0);
		sb_addc(&o->out, '}');
		return 0;
	}
	sb_addf(&o->out, "%" PRId64 "\t", a->id);
	put_safe(&o->out, a->payer_key);
	sb_addc(&o->out, '\t');
	put_safe(&o->out, a->remit_bank);
	sb_addc(&o->out, '/');
	put_safe(&o->out, a->remit_branch);
	sb_addc(&o->out, '\t');
	put_safe(&o->out, a->payer_code);
	sb_adds(&o->out, "\t→ ");
	put_safe(&o->out, a->customer_code);
	sb_addc(&o->out, ' ');
	put_safe(&o->out, a->customer_name);
	sb_addf(&o->out, _("\t%" PRId64 "×, last %s by %s%s\n"), a->count, a->last_used_at,
		a->user, a->conflict ? _("\tCONFLICT: this payer also maps to another customer")
				     : "");
	return 0;
}

static enum ur_status
aliases_list(struct store *st, int json, struct ur_err *err)
{
	struct alias_out o = { { 0 }, json, 0 };
	enum ur_status rc;

	sb_init(&o.out);
	if (json)
		sb_adds(&o.out, "[");
	rc = store_alias_each(st, alias_row, &o, err);
	if (json)
		sb_adds(&o.out, o.rows ? "\n]\n" : "]\n");
	if (rc == UR_OK)
		rc = cli_flush(&o.out);
	sb_free(&o.out);
	return rc;
}

int
cmd_match_aliases(const struct cli *c, int argc, char **argv)
{
	const char *cust = NULL, *pos[2];
	int json = 0, npos;
	const struct cli_opt opts[] = { { "--customer", &cust, NULL }, { "--json", NULL, &json },
					{ NULL, NULL, NULL } };
	const char *what;
	struct store *st;
	struct ur_err err;
	enum ur_status rc;
	long id = 0;

	if (cli_args(argc - 1, argv + 1, opts, pos, 2, &npos) != UR_OK)
		return UR_USAGE;
	what = npos ? pos[0] : "list";
	if (!((strcmp(what, "list") == 0 && npos <= 1) ||
	      (strcmp(what, "remove") == 0 && npos == 2) ||
	      (strcmp(what, "edit") == 0 && npos == 2 && cust)))
		return cli_usage_error(_("usage: urikake match aliases [list [--json] | "
					 "edit ID --customer CODE | remove ID]"));
	if (npos == 2 && !cli_number(pos[1], 1, LONG_MAX, &id))
		return cli_usage_error(_("bad alias id '%s' (see urikake match aliases list)"),
				       pos[1]);
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	if (strcmp(what, "list") == 0)
		rc = aliases_list(st, json, &err);
	else if (strcmp(what, "edit") == 0)
		rc = store_alias_edit(st, id, cust, &err);
	else
		rc = store_alias_remove(st, id, &err);
	store_close(st);
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}

struct alloc_out {
	struct strbuf out;
	int json, rows, failed;
};

static void
alloc_money(struct alloc_out *o, const char *key, int64_t v, const char *cur, int last)
{
	char buf[MONEY_BUFSZ];

	money_format(v, cur, MONEY_PLAIN, buf, sizeof buf);
	if (o->json) {
		jsonout_key(&o->out, key, 0);
		sb_adds(&o->out, buf);
	} else {
		csv_put_sep(&o->out, buf, last);
	}
}

static void
alloc_text(struct alloc_out *o, const char *key, const char *v, int first, int last)
{
	if (o->json)
		jsonout_pair(&o->out, key, v, first);
	else
		csv_put_sep(&o->out, v, last);
}

static int
alloc_row(const struct store_alloc_row *r, void *ctx)
{
	struct alloc_out *o = ctx;
	char day[DATE_ISO_SIZE];

	date_format_iso(r->deposit_date, day);
	if (o->json)
		sb_adds(&o->out, o->rows ? ",\n{" : "\n{");
	o->rows++;
	alloc_text(o, "deposit_ref", r->deposit_ref, 1, 0);
	alloc_text(o, "deposit_date", day, 0, 0);
	alloc_text(o, "payer_name", r->payer_name, 0, 0);
	alloc_text(o, "invoice", r->invoice, 0, 0);
	alloc_text(o, "customer", r->customer, 0, 0);
	alloc_money(o, "amount", r->amount, r->currency, 0);
	alloc_money(o, "fee", r->fee, r->currency, 0);
	alloc_text(o, "kind", r->kind, 0, 0);
	alloc_text(o, "user", r->user, 0, 0);
	alloc_text(o, "at", r->at, 0, 1);
	if (o->json)
		sb_addc(&o->out, '}');
	if (o->out.len > 65536 && cli_flush(&o->out) != UR_OK)
		o->failed = 1;
	return o->failed;
}

int
cmd_export_allocations(const struct cli *c, const char *format)
{
	struct alloc_out o = { { 0 }, strcmp(format, "json") == 0, 0, 0 };
	struct store *st;
	struct ur_err err;
	enum ur_status rc;

	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	sb_init(&o.out);
	sb_adds(&o.out, o.json ? "[" : "deposit_ref,deposit_date,payer_name,invoice,customer,"
				       "amount,fee,kind,user,at\n");
	rc = store_allocations_each(st, 0, alloc_row, &o, &err);
	store_close(st);
	if (o.json)
		sb_adds(&o.out, o.rows ? "\n]\n" : "]\n");
	if (rc == UR_OK && !o.failed)
		rc = cli_flush(&o.out);
	sb_free(&o.out);
	if (o.failed)
		return UR_FAIL;
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}
