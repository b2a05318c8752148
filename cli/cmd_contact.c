/* cmd_contact: `urikake contact add|list|dunning` and `export contacts` —
 * the contact log from the command line, on the same core as the contact
 * pane (store_contact.h); the worklist and digest are in cmd_worklist.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "arconf.h"
#include "cmd_contact.h"
#include "contact.h"
#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "jsonout.h"
#include "money.h"
#include "rowout.h"
#include "store.h"
#include "store_contact.h"
#include "text.h"

#define CONTACT_FLUSH_AT (64 * 1024)

/* The options of `contact add`, as given. */
struct add_opts {
	const char *channel, *note, *promise, *next, *owner, *direction, *outcome, *date;
	struct contact c;
};

/* Check the words that need no database; fills o->c. */
static int
add_parse(struct add_opts *o)
{
	struct ur_err err;

	if (!o->channel || !contact_channel_parse(o->channel, &o->c.channel))
		return cli_usage_error(_("--channel is phone, email, letter, visit or sms"));
	if (!o->note || !*o->note)
		return cli_usage_error(_("--note TEXT is required"));
	if (!contact_owner_parse(o->owner, &o->c.next_owner))
		return cli_usage_error(_("--owner is sales or accounting"));
	if (strcmp(o->direction, "in") != 0 && strcmp(o->direction, "out") != 0)
		return cli_usage_error(_("--direction is in or out"));
	o->c.inbound = strcmp(o->direction, "in") == 0;
	o->c.note = o->note;
	o->c.outcome = o->outcome;
	if (o->next && date_parse(o->next, &o->c.next_date, &err) != UR_OK)
		return cli_usage_error("--next: %s", err.msg);
	if (o->date && date_parse(o->date, &o->c.day, &err) != UR_OK)
		return cli_usage_error("--date: %s", err.msg);
	return UR_OK;
}

/* --promise DATE:AMOUNT, the amount in the customer's currency. */
static int
add_promise(struct add_opts *o, const char *cur)
{
	const char *colon = o->promise ? strchr(o->promise, ':') : NULL;
	struct ur_err err;
	char date[32];

	if (!o->promise)
		return UR_OK;
	if (!colon || colon - o->promise >= (int)sizeof date)
		return cli_usage_error(_("--promise is DATE:AMOUNT, e.g. 2026-04-15:120000"));
	memcpy(date, o->promise, (size_t)(colon - o->promise));
	date[colon - o->promise] = '\0';
	if (date_parse(date, &o->c.promise_date, &err) != UR_OK)
		return cli_usage_error("--promise: %s", err.msg);
	if (money_parse(colon + 1, cur, &o->c.promise_amount, &err) != UR_OK)
		return cli_usage_error("--promise: %s", err.msg);
	return UR_OK;
}

static int
add_run(const struct cli *c, struct add_opts *o, const char *code)
{
	struct store *st;
	struct customer cu;
	struct ur_err err;
	int64_t id = 0;
	int rc;

	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	if ((rc = store_customer_get(st, code, &cu, &err)) == UR_OK) {
		o->c.customer_id = cu.id;
		rc = add_promise(o, cu.currency && *cu.currency ? cu.currency : "JPY");
		if (rc == UR_OK)
			rc = store_contact_add(st, &o->c, date_today(), &id, &err);
	}
	store_close(st);
	if (rc == UR_USAGE)
		return rc;
	if (rc != UR_OK)
		return cli_fail(&err);
	cli_printf(_("Recorded contact %" PRId64 " for %s.\n"), id, code);
	return fflush(stdout) == 0 ? UR_OK : UR_FAIL;
}

static int
contact_add(const struct cli *c, int argc, char **argv)
{
	struct add_opts o = { .direction = "out" };
	const struct cli_opt opts[] = {
		{ "--channel", &o.channel, NULL }, { "--note", &o.note, NULL },
		{ "--promise", &o.promise, NULL }, { "--next", &o.next, NULL },
		{ "--owner", &o.owner, NULL },     { "--direction", &o.direction, NULL },
		{ "--outcome", &o.outcome, NULL }, { "--date", &o.date, NULL },
		{ NULL, NULL, NULL },
	};
	const char *pos[1];
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 1)
		return cli_usage_error(_("usage: urikake contact add CUSTOMER --channel C "
					 "--note TEXT [--promise DATE:AMOUNT] [--next DATE] "
					 "[--owner sales|accounting] [--direction in|out] "
					 "[--outcome TEXT] [--date DATE]"));
	if ((rc = add_parse(&o)) != UR_OK)
		return rc;
	return add_run(c, &o, pos[0]);
}

