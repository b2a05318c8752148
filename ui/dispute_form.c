/* dispute_form: pane 3's R — resolving a customer's balance-confirmation
 * dispute (残高不一致 / 对账不符) as `urikake confirm resolve` does: the
 * dispute shown (their figure, ours, the difference, what the items named
 * so far explain and what they do not), items named one at a time (an
 * open invoice of the customer they dispute, picked from the list; a
 * payment we have not received; a credit note we owe; another amount; a
 * note), then the dispute closed once the items explain it all. Each Enter
 * is one store_confirm_resolve, audited as the command's; a dispute another
 * clerk closed meanwhile is reported and nothing is written. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute.h"
#include "draw.h"
#include "field.h"
#include "i18n.h"
#include "panes.h"
#include "xalloc.h"

enum df_field { DF_ACTION, DF_INVOICE, DF_AMOUNT, DF_NOTE, DF_COUNT };

/* The action on Enter: an item of a kind (enum dispute_kind), or closing. */
enum { DF_CLOSE = DISPUTE_NOTE + 1, DF_ACTIONS };

static const char *const actions[DF_ACTIONS] = {
	[DISPUTE_INVOICE] = N_("an invoice they dispute"),
	[DISPUTE_UNRECEIVED] = N_("a payment we have not received"),
	[DISPUTE_CREDIT_NOTE] = N_("a credit note we owe"),
	[DISPUTE_OTHER] = N_("another amount (say what it is)"),
	[DISPUTE_NOTE] = N_("a note, no amount"),
	[DF_CLOSE] = N_("close the dispute"),
};

static const char *const labels[DF_COUNT] = {
	N_("Item"), N_("Invoice"), N_("Amount"), N_("Note"),
};

/* The rows of the box besides the items named (and their heading): its
 * borders, the facts, the fields, the message and the hint. */
enum { DF_FIXED_ROWS = 13, DF_AMOUNT_CELLS = 18 };

struct dform {
	struct pane_customer c;
	struct dispute d;
	int action;               /* enum dispute_kind, or DF_CLOSE */
	size_t inv;               /* the open invoice chosen, in d.open */
	struct field f[DF_COUNT]; /* DF_AMOUNT and DF_NOTE are typed */
	int focus;
	bool failed;              /* msg says why Enter did nothing */
	char msg[sizeof ((struct ur_err *)0)->msg + 256];
};

static void
dform_free(void *ctx)
{
	struct dform *f = ctx;

	dispute_free(&f->d);
	for (int i = 0; i < DF_COUNT; i++)
		field_free(&f->f[i]);
	free(f);
}

/* Whether field i takes part in the action chosen. */
static bool
dform_uses(const struct dform *f, int i)
{
	switch (i) {
	case DF_INVOICE: return f->action == DISPUTE_INVOICE;
	case DF_AMOUNT: return f->action < DISPUTE_NOTE;
	case DF_NOTE: return f->action != DF_CLOSE;
	default: return true;
	}
}

/* "616,990" in the dispute's currency. */
static const char *
amt(const struct dform *f, int64_t v, char *buf, size_t size)
{
	app_money(v, f->d.currency, buf, size);
	return buf;
}

/* Ours and their figure; their reason; the difference and how much of it
 * the items explain. */
static void
draw_facts(struct app *a, const struct dform *f, int y)
{
	char day[32], ours[64], theirs[64], diff[64], ex[64], rest[64];
	const struct dispute *d = &f->d;

	settings_date(&a->set, d->as_of, day, sizeof day);
	draw_textf(y, 2, COLS - 4, TEXT_LEFT, UI_OVERLAY, _("Ours on %s: %s %s · theirs: %s"),
		   day, amt(f, d->ours, ours, sizeof ours), d->currency,
		   amt(f, d->theirs, theirs, sizeof theirs));
	draw_textf(y + 1, 2, COLS - 4, TEXT_LEFT, UI_OVERLAY, _("Their reason: %s"), d->reason);
	draw_textf(y + 2, 2, COLS - 4, TEXT_LEFT,
		   d->explained == d->difference ? UI_OVERLAY : UI_HEADER,
		   _("Difference: %s · explained: %s · not explained: %s"),
		   amt(f, d->difference, diff, sizeof diff), amt(f, d->explained, ex, sizeof ex),
		   amt(f, d->difference - d->explained, rest, sizeof rest));
}

