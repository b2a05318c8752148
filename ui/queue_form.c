/* queue_form: the queue pane's modal forms — picking and splitting
 * invoices with the running difference, booking it as a fee or on account,
 * and the customer picker used to assign a payer. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "money.h"
#include "panes.h"
#include "queue.h"
#include "store.h"
#include "store_match.h"
#include "xalloc.h"


struct aform {
	struct sui_deposit d;
	struct sui_customer cust;
	struct sui_item *items; /* amount: how much of the invoice is cleared */
	size_t n;
	long cursor, top;
	bool split;
};

static int64_t
diff_of(const struct aform *f)
{
	int64_t sum = 0;

	for (size_t i = 0; i < f->n; i++)
		sum += f->items[i].amount;
	return f->d.amount - sum;
}

static void
aform_free(void *ctx)
{
	struct aform *f = ctx;

	sui_deposit_free(&f->d);
	sui_customers_free(&f->cust, 1);
	free(f->items);
	free(f);
}

static void
aform_draw_row(struct app *a, struct aform *f, long i, int y, int x, int w)
{
	struct sui_item *it = &f->items[i];
	char due[32], open[48], amt[48];
	enum ui_elem e = i == f->cursor ? UI_CURSOR : it->amount ? UI_SELECTED : UI_OVERLAY;

	settings_date(&a->set, it->due, due, sizeof due);
	app_money(it->open, f->d.currency, open, sizeof open);
	if (it->amount)
		app_money(it->amount, f->d.currency, amt, sizeof amt);
	else
		amt[0] = '\0';
	draw_text(y, x, 4, it->amount ? "[x]" : "[ ]", TEXT_LEFT, e);
	draw_text(y, x + 4, w - 46, it->number, TEXT_LEFT, e);
	draw_text(y, x + w - 42, 12, due, TEXT_LEFT, e);
	draw_text(y, x + w - 30, 15, open, TEXT_RIGHT, e);
	draw_text(y, x + w - 15, 15, amt, TEXT_RIGHT, e);
}

