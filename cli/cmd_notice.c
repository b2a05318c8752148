/* cmd_notice: difference notices for a deposit in the queue and refund
 * notices for a recorded refund, written (cmd_docout.c) or e-mailed
 * (cmd_mail.c) like the dunning letters and logged as contacts with a
 * follow-up date. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd_match.h"
#include "cmd_notice.h"
#include "cmd_statement.h"
#include "date.h"
#include "i18n.h"
#include "match.h"
#include "notice_send.h"
#include "stmt_build.h"
#include "store.h"
#include "store_match.h"
#include "store_refund.h"
#include "xalloc.h"

struct notice_args {
	const char *deposit, *action, *by, *lang, *out, *format, *company, *templates;
	int print, force, email, dry_run;
	const char *refund_id;
};

/* The deposit, the customer the best proposal names, and the facts. */
struct diff_job {
	struct store_match_deposits l;
	struct match_index *ix;
	struct match_result r;
	struct customer cu;
	struct notice_facts f;
};

static int
diff_facts(struct store *st, const char *ref, struct diff_job *j, struct ur_err *err)
{
	struct match_config cfg;
	enum deposit_state state;
	int rc;

	if ((rc = cmd_match_settings(&cfg)) != UR_OK)
		return rc;
	if ((rc = store_match_deposit_get(st, ref, &j->l, &state, err)) != UR_OK)
		return rc;
	if (state != DEPOSIT_UNMATCHED && state != DEPOSIT_PARKED)
		return ur_fail(err, UR_INPUT, _("deposit %s is %s, not waiting in the queue: no "
						"difference to write about"), ref,
			       deposit_state_label(state));
	j->ix = match_index_new();
	if ((rc = store_match_load(st, j->ix, err)) != UR_OK)
		return rc;
	match_deposit(j->ix, &cfg, &j->l.d[0], &j->r);
	return notice_difference_load(st, &j->l.d[0], j->r.nprop ? &j->r.prop[0] : NULL,
				      date_today(), &j->cu, &j->f, err);
}

/* Check and apply the options that shape the facts. */
static int
diff_options(const struct notice_args *a, struct notice_facts *f, struct ur_err *err)
{
	int act = notice_action_parse(a->action);

	if (act < 0)
		return ur_fail(err, UR_INPUT, _("--action is keep, refund or expect"));
	f->action = (enum notice_action)act;
	if (a->by && date_parse(a->by, &f->by, err) != UR_OK)
		return UR_INPUT;
	if (a->by && f->by < date_today())
		return ur_fail(err, UR_INPUT, _("--by %s is in the past"), a->by);
	if (a->lang && (f->lang = stmt_lang_parse(a->lang)) < 0)
		return ur_fail(err, UR_INPUT, _("unknown language '%s' (use ja, zh_CN or en)"),
			       a->lang);
	return UR_OK;
}

/* A refund's facts, with copies of its strings. */
struct refund_facts {
	struct notice_facts f;
	char *own[7];
};

static const char *
keep(struct refund_facts *rf, int i, const char *s)
{
	return rf->own[i] = xstrdup(s);
}

static int
refund_row(const struct refund_row *r, void *ctx)
{
	struct refund_facts *rf = ctx;
	struct notice_facts *f = &rf->f;

	f->kind = NOTICE_REFUND;
	f->code = keep(rf, 0, r->customer);
	f->name = keep(rf, 1, r->name);
	f->address = keep(rf, 2, r->address);
	f->currency = keep(rf, 3, r->currency);
	f->deposit = keep(rf, 4, r->deposit);
	f->paid_to = keep(rf, 5, r->paid_to);
	f->reason = keep(rf, 6, r->reason);
	f->refunded = *r->voided_at ? 0 : r->amount;
	f->refund_date = r->date;
	return 0;
}

/* --email: the notice to the customer's address, logged as it goes with
 * its follow-up date; the settings and the address checked first. */
static int
mail_setup(struct store *st, const struct notice_args *a, struct notice *n,
	   const struct notice_facts *f, const struct company *co, struct mailout *m)
{
	char *settings = docout_company_file(a->company);
	const char *code = n->s.code;
	size_t one = 1;
	int rc;

	m->dry_run = a->dry_run;
	m->st = st;
	m->title = n->letter.title;
	m->next_date = notice_follow_up(f, date_today());
	if (!n->s.cust_id) {
		cli_error(_("%s is not from a customer we know: no address to e-mail the "
			    "notice to (write it with -o or --print)"), f->deposit);
		rc = UR_INPUT;
	} else {
		rc = mailout_prepare(m, co, settings, &code, &one, false, false);
	}
	free(settings);
	return rc;
}

/* Write (or e-mail) notice n, then log it on the customer (if known). */
static int
write_notice(struct store *st, const struct notice_args *a, struct notice *n,
	     const struct notice_facts *f, const struct company *co, int64_t cust_id)
{
	struct docout o = { 0 };
	struct mailout m = { 0 };
	struct ur_err err;
	int rc = UR_OK;

	o.fmt = a->format && strcmp(a->format, "txt") == 0 ? DOCOUT_TXT : DOCOUT_PDF;
	o.out = a->out;
	o.print = a->print;
	o.force = a->force;
	o.kind = "notice";
	o.company = co;
	n->s.cust_id = cust_id;
	if (a->email && (rc = mail_setup(st, a, n, f, co, &m)) == UR_OK)
		o.mail = &m;
	if (rc == UR_OK && (rc = docout_open(&o, *n->s.code ? n->s.code : f->deposit, 1)) == UR_OK &&
	    (rc = docout_add(&o, &n->s, &n->letter)) == UR_OK)
		rc = docout_close(&o);
	else
		docout_abort(&o);
	mailout_free(&m);
	if (rc != UR_OK || !cust_id || a->email) /* a mail was logged as it went */
		return rc;
	ur_err_clear(&err);
	if (notice_log(st, n, f, cust_id, date_today(), &err) != UR_OK)
		return cli_fail(&err);
	cli_printf(_("Recorded the notice in the contact log of %s.\n"), n->s.code);
	return UR_OK;
}