/* The items named so far, the latest ones when they do not all fit in rows. */
static void
draw_named(const struct dform *f, int y, int rows)
{
	const struct dispute *d = &f->d;
	size_t first = d->nnamed > (size_t)rows ? d->nnamed - (size_t)rows + 1 : 0;
	int kw = 0, x;
	char a[64];

	for (int k = DISPUTE_INVOICE; k <= DISPUTE_NOTE; k++)
		if (draw_width(dispute_kind_label((enum dispute_kind)k)) > kw)
			kw = draw_width(dispute_kind_label((enum dispute_kind)k));
	if (!d->nnamed) {
		draw_text(y, 2, COLS - 4, _("Nothing named yet."), TEXT_LEFT, UI_MUTED);
		return;
	}
	draw_text(y++, 2, COLS - 4, _("Named so far:"), TEXT_LEFT, UI_OVERLAY);
	if (first)
		draw_textf(y++, 4, COLS - 6, TEXT_LEFT, UI_MUTED,
			   ngettext_("… %zu earlier item", "… %zu earlier items", first),
			   first);
	for (size_t i = first; i < d->nnamed; i++, y++) {
		const struct dispute_named *n = &d->named[i];

		x = 4;
		draw_text(y, x, kw + 1, dispute_kind_label(n->kind), TEXT_LEFT, UI_OVERLAY);
		x += kw + 1;
		draw_text(y, x, 17, n->invoice, TEXT_LEFT, UI_OVERLAY);
		x += 17;
		draw_text(y, x, 13, n->kind == DISPUTE_NOTE ? "" : amt(f, n->amount, a, sizeof a),
			  TEXT_RIGHT, UI_OVERLAY);
		x += 14;
		draw_text(y, x, COLS - 2 - x, n->note, TEXT_LEFT, UI_OVERLAY);
	}
}

/* The open invoice chosen: "< INV-1 · due 2026-04-17 · open 616,990 > 1/2". */
static void
draw_invoice(struct app *a, const struct dform *f, int y, int x, int w)
{
	const struct sui_item *it = f->d.nopen ? &f->d.open[f->inv] : NULL;
	char day[32], open[64];
	bool focus = f->focus == DF_INVOICE;

	if (!it) {
		draw_text(y, x, w, _("(no open invoice left to name)"), TEXT_LEFT, UI_MUTED);
		return;
	}
	settings_date(&a->set, it->due, day, sizeof day);
	draw_textf(y, x, w, TEXT_LEFT, focus ? UI_CURSOR : UI_OVERLAY,
		   _("< %s · due %s · open %s > %zu/%zu"), it->number, day,
		   amt(f, it->open, open, sizeof open), f->inv + 1, f->d.nopen);
}

/* What Enter would do about the difference when closing. */
static void
close_words(const struct dform *f, char *buf, size_t size)
{
	char rest[64];
	const struct dispute *d = &f->d;

	if (d->explained == d->difference)
		snprintf(buf, size, "%s",
			 _("The items explain the whole difference: Enter closes the dispute."));
	else
		snprintf(buf, size, _("%s %s is not explained yet: name it before closing."),
			 amt(f, d->difference - d->explained, rest, sizeof rest), d->currency);
}

static void
dform_fields(struct app *a, struct dform *f, int y, int lw)
{
	int w = COLS - 4 - lw;

	for (int i = 0; i < DF_COUNT; i++, y++) {
		bool off = !dform_uses(f, i);

		draw_text(y, 2, lw, _(labels[i]), TEXT_LEFT,
			  i == f->focus ? UI_HEADER : off ? UI_MUTED : UI_OVERLAY);
		if (i == DF_ACTION)
			draw_textf(y, 2 + lw, w, TEXT_LEFT, i == f->focus ? UI_CURSOR : UI_OVERLAY,
				   "< %s >", _(actions[f->action]));
		else if (off)
			draw_text(y, 2 + lw, w, "-", TEXT_LEFT, UI_MUTED);
		else if (i == DF_INVOICE)
			draw_invoice(a, f, y, 2 + lw, w);
		else if (i == DF_AMOUNT && f->action == DISPUTE_INVOICE) {
			field_draw(&f->f[i], y, 2 + lw, DF_AMOUNT_CELLS, i == f->focus);
			draw_text(y, 3 + lw + DF_AMOUNT_CELLS, w - DF_AMOUNT_CELLS - 1,
				  _("empty: all that is open on it"), TEXT_LEFT, UI_MUTED);
		} else
			field_draw(&f->f[i], y, 2 + lw, w, i == f->focus);
	}
}

