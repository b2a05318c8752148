/* queue_form: the queue pane's modal forms — picking and splitting
 * invoices with the running difference, booking it as a fee or on account;
 * c adds another customer's open invoices (a payment agent or a parent
 * paying for several), confirmed as one match over all of them. */
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
	struct sui_customer *cust; /* [0] the deposit's customer, then those added */
	size_t ncust;
	struct sui_item *items; /* amount: how much of the invoice is cleared */
	size_t *owner;          /* items[i] is cust[owner[i]]'s, grouped in that order */
	size_t n;
	long cursor; /* an item */
	long top;    /* a screen line: with several customers, each has a heading */
	bool split;
};

/* The screen line of item i (below its customer's heading, if any). */
static long
aform_line(const struct aform *f, long i)
{
	return i + (f->ncust > 1 ? (long)f->owner[i] + 1 : 0);
}

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
	sui_customers_free(f->cust, (int)f->ncust);
	free(f->cust);
	free(f->items);
	free(f->owner);
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

/* Customer k's heading: code, name and what is applied to its invoices. */
static void
aform_draw_head(const struct aform *f, size_t k, int y, int x, int w)
{
	char buf[512], amt[48] = "";
	int64_t sum = 0;

	for (size_t i = 0; i < f->n; i++)
		sum += f->owner[i] == k ? f->items[i].amount : 0;
	if (sum)
		app_money(sum, f->d.currency, amt, sizeof amt);
	snprintf(buf, sizeof buf, "%s %s", f->cust[k].code, f->cust[k].name);
	draw_text(y, x + 1, w - 17, buf, TEXT_LEFT, UI_HEADER);
	draw_text(y, x + w - 15, 15, amt, TEXT_RIGHT, UI_HEADER);
}

/* The list from screen line f->top on, rows lines: the invoices, under
 * their customers' headings when there are several. */
static void
aform_draw_list(struct app *a, struct aform *f, int y, int rows, int x, int w)
{
	long line = 0, i = 0;

	for (size_t k = 0; k < f->ncust; k++) {
		if (f->ncust > 1 && line >= f->top && line < f->top + rows)
			aform_draw_head(f, k, y + (int)(line - f->top), x, w);
		line += f->ncust > 1;
		for (; i < (long)f->n && f->owner[i] == k; i++, line++)
			if (line >= f->top && line < f->top + rows)
				aform_draw_row(a, f, i, y + (int)(line - f->top), x, w);
	}
}

/* Keep the cursor's row, and the heading above a customer's first, in view. */
static void
aform_scroll(struct aform *f, int list)
{
	long cl = f->n ? aform_line(f, f->cursor) : 0;
	bool first = f->ncust > 1 && f->n && (!f->cursor ||
					     f->owner[f->cursor - 1] != f->owner[f->cursor]);

	if (cl - first < f->top)
		f->top = cl - first;
	if (cl >= f->top + list)
		f->top = cl - list + 1;
}

static void
aform_title(const struct aform *f, const char *dep, char *buf, size_t size)
{
	if (f->ncust > 1)
		snprintf(buf, size, ngettext(" Pick invoices: %s %s to %zu customer ",
					     " Pick invoices: %s %s to %zu customers ", f->ncust),
			 dep, f->d.currency, f->ncust);
	else
		snprintf(buf, size, f->split ? _(" Split %s %s to %s %s ")
					     : _(" Pick invoices: %s %s to %s %s "),
			 dep, f->d.currency, f->cust[0].code, f->cust[0].name);
}

