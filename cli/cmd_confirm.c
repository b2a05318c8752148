/* cmd_confirm: `urikake confirm answer|resolve|list` and `export
 * confirmations` — the customer's answer to a balance confirmation, the
 * items that explain a dispute, the state of every customer (`confirm
 * send` writes the letters with the statements, in cmd_statement.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_confirm.h"
#include "cmd_statement.h"
#include "csv.h"
#include "date.h"
#include "dispute.h"
#include "i18n.h"
#include "jsonout.h"
#include "money.h"
#include "rowout.h"
#include "store.h"
#include "store_confirm.h"
#include "text.h"
#include "xalloc.h"

#define CONFIRM_FLUSH_AT (64 * 1024)

/* An amount typed for customer cu: exit 3 naming the option when it is
 * not one. */
static int
parse_amount(const char *opt, const char *text, const struct customer *cu, int64_t *out)
{
	struct ur_err err;

	ur_err_clear(&err);
	if (money_parse(text, cu->currency && *cu->currency ? cu->currency : "JPY", out, &err) ==
	    UR_OK)
		return UR_OK;
	cli_error(_("%s %s: %s"), opt, text, err.msg);
	return UR_INPUT;
}

/* The store and the customer named, for a command that writes. */
static int
open_customer(const struct cli *c, const char *code, struct store **st, struct customer *cu)
{
	struct ur_err err;
	int rc;

	if ((rc = cli_open_store(c, st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	if ((rc = store_customer_get(*st, code, cu, &err)) != UR_OK) {
		store_close(*st);
		return cli_fail(&err);
	}
	return UR_OK;
}

static int
confirm_answer(const struct cli *c, int argc, char **argv)
{
	const char *balance = NULL, *reason = NULL, *date = NULL, *pos[1];
	int agreed = 0, npos, rc;
	const struct cli_opt opts[] = {
		{ "--agreed", NULL, &agreed }, { "--balance", &balance, NULL },
		{ "--reason", &reason, NULL }, { "--date", &date, NULL },
		{ NULL, NULL, NULL },
	};
	int32_t day = date_today();
	int64_t theirs = 0;
	struct store *st;
	struct customer cu;
	struct ur_err err;

	if (cli_args(argc - 1, argv + 1, opts, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 1 || agreed == (balance != NULL))
		return cli_usage_error(_("usage: urikake confirm answer CUSTOMER --agreed | "
					 "--balance AMOUNT --reason TEXT [--date DATE]"));
	if (balance && (!reason || !*reason))
		return cli_usage_error(_("--balance needs --reason TEXT: why the figures differ"));
	if (date && date_parse(date, &day, &err) != UR_OK)
		return cli_usage_error("--date: %s", err.msg);
	if ((rc = open_customer(c, pos[0], &st, &cu)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	if (!balance || (rc = parse_amount("--balance", balance, &cu, &theirs)) == UR_OK)
		rc = store_confirm_answer(st, cu.id, day, agreed, theirs, reason, &err);
	store_close(st);
	if (rc == UR_INPUT && !*err.msg)
		return rc;
	if (rc != UR_OK)
		return cli_fail(&err);
	cli_printf(_("Recorded the answer of %s.\n"), pos[0]);
	return fflush(stdout) == 0 ? UR_OK : UR_FAIL;
}

/* The words of `confirm resolve`, in the order given. */
struct resolve_args {
	const char *code, *date;
	int close;
	const char *opt[64], *value[64];
	int n;
};

static int
resolve_words(int argc, char **argv, struct resolve_args *a)
{
	static const char *const valued[] = { "--invoice", "--unreceived", "--credit-note",
					      "--other", "--note", "--date" };

	for (int i = 1; i < argc; i++) {
		size_t k = 0;

		if (strcmp(argv[i], "--close") == 0) {
			a->close = 1;
			continue;
		}
		while (k < sizeof valued / sizeof valued[0] && strcmp(argv[i], valued[k]) != 0)
			k++;
		if (k == sizeof valued / sizeof valued[0] && argv[i][0] == '-')
			return cli_usage_error(_("unknown option '%s'"), argv[i]);
		if (k == sizeof valued / sizeof valued[0]) {
			if (a->code)
				return cli_usage_error(_("unexpected argument '%s'"), argv[i]);
			a->code = argv[i];
		} else if (i + 1 >= argc) {
			return cli_usage_error(_("option '%s' needs a value"), argv[i]);
		} else if (k == 5) {
			a->date = argv[++i];
		} else if (a->n == 64) {
			return cli_usage_error(_("too many items at once"));
		} else {
			a->opt[a->n] = valued[k];
			a->value[a->n++] = argv[++i];
		}
	}
	if (!a->code || (!a->n && !a->close))
		return cli_usage_error(_("usage: urikake confirm resolve CUSTOMER [--invoice "
					 "NUM[:AMOUNT]] [--unreceived AMOUNT[:NOTE]] "
					 "[--credit-note AMOUNT[:NOTE]] [--other AMOUNT:NOTE] "
					 "[--note TEXT] ... [--close] [--date DATE]"));
	return UR_OK;
}

/* One item from its option and value; amounts in cu's currency, by the
 * rules pane 3's form follows too (dispute_item_make). */
static int
resolve_item(const char *opt, const char *value, const struct customer *cu,
	     struct dispute_item *it, char **own)
{
	static const char *const opts[] = {
		[DISPUTE_INVOICE] = "--invoice", [DISPUTE_UNRECEIVED] = "--unreceived",
		[DISPUTE_CREDIT_NOTE] = "--credit-note", [DISPUTE_OTHER] = "--other",
		[DISPUTE_NOTE] = "--note",
	};
	enum dispute_kind k = DISPUTE_INVOICE;
	const char *colon = strchr(value, ':'), *invoice = NULL, *amount = NULL, *note = value;
	struct ur_err err;

	while (k < DISPUTE_NOTE && strcmp(opt, opts[k]) != 0)
		k++;
	*own = NULL;
	if (k == DISPUTE_INVOICE) { /* NUM[:AMOUNT]: a number may hold a colon */
		colon = strrchr(value, ':');
		*own = colon ? xstrndup(value, (size_t)(colon - value)) : xstrdup(value);
		invoice = *own;
		amount = colon ? colon + 1 : NULL;
		note = NULL;
	} else if (k != DISPUTE_NOTE) { /* AMOUNT[:NOTE] */
		if (k == DISPUTE_OTHER && (!colon || !colon[1]))
			return cli_usage_error(_("--other is AMOUNT:NOTE (say what the amount is)"));
		*own = colon ? xstrndup(value, (size_t)(colon - value)) : xstrdup(value);
		amount = *own;
		note = colon ? colon + 1 : "";
	}
	ur_err_clear(&err);
	if (dispute_item_make(k, invoice, amount, note, cu->currency, it, &err) == UR_OK)
		return UR_OK;
	cli_error(_("%s %s: %s"), opt, value, err.msg);
	return UR_INPUT;
}

static int
resolve_run(const struct cli *c, const struct resolve_args *a, int32_t day)
{
	struct dispute_item items[64];
	char *own[64];
	struct store *st;
	struct customer cu;
	struct ur_err err;
	int rc, n = 0;

	if ((rc = open_customer(c, a->code, &st, &cu)) != UR_OK)
		return rc;
	while (rc == UR_OK && n < a->n) {
		rc = resolve_item(a->opt[n], a->value[n], &cu, &items[n], &own[n]);
		n++;
	}
	ur_err_clear(&err);
	if (rc == UR_OK)
		rc = store_confirm_resolve(st, cu.id, 0, day, items, a->n, a->close, &err);
	store_close(st);
	while (n > 0)
		free(own[--n]);
	if (rc != UR_OK)
		return *err.msg ? cli_fail(&err) : rc;
	if (a->close)
		cli_printf(_("Closed the dispute of %s.\n"), a->code);
	else
		cli_printf(ngettext_("Recorded %d item in the dispute of %s.\n",
				     "Recorded %d items in the dispute of %s.\n", a->n),
			   a->n, a->code);
	return fflush(stdout) == 0 ? UR_OK : UR_FAIL;
}

static int
confirm_resolve(const struct cli *c, int argc, char **argv)
{
	struct resolve_args a;
	struct ur_err err;
	int32_t day = date_today();
	int rc;

	memset(&a, 0, sizeof a);
	if ((rc = resolve_words(argc, argv, &a)) != UR_OK)
		return rc;
	if (a.date && date_parse(a.date, &day, &err) != UR_OK)
		return cli_usage_error("--date: %s", err.msg);
	return resolve_run(c, &a, day);
}

/* "disputed by ¥12,000" or the state's label. */
static void
state_words(struct strbuf *out, const struct confirm_row *r)
{
	if (r->state != CONFIRM_DISPUTED) {
		sb_adds(out, confirm_state_label(r->state));
		return;
	}
	sb_adds(out, _("disputed by "));
	cli_put_money(out, r->difference, r->currency, MONEY_GROUP);
}

static int
list_line(const struct confirm_row *r, void *ctx)
{
	struct strbuf *out = ctx;
	char d[DATE_ISO_SIZE];

	text_pad(out, r->code, 10, TEXT_LEFT);
	sb_addc(out, ' ');
	text_pad(out, r->name, 24, TEXT_LEFT);
	sb_addc(out, ' ');
	state_words(out, r);
	if (r->id) {
		date_format_iso(r->as_of, d);
		sb_addf(out, _("  as of %s "), d);
		cli_put_money(out, r->balance, r->currency, MONEY_GROUP);
		date_format_iso(r->sent_on, d);
		sb_addf(out, _("  sent %s"), d);
	}
	if (r->state == CONFIRM_DISPUTED || r->state == CONFIRM_RESOLVED) {
		sb_adds(out, _("  theirs "));
		cli_put_money(out, r->their_balance, r->currency, MONEY_GROUP);
		sb_adds(out, _(", explained "));
		cli_put_money(out, r->explained, r->currency, MONEY_GROUP);
		sb_adds(out, ": ");
		text_sanitize(out, r->reason, strlen(r->reason));
	}
	sb_addc(out, '\n');
	return out->len >= CONFIRM_FLUSH_AT && cli_flush(out) != UR_OK;
}

static int
confirm_list(const struct cli *c, int argc, char **argv)
{
	const char *state = NULL, *pos[1];
	const struct cli_opt opts[] = { { "--state", &state, NULL }, { NULL, NULL, NULL } };
	enum confirm_state want;
	struct store *st;
	struct strbuf out;
	struct ur_err err;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if (state && !confirm_state_parse(state, &want))
		return cli_usage_error(_("--state is not-sent, awaiting, agreed, disputed or "
					 "resolved"));
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	sb_init(&out);
	ur_err_clear(&err);
	rc = store_confirm_each(st, state ? &want : NULL, list_line, &out, &err);
	store_close(st);
	if (rc == UR_OK)
		rc = cli_flush(&out);
	else
		rc = cli_fail(&err);
	sb_free(&out);
	return cli_finish(rc);
}

int
cmd_confirm(const struct cli *c, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "send", cmd_confirm_send }, { "answer", confirm_answer },
		{ "resolve", confirm_resolve }, { "list", confirm_list }, { NULL, NULL },
	};

	return cli_subcommand(c, argc, argv, subs,
			      _("usage: urikake confirm send|answer|resolve|list ..."));
}

/* export confirmations */
static int
export_row(const struct confirm_row *r, void *ctx)
{
	struct rowout *x = ctx;
	bool answered = r->answered_on != 0;

	rowout_row(x);
	rowout_cell(x, "customer", r->code, 1, 0);
	rowout_date(x, "sent_on", r->sent_on);
	rowout_date(x, "as_of", r->as_of);
	rowout_cell(x, "currency", r->currency, 0, 0);
	rowout_money(x, "balance", r->balance, r->currency, 1, 0);
	rowout_cell(x, "document", r->document, 0, 0);
	rowout_cell(x, "delivery", r->delivery, 0, 0);
	rowout_cell(x, "file", r->file, 0, 0);
	rowout_cell(x, "state", confirm_state_name(r->state), 0, 0);
	rowout_date(x, "answered_on", r->answered_on);
	rowout_money(x, "their_balance", r->their_balance, r->currency, answered, 0);
	rowout_money(x, "difference", r->difference, r->currency, answered, 0);
	rowout_cell(x, "reason", r->reason, 0, 0);
	rowout_money(x, "explained", r->explained, r->currency, answered, 0);
	rowout_date(x, "resolved_on", r->resolved_on);
	rowout_cell(x, "user", r->user, 0, 1);
	return rowout_end_row(x);
}

static enum ur_status
export_walk(struct store *st, struct rowout *x, struct ur_err *err)
{
	return store_confirm_history(st, export_row, x, err);
}

int
cmd_confirm_export(const struct cli *c, const char *format)
{
	return rowout_export(c, format, "customer,sent_on,as_of,currency,balance,document,"
			     "delivery,file,state,answered_on,their_balance,difference,reason,"
			     "explained,resolved_on,user\n", export_walk);
}
