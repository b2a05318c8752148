/* cmd_match: `urikake match --auto [--dry-run] [--json]`, `match confirm`
 * (the same arithmetic and transaction as the TUI), `match undo`, and the
 * dispatch to `match show` and `match aliases` (cmd_match_show.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arconf.h"
#include "cmd_match.h"
#include "i18n.h"
#include "jsonout.h"
#include "match_run.h"
#include "money.h"
#include "store.h"
#include "store_match.h"
#include "text.h"
#include "xalloc.h"

struct auto_out {
	int json, dry_run;
	int rows;
	struct strbuf out;
};

static void
auto_row(void *ctx, const struct match_deposit *d, const struct match_result *r,
	 bool confirmed, size_t done, size_t total)
{
	struct auto_out *o = ctx;

	cli_progress(done, total, (void *)_("matching"));
	if (!o->json)
		return;
	sb_adds(&o->out, o->rows++ ? ",\n{" : "\n{");
	jsonout_pair(&o->out, "deposit", d->reference, 1);
	jsonout_pair(&o->out, "result", confirmed ? "auto" : "held", 0);
	jsonout_pair(&o->out, "customer", r->nprop ? r->prop[0].customer_code : "", 0);
	sb_addf(&o->out, ",\"score\":%d", r->nprop ? r->prop[0].score : 0);
	jsonout_pair(&o->out, "fit", r->nprop ? match_fit_name(r->prop[0].fit) : "none", 0);
	jsonout_pair(&o->out, "reason", !confirmed ? match_hold_text(r->hold)
					: o->dry_run ? _("clear enough to be matched by match --auto")
						     : match_hold_text(MATCH_AUTO), 0);
	if (r->nprop) {
		struct strbuf e;

		sb_init(&e);
		match_explain(&r->prop[0], d, &e);
		jsonout_pair(&o->out, "explanation", e.buf, 0);
		sb_free(&e);
	}
	sb_addc(&o->out, '}');
	if (o->out.len > 65536)
		cli_flush(&o->out);
}

static void
auto_summary_text(const struct match_run_stats *s, int dry)
{
	cli_printf(dry ? _("%ld deposits looked at, %ld would be matched automatically\n")
		       : _("%ld deposits looked at, %ld matched automatically\n"),
		   s->deposits, s->matched);
	for (int h = MATCH_HOLD_NOTHING; h <= MATCH_HOLD_LAST; h++)
		if (s->held[h])
			cli_printf(_("  %ld left for a clerk: %s\n"), s->held[h],
				   match_hold_text((enum match_hold)h));
	if (s->conflicts)
		cli_printf(_("  %ld already matched by another user\n"), s->conflicts);
}

static void
auto_summary_json(struct strbuf *out, const struct match_run_stats *s, int dry)
{
	sb_addf(out, "\n],\"dry_run\":%s,\"deposits\":%ld,\"matched\":%ld,\"conflicts\":%ld,"
		     "\"held\":{", dry ? "true" : "false", s->deposits, s->matched, s->conflicts);
	for (int h = MATCH_HOLD_NOTHING; h <= MATCH_HOLD_LAST; h++)
		sb_addf(out, "%s\"%s\":%ld", h > 1 ? "," : "", match_hold_name((enum match_hold)h),
			s->held[h]);
	sb_adds(out, "}}\n");
}

/* Far above any score the engine gives (a sure payer and an exact amount
 * score a little over 100). */
#define SCORE_LIMIT 1000

enum ur_status
cmd_match_settings(struct match_config *cfg)
{
	struct ar_settings s;
	int rc;

	if ((rc = cli_settings(&s)) != UR_OK)
		return (enum ur_status)rc;
	arconf_match(&s, cfg);
	return UR_OK;
}

static int
parse_config(struct match_config *cfg, const char *thr, const char *margin, const char *tol)
{
	struct ur_err err;
	enum ur_status rc;
	long v;

	ur_err_clear(&err);
	if ((rc = cmd_match_settings(cfg)) != UR_OK)
		return rc;
	if (thr && !cli_number(thr, 1, SCORE_LIMIT, &v))
		return cli_usage_error(_("bad --threshold '%s': a score from 1 to %d"), thr,
				       SCORE_LIMIT);
	if (thr)
		cfg->threshold = (int)v;
	if (margin && !cli_number(margin, 0, SCORE_LIMIT, &v))
		return cli_usage_error(_("bad --margin '%s': points from 0 to %d"), margin,
				       SCORE_LIMIT);
	if (margin)
		cfg->margin = (int)v;
	if (tol && money_parse(tol, "JPY", &cfg->tolerance, &err) != UR_OK)
		return cli_usage_error(_("bad --tolerance '%s'"), tol);
	return UR_OK;
}