static void
aform_draw(struct app *a, void *ctx)
{
	struct aform *f = ctx;
	int y = 2, rows = LINES - 5, x = 1, w = COLS - 2, list = rows - 6;
	char dep[48], diff[48], buf[1024];
	const char *more = _("c another customer");
	int64_t d = diff_of(f);

	draw_box(y, 0, rows, COLS, UI_BORDER);
	app_money(f->d.amount, f->d.currency, dep, sizeof dep);
	aform_title(f, dep, buf, sizeof buf);
	draw_text(y, 2, COLS - 4, buf, TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, x + 4, w - 46, _("Invoice"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, x + w - 42, 12, _("Due"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, x + w - 30, 15, _("Open"), TEXT_RIGHT, UI_HEADER);
	draw_text(y + 1, x + w - 15, 15, _("Applied"), TEXT_RIGHT, UI_HEADER);
	aform_scroll(f, list);
	aform_draw_list(a, f, y + 2, list, x, w);
	if (!f->n)
		draw_text(y + 2, x + 1, w - 2, _("This customer has no open invoice in this currency."),
			  TEXT_LEFT, UI_MUTED);
	app_money(d, f->d.currency, diff, sizeof diff);
	snprintf(buf, sizeof buf, _("Deposit %s · difference %s"), dep, diff);
	draw_text(y + rows - 3, x + 1, w - 2, buf, TEXT_LEFT, d ? UI_ERROR : UI_SELECTED);
	draw_text(y + rows - 3, x + w - 1 - draw_width(more), draw_width(more), more, TEXT_LEFT,
		  UI_MUTED);
	draw_text(y + rows - 2, x + 1, w - 2,
		  _("Space select · e amount · F fee · A on account · Enter confirm · Esc cancel"),
		  TEXT_LEFT, UI_MUTED);
}

/* Select the whole open amount (the running difference shows what is
 * left) — in a split, only what is left of the deposit —, or unselect. */
static void
aform_toggle(struct app *a, struct aform *f)
{
	struct sui_item *it;
	int64_t left = diff_of(f);

	if (!f->n)
		return;
	it = &f->items[f->cursor];
	if (it->amount || !f->split || it->open <= left || it->open < 0)
		it->amount = it->amount ? 0 : it->open;
	else if (left > 0)
		it->amount = left;
	else
		app_error(a, "%s", _("Nothing is left of the deposit to apply (e edits an amount)."));
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

/* The selection as a proposal of the engine's shape: the deposit goes to
 * the form's first customer, each line names its own (booked, and the
 * payer learned, per customer as `match confirm` does). */
static void
aform_proposal(const struct aform *f, struct match_proposal *p)
{
	memset(p, 0, sizeof *p);
	p->customer_id = f->cust[0].id;
	p->customer_code = f->cust[0].code;
	p->customer_name = f->cust[0].name;
	p->line = xcalloc(f->n + 1, sizeof *p->line);
	for (size_t i = 0; i < f->n; i++)
		if (f->items[i].amount)
			p->line[p->nlines++] = (struct match_line){
				.invoice_id = f->items[i].invoice_id,
				.number = f->items[i].number,
				.cleared = f->items[i].amount,
				.customer_id = f->cust[f->owner[i]].id,
				.customer_code = f->cust[f->owner[i]].code };
}

void
queue_confirmed(struct app *a, const char *payer, const char *name,
		const struct match_proposal *p)
{
	int others = 0;

	for (int i = 0; i < p->nlines; i++)
		others += match_line_first_of_customer(p, i) &&
			  match_line_customer(p, i) != p->customer_id;
	if (others)
		app_msg(a, ngettext("Confirmed: %s → %s and %d other customer (u undoes).",
				    "Confirmed: %s → %s and %d other customers (u undoes).", others),
			payer, name, others);
	else
		app_msg(a, _("Confirmed: %s → %s (u undoes)."), payer, name);
}

/* Confirm the selection (how: as aform_refusal). */
static bool
aform_confirm(struct app *a, struct aform *f, int how)
{
	struct match_proposal p;
	int64_t diff = diff_of(f);
	const char *no;
	char amt[48];
	struct ur_err err;

	aform_proposal(f, &p);
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
		app_msg(a, _("Confirmed for %s; %s left open on %s (u undoes)."), f->cust[0].name,
			(app_money(-diff, f->d.currency, amt, sizeof amt), amt),
			p.line[p.nlines - 1].number);
	else if (err.status == UR_OK)
		queue_confirmed(a, f->d.payer.payer_name, f->cust[0].name, &p);
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
	struct ur_err err;
	int64_t d = diff_of(f), limit, last = 0, cust = f->cust[0].id;
	char amt[48], lim[48], label[512];

	for (size_t i = 0; i < f->n; i++)
		if (f->items[i].amount) {
			last = f->items[i].amount;
			cust = f->cust[f->owner[i]].id; /* the fee is booked on its invoice */
		}
	if (d >= 0 || last + d <= 0)
		return aform_confirm(a, f, 'F'); /* refused, saying why */
	ur_err_clear(&err);
	if (store_fee_limit(a->st, cust, &a->conf, f->d.currency, &limit, &err) != UR_OK) {
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

/* Add customer id and its open invoices in the deposit's currency to the
 * list (an added customer must have some). */
static enum ur_status
aform_add(struct store *st, struct aform *f, int64_t id, struct ur_err *err)
{
	struct sui_customer c;
	struct sui_item *items = NULL;
	size_t n = 0;

	if (store_ui_customer_get(st, id, &c, err) != UR_OK)
		return err->status;
	if (store_ui_open_items(st, id, f->d.currency, 0, &items, &n, err) != UR_OK ||
	    (f->ncust && !n && ur_fail(err, UR_INPUT, _("%s has no open invoice in %s."), c.name,
				       f->d.currency))) {
		sui_customers_free(&c, 1);
		free(items);
		return err->status;
	}
	f->cust = xrealloc(f->cust, (f->ncust + 1) * sizeof *f->cust);
	f->cust[f->ncust] = c;
	f->items = xrealloc(f->items, (f->n + n + 1) * sizeof *f->items);
	f->owner = xrealloc(f->owner, (f->n + n + 1) * sizeof *f->owner);
	for (size_t i = 0; i < n; i++) {
		f->items[f->n + i] = items[i];
		f->owner[f->n + i] = f->ncust;
	}
	f->n += n;
	f->ncust++;
	free(items);
	return UR_OK;
}

/* The customer chosen in the picker: its invoices join the list, the
 * cursor on the first. */
static void
aform_picked(struct app *a, const struct sui_customer *c, void *ctx)
{
	struct aform *f = ctx;
	struct ur_err err;
	long first;

	for (size_t k = 0; k < f->ncust; k++)
		if (f->cust[k].id == c->id)
			return app_error(a, _("%s is in the list already."), c->name);
	ur_err_clear(&err);
	first = (long)f->n;
	if (aform_add(a->st, f, c->id, &err) != UR_OK)
		return app_error(a, "%s", err.msg);
	f->cursor = first;
}

/* c: which other customer's invoices to add, as the queue's c asks. */
static void
customer_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	if (final && text && *text && a->modal && a->modal->ctx == ctx)
		queue_picker_find(a, text, true, aform_picked);
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
	case REQ_TOGGLE: aform_toggle(a, f); break;
	case REQ_EDIT_AMOUNT:
		if (f->n)
			app_prompt(a, _("Amount applied: "), false, amount_prompt, f);
		break;
	case REQ_ACCEPT: return aform_confirm(a, f, 0);
	case REQ_BOOK_FEE: return aform_book_fee(a, f);
	case REQ_ON_ACCOUNT: return aform_confirm(a, f, 'A');
	case REQ_ADD_CUSTOMER:
		app_prompt(a, _("Customer (code, name or reading): "), false, customer_prompt, f);
		break;
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
	    aform_add(a->st, f, customer, &err) != UR_OK) {
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
