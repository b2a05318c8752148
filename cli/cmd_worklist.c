/* cmd_worklist: `urikake contact worklist` — today's follow-ups, promises
 * and dunning crossings with who calls, the rating and the credit hold, for
 * everyone or one sales rep, as a table, CSV or JSON — and `contact digest`,
 * the same list as a document to print, keep (text or PDF) or e-mail to the
 * rep (cmd_mail.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arconf.h"
#include "cmd_contact.h"
#include "cmd_statement.h"
#include "contact.h"
#include "csv.h"
#include "date.h"
#include "digest.h"
#include "docprint.h"
#include "i18n.h"
#include "jsonout.h"
#include "money.h"
#include "pdf.h"
#include "store.h"
#include "store_contact.h"
#include "store_custstats.h"
#include "text.h"
#include "xalloc.h"

#define WORK_FLUSH_AT (64 * 1024)

enum work_format { WORK_TABLE, WORK_CSV, WORK_JSON };

struct work_out {
	enum work_format format;
	const char *rep;      /* NULL: everyone */
	struct strbuf out;
	int last_kind;
	size_t n;
	struct digest *digest; /* collecting a digest instead */
};

/* The kinds as CSV and JSON name them. */
static const char *const kind_keys[] = { "follow_up", "promise_due", "promise_broken",
					 "dunning", "dispute" };

static const char *
work_heading(enum worklist_kind k)
{
	switch (k) {
	case WORK_FOLLOW_UP: return _("Follow-ups due");
	case WORK_PROMISE_DUE: return _("Promises due today");
	case WORK_PROMISE_BROKEN: return _("Promises broken");
	case WORK_DISPUTE: return _("Balance confirmations disputed");
	default: return _("Dunning levels crossed");
	}
}

static void
work_amount(struct strbuf *out, const struct worklist_item *w)
{
	cli_put_money(out, w->amount, w->currency, MONEY_GROUP);
	sb_addf(out, " %s", w->currency);
	if (w->kind == WORK_PROMISE_DUE || w->kind == WORK_PROMISE_BROKEN) {
		sb_adds(out, _(", paid "));
		cli_put_money(out, w->paid, w->currency, MONEY_GROUP);
	}
	if (w->kind == WORK_DISPUTE) {
		sb_adds(out, _(", explained "));
		cli_put_money(out, w->paid, w->currency, MONEY_GROUP);
		sb_adds(out, ": ");
		text_sanitize(out, w->note, strlen(w->note));
	}
}

/* "calls: sales (suzuki)  rating C  HOLD" after a table line. */
static void
work_who(struct strbuf *out, const struct worklist_item *w)
{
	sb_addf(out, _("  calls: %s"), contact_owner_label(w->caller));
	if (strcmp(w->caller, "sales") == 0 && *w->sales_rep)
		sb_addf(out, " (%s)", w->sales_rep);
	sb_addf(out, _("  rating %c"), w->rating.grade);
	if (w->hold)
		sb_addf(out, "  %s", _("CREDIT HOLD"));
}

static void
work_table_line(struct work_out *o, const struct worklist_item *w)
{
	char d[DATE_ISO_SIZE];

	if ((int)w->kind != o->last_kind)
		sb_addf(&o->out, "%s%s\n", o->n ? "\n" : "", work_heading(w->kind));
	o->last_kind = (int)w->kind;
	date_format_iso(w->date, d);
	sb_addf(&o->out, "  %s  ", d);
	text_pad(&o->out, w->customer, 10, TEXT_LEFT);
	sb_adds(&o->out, " ");
	text_pad(&o->out, w->name, 24, TEXT_LEFT);
	sb_adds(&o->out, "  ");
	if (w->kind == WORK_FOLLOW_UP)
		sb_addf(&o->out, "%s", *w->owner ? contact_owner_label(w->owner) : "-");
	else
		work_amount(&o->out, w);
	if (w->kind == WORK_DUNNING)
		sb_addf(&o->out,
			ngettext_("  %d day overdue: level %d → %d (%s)",
				  "  %d days overdue: level %d → %d (%s)", w->days_overdue),
			w->days_overdue, w->recorded_level, w->level, contact_level_name(w->level));
	work_who(&o->out, w);
	sb_addc(&o->out, '\n');
}

/* kind,date,customer,name,currency,amount,paid,owner,level,recorded_level,
 * days_overdue,caller,sales_rep,rating,hold,note */