static void
dform_draw(struct app *a, void *ctx)
{
	struct dform *f = ctx;
	int y = 2, named = LINES - 4 - DF_FIXED_ROWS, lw = 0, rows; /* above the hint bar */
	char buf[512];

	if (named > (int)f->d.nnamed + 1)
		named = (int)f->d.nnamed + 1; /* the heading and the items */
	if (named < 1)
		named = 1;
	rows = DF_FIXED_ROWS + named;
	for (int i = 0; i < DF_COUNT; i++)
		if (draw_width(_(labels[i])) > lw)
			lw = draw_width(_(labels[i]));
	lw += 2;
	draw_box(y, 0, rows, COLS, UI_BORDER);
	snprintf(buf, sizeof buf, _(" Resolve the balance dispute: %s %s "), f->c.code, f->c.name);
	draw_text(y, 2, COLS - 4, buf, TEXT_LEFT, UI_HEADER);
	draw_facts(a, f, y + 2);
	draw_named(f, y + 5, named - 1);
	dform_fields(a, f, y + 6 + named, lw);
	buf[0] = '\0';
	if (!*f->msg && f->action == DF_CLOSE)
		close_words(f, buf, sizeof buf);
	draw_text(y + rows - 3, 2, COLS - 4, *f->msg ? f->msg : buf, TEXT_LEFT,
		  f->failed || (f->action == DF_CLOSE && f->d.explained != f->d.difference)
			  ? UI_ERROR : UI_OVERLAY);
	draw_text(y + rows - 2, 2, COLS - 4,
		  _("Tab next · Space choose · Enter name it (or close) · Esc done"), TEXT_LEFT,
		  UI_MUTED);
}

/* After an item named: the dispute read again, the fields cleared, and
 * closing proposed once the items explain it all. False when it cannot be
 * read (the message line says why). */