static int
match_auto(const struct cli *c, int dry, int json, const struct match_config *cfg)
{
	struct match_run_stats stats;
	struct auto_out o = { json, dry, 0, { 0 } };
	struct store *st;
	struct ur_err err;
	enum ur_status rc;

	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	sb_init(&o.out);
	ur_err_clear(&err);
	if (json)
		sb_adds(&o.out, "{\"results\":[");
	rc = match_run_auto(st, cfg, dry, auto_row, &o, &stats, &err);
	store_close(st);
	if (rc == UR_OK && json) {
		auto_summary_json(&o.out, &stats, dry);
		rc = cli_flush(&o.out);
	} else if (rc == UR_OK) {
		auto_summary_text(&stats, dry);
	}
	sb_free(&o.out);
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}

/* Pull every "--invoice X" / "--invoice=X" out of argv (kept in order in
 * inv[], which has room for argc of them); the other words stay, compacted. */
static int
take_invoices(int *argc, char **argv, const char **inv, int *ninv)
{
	int i, k = 0;

	*ninv = 0;
	for (i = 0; i < *argc; i++) {
		const char *v = NULL;

		if (strcmp(argv[i], "--invoice") == 0 && i + 1 < *argc)
			v = argv[++i];
		else if (strncmp(argv[i], "--invoice=", 10) == 0)
			v = argv[i] + 10;
		else if (strcmp(argv[i], "--invoice") == 0)
			return cli_usage_error(_("option '%s' needs a value"), argv[i]);
		if (!v) {
			argv[k++] = argv[i];
			continue;
		}
		inv[(*ninv)++] = v;
	}
	*argc = k;
	return UR_OK;
}

/* Whether clearing want of an invoice is possible with open left of it
 * (not more, not nothing, the sign of its amount: a credit note clears
 * negatively). */
static bool
confirm_fits(int64_t open, int64_t want)
{
	return open > 0 ? want > 0 && want <= open : open < 0 && want < 0 && want >= open;
}

/* Whether clearing want of invoice inv with open left is wrong; then the
 * reason into err: a conflict when the invoice's whole amount would have
 * allowed it (another clerk's match took it first: their payment, or
 * one of a race for the same invoice), else rejected input. */
static bool
confirm_too_much(const struct invoice *inv, int64_t open, int64_t want, struct ur_err *err)
{
	enum ur_status st = confirm_fits(inv->amount, want == 0 ? inv->amount : want)
				    ? UR_CONFLICT : UR_INPUT;
	char a[48], b[48];

	if (confirm_fits(open, want))
		return false;
	money_format(open, inv->currency, MONEY_GROUP, a, sizeof a);
	money_format(want, inv->currency, MONEY_GROUP, b, sizeof b);
	if (open == 0)
		ur_fail(err, st, _("invoice %s is paid already"), inv->number);
	else
		ur_fail(err, st, _("invoice %s has %s open: %s cannot be cleared"), inv->number, a,
			b);
	return true;
}

/* One --invoice NUM[:AMOUNT] into line l (currency checked against the
 * first invoice's; the invoices may be several customers'). */
static enum ur_status
confirm_line(struct store *st, const char *arg, struct match_proposal *p, char *cur,
	     struct ur_err *err)
{
	const char *colon = strrchr(arg, ':');
	char num[128];
	struct invoice inv;
	struct customer cu;
	int64_t open;
	enum ur_status rc;
	struct match_line *l = &p->line[p->nlines];

	snprintf(num, sizeof num, "%.*s", colon ? (int)(colon - arg) : (int)strlen(arg), arg);
	if ((rc = store_invoice_get(st, num, &inv, &open, err)) != UR_OK)
		return rc == UR_INPUT ? ur_fail(err, UR_INPUT, _("no invoice %s"), num) : rc;
	l->invoice_id = inv.id;
	l->cleared = open;
	if (colon && (rc = money_parse(colon + 1, inv.currency, &l->cleared, err)) != UR_OK)
		return rc;
	if (confirm_too_much(&inv, open, l->cleared, err))
		return err->status;
	if (p->nlines && strcmp(cur, inv.currency) != 0)
		return ur_fail(err, UR_INPUT, _("invoice %s is in %s, not %s"), num, inv.currency,
			       cur);
	snprintf(cur, 8, "%s", inv.currency);
	if ((rc = store_customer_get(st, inv.customer, &cu, err)) != UR_OK)
		return rc;
	if (!p->nlines)
		p->customer_id = cu.id; /* the first invoice's; an agent may pay for others too */
	l->customer_id = cu.id;
	p->nlines++;
	return UR_OK;
}