static void
aform_draw(struct app *a, void *ctx)
{
	struct aform *f = ctx;
	int y = 2, rows = LINES - 5, x = 1, w = COLS - 2, list = rows - 6;
	char dep[48], diff[48], buf[1024];
	int64_t d = diff_of(f);

	draw_box(y, 0, rows, COLS, UI_BORDER);
	app_money(f->d.amount, f->d.currency, dep, sizeof dep);
	snprintf(buf, sizeof buf, f->split ? _(" Split %s %s to %s %s ") : _(" Pick invoices: %s %s to %s %s "),
		 dep, f->d.currency, f->cust.code, f->cust.name);
	draw_text(y, 2, COLS - 4, buf, TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, x + 4, w - 46, _("Invoice"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, x + w - 42, 12, _("Due"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, x + w - 30, 15, _("Open"), TEXT_RIGHT, UI_HEADER);
	draw_text(y + 1, x + w - 15, 15, _("Applied"), TEXT_RIGHT, UI_HEADER);
	if (f->cursor < f->top)
		f->top = f->cursor;
	if (f->cursor >= f->top + list)
		f->top = f->cursor - list + 1;
	for (long i = f->top; i < (long)f->n && i < f->top + list; i++)
		aform_draw_row(a, f, i, y + 2 + (int)(i - f->top), x, w);
	if (!f->n)
		draw_text(y + 2, x + 1, w - 2, _("This customer has no open invoice in this currency."),
			  TEXT_LEFT, UI_MUTED);
	app_money(d, f->d.currency, diff, sizeof diff);
	snprintf(buf, sizeof buf, _("Deposit %s · difference %s"), dep, diff);
	draw_text(y + rows - 3, x + 1, w - 2, buf, TEXT_LEFT, d ? UI_ERROR : UI_SELECTED);
	draw_text(y + rows - 2, x + 1, w - 2,
		  _("Space select · e amount · F fee · A on account · Enter confirm · Esc cancel"),
		  TEXT_LEFT, UI_MUTED);
}

/* Select the whole open amount (the running difference shows what is
 * left), or unselect. */
static void
aform_toggle(struct aform *f)
{
	struct sui_item *it;

	if (!f->n)
		return;
	it = &f->items[f->cursor];
	it->amount = it->amount ? 0 : it->open;
}

static void
amount_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct aform *f = ctx;
	struct sui_item *it;
	struct ur_err err;
	int64_t v;

	if (!final || !text || !a->modal || a->modal->ctx != f || !f->n)
		return;
	it = &f->items[f->cursor];
	ur_err_clear(&err);
	if (money_parse(text, f->d.currency, &v, &err) != UR_OK)
		return app_error(a, "%s", err.msg);
	if (it->open > 0 ? v < 0 || v > it->open : v > 0 || v < it->open)
		return app_error(a, _("Enter an amount from 0 to the open amount of %s."), it->number);
	it->amount = v;
}

/* Why the difference cannot be booked as asked (how: 0 = it must be
 * none, 'F' = a fee on the last selected invoice, 'K' = a shortfall kept
 * open on it, 'A' = extra cash on account), or NULL. */
static const char *
aform_refusal(const struct match_proposal *p, int64_t diff, int how)
{
	if (diff && !how)
		return _("The difference is not zero: F books it as a fee, A leaves it on account.");
	if ((how == 'F' || how == 'K') &&
	    (diff >= 0 || !p->nlines || p->line[p->nlines - 1].cleared + diff <= 0))
		return _("A fee needs a shortfall and a selected invoice to book it on.");
	if (how == 'A' && diff <= 0)
		return _("Only extra cash can be left on account.");
	return NULL;
}

/* Confirm the selection as a proposal of the engine's shape. */
static bool
aform_confirm(struct app *a, struct aform *f, int how)
{
	struct match_proposal p;
	int64_t diff = diff_of(f);
	const char *no;
	char amt[48];
	struct ur_err err;

	memset(&p, 0, sizeof p);
	p.customer_id = f->cust.id;
	p.line = xcalloc(f->n + 1, sizeof *p.line);
	for (size_t i = 0; i < f->n; i++)
		if (f->items[i].amount)
			p.line[p.nlines++] = (struct match_line){ .invoice_id = f->items[i].invoice_id,
								  .number = f->items[i].number,
								  .cleared = f->items[i].amount };
	if ((no = aform_refusal(&p, diff, how))) {
		app_error(a, "%s", no);
		free(p.line);
		return true;
	}
	if (how == 'F')
		p.line[p.nlines - 1].fee = -diff;
	else if (how == 'K')
		p.line[p.nlines - 1].cleared += diff;
	else if (how == 'A')
		p.on_account = diff;
	ur_err_clear(&err);
	if (store_ui_confirm(a->st, &f->d, &p, &err) == UR_OK && how == 'K')
		app_msg(a, _("Confirmed for %s; %s left open on %s (u undoes)."), f->cust.name,
			(app_money(-diff, f->d.currency, amt, sizeof amt), amt),
			p.line[p.nlines - 1].number);
	else if (err.status == UR_OK)
		app_msg(a, _("Confirmed: %s → %s (u undoes)."), f->d.payer, f->cust.name);
	free(p.line);
	store_ui_lease_release(a->st, f->d.id, &err);
	if (err.status == UR_OK)
		app_refresh(a);
	else
		queue_report(a, &err);
	return false;
}

/* The answer to a shortfall above the fee limit: Enter keeps it open on
 * the invoice (a part payment), f books it as a fee anyway. */
static void
fee_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct aform *f = ctx;

	if (!final || !text || !a->modal || a->modal->ctx != f)
		return;
	if (*text && strcmp(text, "f") != 0 && strcmp(text, "F") != 0)
		return app_msg(a, "%s", _("Nothing booked."));
	if (!aform_confirm(a, f, *text ? 'F' : 'K'))
		app_modal(a, NULL);
}

