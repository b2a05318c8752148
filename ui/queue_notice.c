/* queue_notice: the queue's `d` — a difference notice for the deposit under
 * the cursor (short of what its proposal's invoices still owe, over it, or
 * from a payer we do not know): ask what we will do (keep it on account,
 * refund it, or expect the rest by a date), then preview the notice, which
 * p prints or saves and logs as a contact with a follow-up date, as
 * `urikake notice difference` does. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "notice_send.h"
#include "panes.h"
#include "queue.h"
#include "xalloc.h"

/* A notice waiting for the clerk's answer: the facts, with their strings
 * copied (the queue may reload before the answer comes). */
struct qnotice {
	struct notice_facts f;
	int64_t customer_id;
	char *own[6];
};

static const char *
own(struct qnotice *n, int i, const char *s)
{
	return n->own[i] = xstrdup(s ? s : "");
}

static void
qnotice_free(struct qnotice *n)
{
	for (int i = 0; i < 6; i++)
		free(n->own[i]);
	free(n);
}

/* The answer: a date for the rest of a short payment; Enter (keep it on
 * account) or r (refund it) for one over, or from a payer we do not know. */
static void
notice_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct qnotice *n = ctx;
	struct ur_err err;

	if (!final)
		return;
	ur_err_clear(&err);
	if (!text || (n->f.action == NOTICE_EXPECT && !*text)) {
		app_msg(a, "%s", _("No notice sent."));
	} else if (n->f.action == NOTICE_EXPECT) {
		if (date_parse(text, &n->f.by, &err) != UR_OK)
			app_error(a, "%s", err.msg);
		else if (n->f.by < a->today)
			app_error(a, _("%s is in the past."), text);
		else
			preview_notice_open(a, &n->f, n->customer_id);
	} else if (*text && strcmp(text, "r") != 0 && strcmp(text, "R") != 0) {
		app_msg(a, "%s", _("No notice sent."));
	} else {
		n->f.action = *text ? NOTICE_RETURN : NOTICE_KEEP;
		preview_notice_open(a, &n->f, n->customer_id);
	}
	qnotice_free(n);
}

/* Ask what we will do about the difference of facts f. */
static void
ask_action(struct app *a, struct qnotice *n)
{
	const struct notice_facts *f = &n->f;
	int64_t diff = f->received - f->billed;
	char amt[48], label[512];

	app_money(diff < 0 ? -diff : diff, f->currency, amt, sizeof amt);
	if (f->action == NOTICE_EXPECT)
		snprintf(label, sizeof label,
			 _("Short %s %s: ask for the rest by (date): "), amt,
			 f->currency);
	else if (f->billed)
		snprintf(label, sizeof label,
			 _("Over %s %s. Enter: keep on account · r Enter: refund "), amt,
			 f->currency);
	else
		snprintf(label, sizeof label,
			 _("Unknown payer, %s %s. Enter: keep on account · r Enter: refund "), amt, f->currency);
	app_prompt(a, label, false, notice_prompt, n);
}

void
queue_notice_ask(struct app *a, const struct sui_match *det, int sel)
{
	const struct match_proposal *p = det->r.nprop ? &det->r.prop[sel] : NULL;
	struct qnotice *n = xcalloc(1, sizeof *n);
	struct notice_facts *f = &n->f;
	struct customer cu;
	struct ur_err err;

	ur_err_clear(&err);
	if (notice_difference_load(a->st, &det->md, p, a->today, &cu, f, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return qnotice_free(n);
	}
	if (f->billed && f->received == f->billed) {
		app_error(a, _("deposit %s is the amount billed: no difference to write about"),
			  f->deposit);
		return qnotice_free(n);
	}
	n->customer_id = cu.id;
	f->code = own(n, 0, f->code);
	f->name = own(n, 1, f->name);
	f->address = own(n, 2, f->address);
	f->currency = own(n, 3, f->currency);
	f->deposit = own(n, 4, f->deposit);
	f->payer = own(n, 5, f->payer);
	ask_action(a, n);
}