static int
build_and_write(const struct cli *c, struct store *st, const struct notice_args *a,
		const struct notice_facts *f, int64_t cust_id)
{
	char *dir = a->templates ? xstrdup(a->templates) : docout_templates_dir();
	struct company co;
	struct notice n;
	struct ur_err err;
	int rc;

	ur_err_clear(&err);
	if ((rc = docout_company(c, a->company, &co)) != UR_OK) {
		free(dir);
		return rc;
	}
	rc = notice_make(f, dir, &co, &n, &err);
	free(dir);
	if (rc != UR_OK) {
		company_free(&co);
		return cli_fail(&err);
	}
	rc = write_notice(st, a, &n, f, &co, cust_id);
	notice_free(&n);
	company_free(&co);
	return rc;
}

static int
notice_difference(const struct cli *c, const struct notice_args *a)
{
	struct diff_job j;
	struct store *st;
	struct ur_err err;
	int rc;

	if (!a->deposit || !a->action)
		return cli_usage_error(_("usage: urikake notice difference --deposit REF --action "
					 "keep|refund|expect [--by DATE] [-o PATH|--print|--email]"));
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	memset(&j, 0, sizeof j);
	ur_err_clear(&err);
	if ((rc = diff_facts(st, a->deposit, &j, &err)) == UR_OK &&
	    (rc = diff_options(a, &j.f, &err)) == UR_OK)
		rc = build_and_write(c, st, a, &j.f, j.cu.id);
	else
		rc = cli_fail(&err);
	if (j.ix)
		match_index_free(j.ix);
	store_match_deposits_free(&j.l);
	store_close(st);
	return rc;
}

static int
notice_refund(const struct cli *c, const struct notice_args *a, const char *id_text)
{
	struct refund_facts rf = { .f = { .lang = -1 } };
	struct notice_facts *f = &rf.f;
	struct store *st;
	struct ur_err err;
	long id;
	int rc;

	if (!cli_number(id_text, 1, INT32_MAX, &id)) {
		cli_error(_("refund number %s: not a number"), id_text);
		return UR_INPUT;
	}
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	f->date = date_today();
	rc = store_refunds_each(st, id, refund_row, &rf, &err);
	if (rc == UR_OK && a->lang && (f->lang = stmt_lang_parse(a->lang)) < 0)
		rc = ur_fail(&err, UR_INPUT, _("unknown language '%s' (use ja, zh_CN or en)"),
			     a->lang);
	if (rc == UR_OK && !f->refunded)
		rc = ur_fail(&err, UR_INPUT, _("refund %ld was undone: no notice"), id);
	if (rc == UR_OK) {
		struct customer cu;

		if (*f->code && store_customer_get(st, f->code, &cu, &err) == UR_OK) {
			if (f->lang < 0)
				f->lang = (int)stmt_lang_for(&cu);
			rc = build_and_write(c, st, a, f, cu.id);
		} else
			rc = build_and_write(c, st, a, f, 0);
	} else
		rc = cli_fail(&err);
	for (int i = 0; i < 7; i++)
		free(rf.own[i]);
	store_close(st);
	return rc;
}

int
cmd_notice(const struct cli *c, int argc, char **argv)
{
	struct notice_args a = { 0 };
	const struct cli_opt opts[] = {
		{ "--deposit", &a.deposit, NULL }, { "--action", &a.action, NULL },
		{ "--by", &a.by, NULL },	   { "--lang", &a.lang, NULL },
		{ "-o", &a.out, NULL },		   { "--output", &a.out, NULL },
		{ "--format", &a.format, NULL },   { "--print", NULL, &a.print },
		{ "--company", &a.company, NULL }, { "--templates", &a.templates, NULL },
		{ "--force", NULL, &a.force },	   { "--email", NULL, &a.email },
		{ "--dry-run", NULL, &a.dry_run }, { NULL, NULL, NULL },
	};
	const char *sub = argc > 1 ? argv[1] : "", *pos[1];
	int npos;

	if (strcmp(sub, "difference") != 0 && strcmp(sub, "refund") != 0)
		return cli_usage_error(_("usage: urikake notice difference|refund ..."));
	if (cli_args(argc - 2, argv + 2, opts, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	if (a.format && strcmp(a.format, "pdf") != 0 && strcmp(a.format, "txt") != 0)
		return cli_usage_error(_("--format is pdf or txt"));
	if (a.dry_run && !a.email)
		return cli_usage_error(_("--dry-run goes with --email (it writes the mails)"));
	if (a.email && mailout_options(a.print, a.format, a.out, a.dry_run) != UR_OK)
		return UR_USAGE;
	if (strcmp(sub, "refund") == 0) {
		if (npos != 1)
			return cli_usage_error(_("usage: urikake notice refund ID [-o PATH|--print|--email]"));
		return notice_refund(c, &a, pos[0]);
	}
	if (npos)
		return cli_usage_error(_("usage: urikake notice difference --deposit REF --action "
					 "keep|refund|expect [--by DATE] [-o PATH|--print|--email]"));
	return notice_difference(c, &a);
}