/* F: a shortfall up to the customer's fee limit is a bank's charge and
 * booked at once; a larger one is the customer's debt, so ask — naming
 * the amount, keeping it open on the invoice by default. */
static bool
aform_book_fee(struct app *a, struct aform *f)
{
	struct ar_settings s;
	struct ur_err err;
	int64_t d = diff_of(f), limit, last = 0;
	char amt[48], lim[48], label[512];

	for (size_t i = 0; i < f->n; i++)
		last = f->items[i].amount ? f->items[i].amount : last;
	if (d >= 0 || last + d <= 0)
		return aform_confirm(a, f, 'F'); /* refused, saying why */
	pane_arconf(a, &s);
	ur_err_clear(&err);
	if (store_fee_limit(a->st, f->cust.id, &s, f->d.currency, &limit, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return true;
	}
	if (-d <= limit)
		return aform_confirm(a, f, 'F');
	app_money(-d, f->d.currency, amt, sizeof amt);
	app_money(limit, f->d.currency, lim, sizeof lim);
	snprintf(label, sizeof label, _("Short %s %s (fee limit %s). Enter: keep open on invoice · "
					"f Enter: fee "), amt, f->d.currency, lim);
	app_prompt(a, label, false, fee_prompt, f);
	return true;
}

static bool
aform_key(struct app *a, void *ctx, enum request req, int key)
{
	struct aform *f = ctx;
	struct ur_err err;
	long page = LINES - 11 > 1 ? LINES - 11 : 1;

	(void)key;
	switch (req) {
	case REQ_MOVE_UP: f->cursor--; break;
	case REQ_MOVE_DOWN: f->cursor++; break;
	case REQ_PAGE_UP: f->cursor -= page; break;
	case REQ_PAGE_DOWN: f->cursor += page; break;
	case REQ_FIRST: f->cursor = 0; break;
	case REQ_LAST: f->cursor = (long)f->n - 1; break;
	case REQ_TOGGLE: aform_toggle(f); break;
	case REQ_EDIT_AMOUNT:
		if (f->n)
			app_prompt(a, _("Amount applied: "), false, amount_prompt, f);
		break;
	case REQ_ACCEPT: return aform_confirm(a, f, 0);
	case REQ_BOOK_FEE: return aform_book_fee(a, f);
	case REQ_ON_ACCOUNT: return aform_confirm(a, f, 'A');
	case REQ_CANCEL:
		ur_err_clear(&err);
		store_ui_lease_release(a->st, f->d.id, &err);
		app_refresh(a);
		return false;
	default: break;
	}
	if (f->cursor >= (long)f->n)
		f->cursor = (long)f->n - 1;
	if (f->cursor < 0)
		f->cursor = 0;
	return true;
}

void
queue_form_open(struct app *a, const struct sui_deposit *d, int64_t customer, bool split)
{
	struct aform *f = calloc(1, sizeof *f);
	struct modal m = { aform_draw, aform_key, aform_free, f, NULL };
	struct ur_err err;

	if (!f)
		abort();
	ur_err_clear(&err);
	if (store_ui_deposit_get(a->st, d->id, &f->d, &err) != UR_OK ||
	    store_ui_customer_get(a->st, customer, &f->cust, &err) != UR_OK ||
	    store_ui_open_items(a->st, customer, d->currency, 0, &f->items, &f->n, &err) !=
		    UR_OK) {
		aform_free(f);
		store_ui_lease_release(a->st, d->id, &err);
		app_error(a, "%s", err.msg);
		return;
	}
	f->split = split;
	app_modal(a, &m);
	if (split && f->n)
		app_prompt(a, _("Amount applied: "), false, amount_prompt, f);
}