static void
work_csv_line(struct work_out *o, const struct worklist_item *w)
{
	char d[DATE_ISO_SIZE], num[32], amt[MONEY_BUFSZ], paid[MONEY_BUFSZ];

	date_format_iso(w->date, d);
	money_format(w->amount, w->currency, MONEY_PLAIN, amt, sizeof amt);
	money_format(w->paid, w->currency, MONEY_PLAIN, paid, sizeof paid);
	csv_put_sep(&o->out, kind_keys[w->kind], 0);
	csv_put_sep(&o->out, d, 0);
	csv_put_sep(&o->out, w->customer, 0);
	csv_put_sep(&o->out, w->name, 0);
	csv_put_sep(&o->out, w->currency, 0);
	csv_put_sep(&o->out, amt, 0);
	csv_put_sep(&o->out, paid, 0);
	csv_put_sep(&o->out, w->owner, 0);
	snprintf(num, sizeof num, "%d,%d,%d", w->level, w->recorded_level, w->days_overdue);
	sb_addf(&o->out, "%s,", num);
	csv_put_sep(&o->out, w->caller, 0);
	csv_put_sep(&o->out, w->sales_rep, 0);
	sb_addf(&o->out, "%c,%s,", w->rating.grade, w->hold ? "yes" : "no");
	csv_put_sep(&o->out, w->note, 1);
}

static void
work_json_line(struct work_out *o, const struct worklist_item *w)
{
	char d[DATE_ISO_SIZE], amt[MONEY_BUFSZ], grade[2] = { w->rating.grade, '\0' };
	struct strbuf why;

	sb_init(&why);
	rating_reasons(&w->rating, &why);
	date_format_iso(w->date, d);
	sb_adds(&o->out, o->n ? ",\n{" : "{");
	jsonout_pair(&o->out, "kind", kind_keys[w->kind], 1);
	jsonout_pair(&o->out, "date", d, 0);
	jsonout_pair(&o->out, "customer", w->customer, 0);
	jsonout_pair(&o->out, "name", w->name, 0);
	jsonout_pair(&o->out, "currency", w->currency, 0);
	money_format(w->amount, w->currency, MONEY_PLAIN, amt, sizeof amt);
	jsonout_key(&o->out, "amount", 0);
	sb_adds(&o->out, amt);
	money_format(w->paid, w->currency, MONEY_PLAIN, amt, sizeof amt);
	jsonout_key(&o->out, "paid", 0);
	sb_adds(&o->out, amt);
	jsonout_pair(&o->out, "owner", w->owner, 0);
	sb_addf(&o->out, ",\"level\":%d,\"recorded_level\":%d,\"days_overdue\":%d", w->level,
		w->recorded_level, w->days_overdue);
	jsonout_pair(&o->out, "caller", w->caller, 0);
	jsonout_pair(&o->out, "sales_rep", w->sales_rep, 0);
	jsonout_pair(&o->out, "rating", grade, 0);
	jsonout_pair(&o->out, "rating_reasons", why.buf, 0);
	sb_addf(&o->out, ",\"hold\":%s", w->hold ? "true" : "false");
	jsonout_pair(&o->out, "note", w->note, 0);
	sb_addc(&o->out, '}');
	sb_free(&why);
}

static int
work_line(const struct worklist_item *w, void *ctx)
{
	struct work_out *o = ctx;

	if (o->rep && !worklist_for_rep(w, o->rep))
		return 0;
	if (o->digest)
		digest_add_item(o->digest, w);
	else if (o->format == WORK_CSV)
		work_csv_line(o, w);
	else if (o->format == WORK_JSON)
		work_json_line(o, w);
	else
		work_table_line(o, w);
	o->n++;
	return o->out.len >= WORK_FLUSH_AT && cli_flush(&o->out) != UR_OK;
}

/* The receivables settings; a bad line is reported and skipped. */
static void
load_settings(struct ar_settings *s)
{
	struct ur_err err;

	ur_err_clear(&err);
	if (arconf_load(s, NULL, &err) != UR_OK)
		cli_error("%s", err.msg);
}

/* The worklist of day through work_line into o. */
static int
work_run(const struct cli *c, int32_t day, struct work_out *o)
{
	struct ar_settings s;
	struct store *st;
	struct ur_err err;
	int rc;

	load_settings(&s);
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	rc = store_contact_worklist(st, &s, day, work_line, o, &err);
	store_close(st);
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}