/* The fee is taken from the last invoices first (never a credit slip). */
static enum ur_status
confirm_fee(struct match_proposal *p, int64_t fee, struct ur_err *err)
{
	for (int i = p->nlines - 1; i >= 0 && fee > 0; i--) {
		int64_t take = fee < p->line[i].cleared ? fee : p->line[i].cleared;

		if (take <= 0)
			continue;
		p->line[i].fee = take;
		fee -= take;
	}
	if (fee > 0)
		return ur_fail(err, UR_INPUT, _("the fee is larger than the cleared amounts"));
	return UR_OK;
}

struct confirm_args {
	const char *ref, *fee, *on_account, *customer;
	const char **inv; /* as many as given: a closing period may have hundreds */
	int ninv;
	int allow_large_fee;
};

/* A fee above the customer's limit is refused: a shortfall that large is
 * the customer's debt, not a bank's charge (--allow-large-fee books it). */
static enum ur_status
confirm_fee_limit(struct store *st, int64_t customer, const char *cur, int64_t fee,
		  struct ur_err *err)
{
	struct ar_settings s;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
	int64_t limit;
	enum ur_status rc;

	if ((rc = arconf_load(&s, NULL, err)) != UR_OK ||
	    (rc = store_fee_limit(st, customer, &s, cur, &limit, err)) != UR_OK || fee <= limit)
		return rc;
	money_format(fee, cur, MONEY_GROUP, a, sizeof a);
	money_format(limit, cur, MONEY_GROUP, b, sizeof b);
	return ur_fail(err, UR_INPUT,
		       _("the fee of %s %s is above the fee limit of %s %s (the fee-limit setting, "
			 "or the customer's own fee): clear less of the invoice to keep the rest "
			 "open, or give --allow-large-fee"), cur, a, cur, b);
}

/* The proposal the clerk's options make for deposit d, checked. */
static enum ur_status
confirm_proposal(struct store *st, const struct confirm_args *a, const struct match_deposit *d,
		 struct match_proposal *p, struct ur_err *err)
{
	char cur[8];
	int64_t fee = 0;
	struct customer cu;
	enum ur_status rc;

	snprintf(cur, sizeof cur, "%s", d->currency);
	for (int i = 0; i < a->ninv; i++) {
		if ((rc = confirm_line(st, a->inv[i], p, cur, err)) != UR_OK)
			return rc;
		p->line[i].number = a->inv[i];
	}
	if (a->ninv && strcmp(cur, d->currency) != 0)
		return ur_fail(err, UR_INPUT, _("the deposit is in %s, the invoices in %s"),
			       d->currency, cur);
	if (a->fee && ((rc = money_parse(a->fee, cur, &fee, err)) != UR_OK ||
		       (rc = confirm_fee(p, fee, err)) != UR_OK))
		return rc;
	if (fee > 0 && !a->allow_large_fee &&
	    (rc = confirm_fee_limit(st, p->customer_id, cur, fee, err)) != UR_OK)
		return rc;
	if (a->on_account && (rc = money_parse(a->on_account, cur, &p->on_account, err)) != UR_OK)
		return rc;
	if (a->customer) {
		if ((rc = store_customer_get(st, a->customer, &cu, err)) != UR_OK)
			return rc == UR_INPUT ? ur_fail(err, UR_INPUT, _("no customer with code %s"),
							a->customer) : rc;
		if (p->nlines && cu.id != p->customer_id)
			return ur_fail(err, UR_INPUT, _("the invoices belong to another customer"));
		p->customer_id = cu.id;
	}
	if (!p->customer_id)
		return ur_fail(err, UR_INPUT, _("money on account needs --customer CODE"));
	return UR_OK;
}

static int
match_confirm(const struct cli *c, const struct confirm_args *a)
{
	struct store_match_deposits l;
	struct match_proposal p;
	enum deposit_state state;
	struct store *st;
	struct ur_err err;
	enum ur_status rc;

	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	memset(&p, 0, sizeof p);
	p.line = xcalloc((size_t)a->ninv + 1, sizeof *p.line);
	rc = store_match_deposit_get(st, a->ref, &l, &state, &err);
	if (rc == UR_OK && state == DEPOSIT_REVERSED)
		rc = ur_fail(&err, UR_INPUT,
			     _("deposit %s was cancelled by the bank: nothing to confirm"), a->ref);
	else if (rc == UR_OK && state != DEPOSIT_UNMATCHED)
		rc = ur_fail(&err, UR_CONFLICT,
			     _("deposit %s is already %s: another user changed it first"), a->ref,
			     deposit_state_label(state));
	if (rc == UR_OK && (rc = confirm_proposal(st, a, &l.d[0], &p, &err)) == UR_OK &&
	    (rc = store_match_confirm(st, &l.d[0], &p, ALLOC_MANUAL, &err)) == UR_OK)
		cli_printf(_("deposit %s matched by hand\n"), a->ref);
	store_match_deposits_free(&l);
	store_close(st);
	free(p.line);
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}

