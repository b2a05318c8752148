/* dispute: a balance-confirmation dispute as the clerk works on it (see
 * dispute.h) — the rules of an item, and the open dispute loaded for the
 * resolve form. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute.h"
#include "i18n.h"
#include "money.h"
#include "xalloc.h"

static const char *const kind_labels[] = {
	[DISPUTE_INVOICE] = N_("invoice"),
	[DISPUTE_UNRECEIVED] = N_("not received"),
	[DISPUTE_CREDIT_NOTE] = N_("credit note"),
	[DISPUTE_OTHER] = N_("other"),
	[DISPUTE_NOTE] = N_("note"),
};

const char *
dispute_kind_label(enum dispute_kind k)
{
	return k <= DISPUTE_NOTE ? _(kind_labels[k]) : "";
}

enum ur_status
dispute_item_make(enum dispute_kind kind, const char *invoice, const char *amount,
		  const char *note, const char *currency, struct dispute_item *it,
		  struct ur_err *err)
{
	bool has_amount = amount && *amount, has_note = note && *note;

	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->note = note ? note : "";
	if (kind == DISPUTE_NOTE)
		return has_note ? UR_OK : ur_fail(err, UR_INPUT, _("the note is empty"));
	if (kind == DISPUTE_INVOICE && (!invoice || !*invoice))
		return ur_fail(err, UR_INPUT, _("no invoice named"));
	it->invoice = kind == DISPUTE_INVOICE ? invoice : NULL;
	if (!has_amount && kind != DISPUTE_INVOICE)
		return ur_fail(err, UR_INPUT, _("the amount is missing"));
	if (kind == DISPUTE_OTHER && !has_note)
		return ur_fail(err, UR_INPUT, _("say what the other amount is: a note is needed"));
	if (!has_amount)
		return UR_OK; /* the invoice's open amount */
	return money_parse(amount, currency && *currency ? currency : "JPY", &it->amount, err);
}

/* The latest confirmation, its numbers and reason copied. */
static int
keep_conf(const struct confirm_row *r, void *ctx)
{
	struct dispute *d = ctx;

	d->confirmation_id = r->state == CONFIRM_DISPUTED ? r->id : 0;
	d->state = r->state;
	snprintf(d->code, sizeof d->code, "%s", r->code ? r->code : "");
	snprintf(d->currency, sizeof d->currency, "%s", r->currency ? r->currency : "");
	d->as_of = r->as_of;
	d->answered_on = r->answered_on;
	d->ours = r->balance;
	d->theirs = r->their_balance;
	d->difference = r->difference;
	d->explained = r->explained;
	d->reason = xstrdup(r->reason ? r->reason : "");
	return 1;
}

static int
keep_named(const struct dispute_row *r, void *ctx)
{
	struct dispute *d = ctx;
	struct dispute_named *n;

	if (d->nnamed % 16 == 0)
		d->named = xrealloc(d->named, (d->nnamed + 16) * sizeof *d->named);
	n = &d->named[d->nnamed++];
	n->kind = r->kind;
	snprintf(n->invoice, sizeof n->invoice, "%s", r->invoice);
	n->amount = r->amount;
	n->note = xstrdup(r->note);
	return 0;
}

/* Leave out of d's open invoices those named already. */
static void
drop_named(struct dispute *d)
{
	size_t keep = 0;

	for (size_t i = 0; i < d->nopen; i++) {
		bool named = false;

		for (size_t k = 0; k < d->nnamed && !named; k++)
			named = d->named[k].kind == DISPUTE_INVOICE &&
				strcmp(d->named[k].invoice, d->open[i].number) == 0;
		if (!named)
			d->open[keep++] = d->open[i];
	}
	d->nopen = keep;
}

enum ur_status
dispute_load(struct store *st, int64_t customer_id, struct dispute *d, struct ur_err *err)
{
	enum ur_status rc;

	memset(d, 0, sizeof *d);
	if ((rc = store_confirm_latest(st, customer_id, keep_conf, d, err)) != UR_OK)
		return rc;
	if (!d->confirmation_id)
		return ur_fail(err, UR_INPUT, _("%s: no dispute is open (%s)"), d->code,
			       confirm_state_label(d->state));
	if ((rc = store_dispute_items(st, d->confirmation_id, keep_named, d, err)) != UR_OK ||
	    (rc = store_ui_open_items(st, customer_id, d->currency, 0, &d->open, &d->nopen,
				      err)) != UR_OK)
		return rc;
	drop_named(d);
	return UR_OK;
}

void
dispute_free(struct dispute *d)
{
	for (size_t i = 0; i < d->nnamed; i++)
		free(d->named[i].note);
	free(d->named);
	free(d->open);
	free(d->reason);
	memset(d, 0, sizeof *d);
}