int
cmd_worklist(const struct cli *c, int argc, char **argv)
{
	struct work_out o = { .last_kind = -1 };
	const char *date = NULL, *format = "table", *pos[1];
	const struct cli_opt opts[] = { { "--date", &date, NULL }, { "--rep", &o.rep, NULL },
					{ "--format", &format, NULL }, { NULL, NULL, NULL } };
	struct ur_err err;
	int32_t day = date_today();
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if (date && date_parse(date, &day, &err) != UR_OK)
		return cli_usage_error("--date: %s", err.msg);
	if (strcmp(format, "csv") == 0)
		o.format = WORK_CSV;
	else if (strcmp(format, "json") == 0)
		o.format = WORK_JSON;
	else if (strcmp(format, "table") != 0)
		return cli_usage_error(_("unknown format '%s' (use table, csv or json)"), format);
	sb_init(&o.out);
	if (o.format == WORK_CSV)
		sb_adds(&o.out, "kind,date,customer,name,currency,amount,paid,owner,level,"
				"recorded_level,days_overdue,caller,sales_rep,rating,hold,note\n");
	else if (o.format == WORK_JSON)
		sb_adds(&o.out, "[\n");
	rc = work_run(c, day, &o);
	if (rc == UR_OK && o.format == WORK_JSON)
		sb_adds(&o.out, o.n ? "\n]\n" : "]\n");
	else if (rc == UR_OK && !o.n && o.format == WORK_TABLE)
		sb_adds(&o.out, o.rep ? _("Nothing to do for this sales rep.\n") : _("Nothing to do.\n"));
	rc = rc == UR_OK ? cli_flush(&o.out) : rc;
	sb_free(&o.out);
	return rc;
}

/* Where the digest goes: format, file, printing, e-mail. */
struct digest_opts {
	const char *rep, *date, *format, *out, *company_path;
	int print, force, email, dry_run;
	int32_t day;
	bool pdf;
};

static int
digest_options(struct digest_opts *d)
{
	struct ur_err err;
	size_t n = d->out ? strlen(d->out) : 0;

	d->day = date_today();
	if (d->date && date_parse(d->date, &d->day, &err) != UR_OK)
		return cli_usage_error("--date: %s", err.msg);
	if (d->format && strcmp(d->format, "pdf") != 0 && strcmp(d->format, "txt") != 0)
		return cli_usage_error(_("unknown format '%s' (use pdf or txt)"), d->format);
	d->pdf = d->format ? strcmp(d->format, "pdf") == 0
			   : d->print || (n > 4 && strcmp(d->out + n - 4, ".pdf") == 0);
	if (d->print && !d->pdf)
		return cli_usage_error(_("--print needs the PDF format"));
	if (d->dry_run && !d->email)
		return cli_usage_error(_("--dry-run goes with --email (it writes the mails)"));
	if (d->email && !d->rep)
		return cli_usage_error(_("--email sends the digest to a sales rep: name the rep "
					 "with --rep NAME"));
	if (d->email)
		return mailout_options(d->print, d->format, d->out, d->dry_run);
	return UR_OK;
}

/* --email: the settings and the rep's address (rep-email.NAME) checked. */
static int
digest_mail_check(const struct digest_opts *d, const struct company *co, struct mailout *m,
		  const char **address)
{
	char *file = docout_company_file(d->company_path);
	struct ur_err err;
	int rc;

	ur_err_clear(&err);
	m->dry_run = d->dry_run;
	if (mailout_rep_address(co, d->rep, file ? file : "~/.config/urikake/company", address,
				&err) != UR_OK)
		rc = cli_fail(&err);
	else
		rc = mailout_settings(m, co, file);
	free(file);
	return rc;
}

/* The digest g to the rep's address (or into DIR/digest-REP.eml). */
static int
digest_mail(const struct digest_opts *d, const struct digest *g, const struct company *co,
	    struct mailout *m, const char *address)
{
	struct docout o = { 0 };
	int rc;

	if (!g->n) {
		cli_printf("%s\n", _("Nothing to do for this sales rep: no mail sent."));
		return UR_OK;
	}
	o.fmt = DOCOUT_PDF;
	o.out = d->out;
	o.force = d->force;
	o.kind = "digest";
	o.company = co;
	o.mail = m;
	if ((rc = docout_open(&o, d->rep, 1)) == UR_OK &&
	    (rc = mailout_digest(&o, g, digest_lang(), d->day, d->rep, address)) == UR_OK)
		return docout_close(&o);
	docout_abort(&o);
	return rc;
}