/* One timeline line: when, who, channel, direction, then the rest. */
static int
list_line(const struct contact_entry *e, void *ctx)
{
	struct strbuf *out = ctx;
	char d[DATE_ISO_SIZE];
	const char *head;
	bool note;

	sb_addf(out, "%.10s %.5s  ", e->at, strlen(e->at) > 11 ? e->at + 11 : "");
	text_sanitize(out, e->user, strlen(e->user));
	sb_addf(out, "  %s %s", contact_channel_label(e->channel),
		*e->direction == 'i' ? _("in") : _("out"));
	if (e->dunning_level)
		sb_addf(out, _("  level %d"), e->dunning_level);
	if (e->promise_date) {
		date_format_iso(e->promise_date, d);
		sb_addf(out, _("  promise %s "), d);
		cli_put_money(out, e->promise_amount, e->currency, MONEY_GROUP);
		sb_addf(out, " (%s)", contact_promise_name(e->promise_state));
	}
	if (e->next_date) {
		date_format_iso(e->next_date, d);
		sb_addf(out, _("  next %s %s"), d, contact_owner_label(e->next_owner));
	}
	sb_adds(out, "\n    ");
	head = contact_entry_head(e->dunning_level, e->outcome, e->note, &note);
	text_sanitize(out, head, strlen(head));
	if (*head && note)
		sb_adds(out, ": ");
	if (note)
		text_sanitize(out, e->note, strlen(e->note));
	sb_addc(out, '\n');
	return out->len >= CONTACT_FLUSH_AT && cli_flush(out) != UR_OK;
}

static int
contact_list(const struct cli *c, int argc, char **argv)
{
	const char *pos[1], *date = NULL;
	const struct cli_opt opts[] = { { "--date", &date, NULL }, { NULL, NULL, NULL } };
	struct store *st;
	struct customer cu;
	struct ur_err err;
	struct strbuf out;
	int32_t today = date_today();
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 1)
		return cli_usage_error(_("usage: urikake contact list CUSTOMER [--date DATE]"));
	if (date && date_parse(date, &today, &err) != UR_OK)
		return cli_usage_error("--date: %s", err.msg);
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	sb_init(&out);
	ur_err_clear(&err);
	if ((rc = store_customer_get(st, pos[0], &cu, &err)) == UR_OK)
		rc = store_contact_timeline(st, cu.id, today, list_line, &out, &err);
	store_close(st);
	if (rc == UR_OK)
		rc = cli_flush(&out);
	else
		rc = cli_fail(&err);
	sb_free(&out);
	return rc;
}

static int
contact_dunning(const struct cli *c, int argc, char **argv)
{
	const char *level = NULL, *note = NULL, *pos[1];
	const struct cli_opt opts[] = { { "--level", &level, NULL }, { "--note", &note, NULL },
					{ NULL, NULL, NULL } };
	struct store *st;
	struct customer cu;
	struct ur_err err;
	int64_t id = 0;
	int npos, rc, n;

	if (cli_args(argc - 1, argv + 1, opts, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	n = level ? atoi(level) : 0;
	if (npos != 1 || n < 1 || n > ARCONF_LEVELS)
		return cli_usage_error(_("usage: urikake contact dunning CUSTOMER --level 1-%d "
					 "[--note TEXT]"), ARCONF_LEVELS);
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	if ((rc = store_customer_get(st, pos[0], &cu, &err)) == UR_OK)
		rc = store_dunning_move(st, cu.id, n, date_today(), note, &id, &err);
	store_close(st);
	if (rc != UR_OK)
		return cli_fail(&err);
	cli_printf(_("%s moved to dunning level %d (%s), recorded as contact %" PRId64 ".\n"),
		   pos[0], n, contact_level_name(n), id);
	return fflush(stdout) == 0 ? UR_OK : UR_FAIL;
}

int
cmd_contact(const struct cli *c, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", contact_add }, { "list", contact_list }, { "worklist", cmd_worklist },
		{ "digest", cmd_digest }, { "dunning", contact_dunning }, { NULL, NULL },
	};

	return cli_subcommand(c, argc, argv, subs,
			      _("usage: urikake contact add|list|worklist|digest|dunning ..."));
}

/* export contacts */
static int
export_row(const struct contact_entry *e, void *ctx)
{
	struct rowout *x = ctx;
	char pd[DATE_ISO_SIZE] = "", nd[DATE_ISO_SIZE] = "", amt[MONEY_BUFSZ] = "", lvl[16];

	if (e->promise_date) {
		date_format_iso(e->promise_date, pd);
		money_format(e->promise_amount, e->currency, MONEY_PLAIN, amt, sizeof amt);
	}
	if (e->next_date)
		date_format_iso(e->next_date, nd);
	snprintf(lvl, sizeof lvl, "%d", e->dunning_level);
	rowout_row(x);
	rowout_cell(x, "customer", e->customer, 1, 0);
	rowout_cell(x, "at", e->at, 0, 0);
	rowout_cell(x, "user", e->user, 0, 0);
	rowout_cell(x, "channel", e->channel, 0, 0);
	rowout_cell(x, "direction", e->direction, 0, 0);
	rowout_cell(x, "note", e->note, 0, 0);
	rowout_cell(x, "outcome", e->outcome, 0, 0);
	rowout_cell(x, "promise_date", pd, 0, 0);
	rowout_num(x, "promise_amount", amt, e->promise_date != 0, 0);
	rowout_cell(x, "next_date", nd, 0, 0);
	rowout_cell(x, "next_owner", e->next_owner, 0, 0);
	rowout_num(x, "dunning_level", lvl, 1, 1);
	return rowout_end_row(x);
}

static enum ur_status
export_walk(struct store *st, struct rowout *x, struct ur_err *err)
{
	return store_contacts_each(st, export_row, x, err);
}

int
cmd_contact_export(const struct cli *c, const char *format)
{
	return rowout_export(c, format, "customer,at,user,channel,direction,note,outcome,"
			     "promise_date,promise_amount,next_date,next_owner,dunning_level\n", export_walk);
}