static bool
dform_reload(struct app *a, struct dform *f)
{
	struct ur_err err;

	dispute_free(&f->d);
	ur_err_clear(&err);
	if (dispute_load(a->st, f->c.id, &f->d, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return false;
	}
	f->inv = 0;
	field_set(&f->f[DF_AMOUNT], "");
	field_set(&f->f[DF_NOTE], "");
	if (f->d.explained == f->d.difference)
		f->action = DF_CLOSE;
	else if (f->action == DISPUTE_INVOICE && !f->d.nopen)
		f->action = DISPUTE_UNRECEIVED;
	f->focus = DF_ACTION;
	f->msg[0] = '\0';
	return true;
}

/* The item the fields name; false (the form says why) when they name none. */
static bool
dform_item(struct dform *f, struct dispute_item *it)
{
	const char *amount = f->f[DF_AMOUNT].text.len ? f->f[DF_AMOUNT].text.buf : NULL;
	const char *note = f->f[DF_NOTE].text.len ? f->f[DF_NOTE].text.buf : NULL;
	const char *invoice = f->d.nopen ? f->d.open[f->inv].number : NULL;
	struct ur_err err;

	ur_err_clear(&err);
	if (f->action == DISPUTE_INVOICE && !invoice) {
		snprintf(f->msg, sizeof f->msg, "%s", _("No open invoice is left to name."));
		f->focus = DF_ACTION;
		return false;
	}
	if (dispute_item_make((enum dispute_kind)f->action, invoice, amount, note,
			      f->d.currency, it, &err) == UR_OK)
		return true;
	f->focus = f->action == DISPUTE_NOTE || (amount && f->action == DISPUTE_OTHER)
			   ? DF_NOTE : DF_AMOUNT;
	snprintf(f->msg, sizeof f->msg, "%s: %s", _(labels[f->focus]), err.msg);
	return false;
}

/* Enter: name the item or close the dispute, in one store_confirm_resolve
 * for the dispute shown; false (the form closes) once closed, or when
 * another clerk closed it first (said on the message line). */
static bool
dform_save(struct app *a, struct dform *f)
{
	struct dispute_item it;
	bool close = f->action == DF_CLOSE;
	char said[512], money[64];
	struct ur_err err;
	enum ur_status rc;

	f->failed = true;
	if (!close && !dform_item(f, &it))
		return true;
	ur_err_clear(&err);
	rc = store_confirm_resolve(a->st, f->c.id, f->d.confirmation_id, a->today, &it,
				   close ? 0 : 1, close, &err);
	if (rc == UR_CONFLICT) {
		app_error(a, "%s", err.msg);
		app_refresh(a);
		return false;
	}
	if (rc == UR_INPUT && close) /* not all explained: say so with the figures now */
		return dform_reload(a, f);
	if (rc != UR_OK) {
		snprintf(f->msg, sizeof f->msg, "%s", err.msg);
		return true;
	}
	app_refresh(a);
	if (close) {
		app_msg(a, _("Closed the dispute of %s: its difference of %s %s is explained."),
			f->c.code, amt(f, f->d.difference, money, sizeof money), f->d.currency);
		return false;
	}
	snprintf(said, sizeof said, _("Named: %s %s."), dispute_kind_label(it.kind),
		 it.kind == DISPUTE_INVOICE ? it.invoice
		 : it.kind == DISPUTE_NOTE  ? it.note
					    : amt(f, it.amount, money, sizeof money));
	if (!dform_reload(a, f))
		return false;
	f->failed = false;
	if (f->action != DF_CLOSE) /* else close_words says what Enter does now */
		snprintf(f->msg, sizeof f->msg, "%s", said);
	return true;
}

/* The next field from the focus in direction dir that the action uses. */
static int
dform_step(const struct dform *f, int dir)
{
	int i = f->focus;

	do
		i = (i + DF_COUNT + dir) % DF_COUNT;
	while (!dform_uses(f, i));
	return i;
}

static void
dform_choose(struct dform *f, int dir)
{
	if (f->focus == DF_ACTION)
		f->action = (f->action + DF_ACTIONS + dir) % DF_ACTIONS;
	else if (f->focus == DF_INVOICE && f->d.nopen)
		f->inv = (dir > 0 ? f->inv + 1 : f->inv + f->d.nopen - 1) % f->d.nopen;
	f->msg[0] = '\0';
	f->failed = false;
}

/* The focus is on a typed field: it takes every key. */
static bool
dform_editing(void *ctx)
{
	const struct dform *f = ctx;

	return f->focus == DF_AMOUNT || f->focus == DF_NOTE;
}

static bool
dform_key(struct app *a, void *ctx, enum request req, int key)
{
	struct dform *f = ctx;

	if (key == UI_KEY_ESC || req == REQ_CANCEL)
		return false;
	if (key == UI_KEY_ENTER)
		return dform_save(a, f);
	if (key == '\t' || key == UI_KEY_FN + KEY_DOWN)
		f->focus = dform_step(f, 1);
	else if (key == UI_KEY_FN + KEY_BTAB || key == UI_KEY_FN + KEY_UP)
		f->focus = dform_step(f, -1);
	else if (!dform_editing(f) && (key == ' ' || key == UI_KEY_FN + KEY_RIGHT))
		dform_choose(f, 1);
	else if (!dform_editing(f) && key == UI_KEY_FN + KEY_LEFT)
		dform_choose(f, -1);
	else if (dform_editing(f))
		field_key(&f->f[f->focus], key);
	return true;
}

void
dispute_form_open(struct app *a, const struct pane_customer *c)
{
	struct modal m = { dform_draw, dform_key, dform_free, NULL, dform_editing };
	struct dform *f = xcalloc(1, sizeof *f);
	struct ur_err err;

	for (int i = 0; i < DF_COUNT; i++)
		field_init(&f->f[i]);
	f->c = *c;
	ur_err_clear(&err);
	if (dispute_load(a->st, c->id, &f->d, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		dform_free(f);
		return;
	}
	f->action = f->d.explained == f->d.difference ? DF_CLOSE
		    : f->d.nopen			  ? DISPUTE_INVOICE
							  : DISPUTE_UNRECEIVED;
	m.ctx = f;
	app_modal(a, &m);
}