static int
confirm_run(const struct cli *c, const struct confirm_args *a)
{
	if (!a->ref || (!a->ninv && !a->on_account))
		return cli_usage_error(_("usage: urikake match confirm --deposit REF "
					 "--invoice NUM[:AMOUNT]… [--fee AMOUNT [--allow-large-fee]] "
					 "[--on-account AMOUNT [--customer CODE]]"));
	return match_confirm(c, a);
}

/* `match confirm` (the balance confirmations' `confirm` is cmd_confirm.c's). */
static int
cmd_match_confirm(const struct cli *c, int argc, char **argv)
{
	struct confirm_args a;
	const struct cli_opt opts[] = {
		{ "--deposit", &a.ref, NULL }, { "--fee", &a.fee, NULL },
		{ "--on-account", &a.on_account, NULL }, { "--customer", &a.customer, NULL },
		{ "--allow-large-fee", NULL, &a.allow_large_fee }, { NULL, NULL, NULL }
	};
	const char *pos[1];
	int npos, rc;

	memset(&a, 0, sizeof a);
	argc--;
	argv++;
	a.inv = xcalloc((size_t)argc + 1, sizeof *a.inv);
	rc = take_invoices(&argc, argv, a.inv, &a.ninv) != UR_OK ||
		     cli_args(argc, argv, opts, pos, 0, &npos) != UR_OK
	     ? UR_USAGE
	     : confirm_run(c, &a);
	free(a.inv);
	return rc;
}


int
cmd_match_load_deposit(const struct cli *c, int argc, char **argv, const char *usage,
		       bool readonly, struct store **st, struct store_match_deposits *l,
		       enum deposit_state *state, const char **ref, int *json)
{
	const char *pos[1];
	const struct cli_opt opts[] = { { "--deposit", ref, NULL },
					{ json ? "--json" : NULL, NULL, json },
					{ NULL, NULL, NULL } };
	struct ur_err err;
	enum ur_status rc;
	int npos;

	*ref = NULL;
	if (cli_args(argc - 1, argv + 1, opts, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if (!*ref)
		return cli_usage_error("%s", usage);
	rc = readonly ? cli_open_store_readonly(c, st) : cli_open_store(c, st);
	if (rc != UR_OK)
		return rc;
	ur_err_clear(&err);
	if (store_match_deposit_get(*st, *ref, l, state, &err) != UR_OK) {
		store_match_deposits_free(l);
		store_close(*st);
		return cli_fail(&err);
	}
	return UR_OK;
}

static int
cmd_match_undo(const struct cli *c, int argc, char **argv)
{
	const char *ref;
	enum deposit_state state;
	struct store_match_deposits l;
	struct store *st;
	struct ur_err err;
	int rc;

	rc = cmd_match_load_deposit(c, argc, argv, _("usage: urikake match undo --deposit REF"),
				    false, &st, &l, &state, &ref, NULL);
	if (rc != UR_OK)
		return rc;
	ur_err_clear(&err);
	if ((rc = store_match_undo(st, l.d[0].id, &err)) == UR_OK)
		cli_printf(_("deposit %s is unmatched again\n"), ref);
	store_match_deposits_free(&l);
	store_close(st);
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}

/* match --auto [--dry-run] [--json] [--threshold N] [--margin N]
 * [--tolerance N] */
static int
match_auto_words(const struct cli *c, int argc, char **argv)
{
	const char *thr = NULL, *margin = NULL, *tol = NULL, *pos[1];
	int is_auto = 0, dry = 0, json = 0, npos, rc;
	const struct cli_opt opts[] = {
		{ "--auto", NULL, &is_auto }, { "--dry-run", NULL, &dry }, { "--json", NULL, &json },
		{ "--threshold", &thr, NULL }, { "--margin", &margin, NULL },
		{ "--tolerance", &tol, NULL }, { NULL, NULL, NULL }
	};
	struct match_config cfg;

	if (cli_args(argc - 1, argv + 1, opts, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if (!is_auto)
		return cli_usage_error(_("usage: urikake match --auto [--dry-run] [--json] | "
					 "confirm | undo | show | aliases"));
	if ((rc = parse_config(&cfg, thr, margin, tol)) != UR_OK)
		return rc;
	return match_auto(c, dry, json, &cfg);
}

int
cmd_match(const struct cli *c, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "confirm", cmd_match_confirm }, { "undo", cmd_match_undo },
		{ "show", cmd_match_show },
		{ "aliases", cmd_match_aliases },
		{ NULL, match_auto_words },
	};

	return cli_subcommand(c, argc, argv, subs, NULL);
}