/* The digest g as a PDF at path, printed when asked. */
static int
digest_pdf(const struct digest_opts *d, const struct digest *g, const struct company *co,
	   const char *path)
{
	struct outfile f;
	struct pdf *p;
	struct strbuf job;
	struct ur_err err;
	enum ur_status rc;

	ur_err_clear(&err);
	if ((rc = outfile_open(&f, path, 0644, d->force ? OUTFILE_REPLACE : 0, &err)) != UR_OK)
		return cli_fail(&err);
	if ((rc = pdf_open(&f, &p, &err)) != UR_OK) {
		outfile_abort(&f);
		return cli_fail(&err);
	}
	pdf_digest(p, g, co, digest_lang());
	if ((rc = pdf_close(p, &err)) != UR_OK || (rc = outfile_commit(&f, &err)) != UR_OK) {
		outfile_abort(&f);
		return cli_fail(&err);
	}
	cli_printf(_("Wrote %s.\n"), path);
	if (!d->print)
		return UR_OK;
	sb_init(&job);
	rc = docprint_lp(path, company_get(co, "printer", NULL), &job, &err);
	if (rc == UR_OK)
		cli_printf("%s\n", job.buf);
	sb_free(&job);
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}

/* The digest g as text on standard output or in the file -o names. */
static int
digest_txt(const struct digest_opts *d, const struct digest *g)
{
	struct strbuf out;
	struct ur_err err;
	int rc;

	sb_init(&out);
	digest_text(g, &out);
	if (!g->n)
		sb_adds(&out, _("Nothing to do.\n"));
	ur_err_clear(&err);
	if (!d->out)
		rc = cli_flush(&out);
	else if (outfile_put(d->out, out.buf, out.len, 0644, d->force ? OUTFILE_REPLACE : 0,
			     &err) != UR_OK)
		rc = cli_fail(&err);
	else {
		cli_printf(_("Wrote %s.\n"), d->out);
		rc = UR_OK;
	}
	sb_free(&out);
	return rc;
}

int
cmd_digest(const struct cli *c, int argc, char **argv)
{
	struct digest_opts d = { 0 };
	const char *pos[1];
	const struct cli_opt opts[] = {
		{ "--rep", &d.rep, NULL },     { "--date", &d.date, NULL },
		{ "--format", &d.format, NULL }, { "-o", &d.out, NULL },
		{ "--company", &d.company_path, NULL }, { "--print", NULL, &d.print },
		{ "--force", NULL, &d.force }, { "--email", NULL, &d.email },
		{ "--dry-run", NULL, &d.dry_run }, { NULL, NULL, NULL },
	};
	struct work_out o = { .last_kind = -1 };
	struct mailout m = { 0 };
	const char *address = NULL;
	struct company co;
	struct digest g;
	char *path;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if ((rc = digest_options(&d)) != UR_OK)
		return rc;
	if ((rc = docout_company(c, d.company_path, &co)) != UR_OK)
		return rc;
	if (d.email && (rc = digest_mail_check(&d, &co, &m, &address)) != UR_OK) {
		company_free(&co);
		return rc;
	}
	digest_init_worklist(&g, d.rep, d.day);
	o.rep = d.rep;
	o.digest = &g;
	sb_init(&o.out);
	if ((rc = work_run(c, d.day, &o)) == UR_OK && d.email) {
		rc = digest_mail(&d, &g, &co, &m, address);
	} else if (rc == UR_OK && d.pdf) {
		path = d.out ? xstrdup(d.out)
			     : docprint_file_name("digest", d.rep ? d.rep : "all", d.day);
		rc = digest_pdf(&d, &g, &co, path);
		free(path);
	} else if (rc == UR_OK) {
		rc = digest_txt(&d, &g);
	}
	sb_free(&o.out);
	digest_free(&g);
	mailout_free(&m);
	company_free(&co);
	return rc;
}

enum ur_status
cli_ratings(struct store *st, const struct ar_settings *s, int32_t day, struct ar_set *set,
	    struct ur_err *err)
{
	ar_set_init(set, s, day, false);
	return store_ar_rows(st, set, err);
}
