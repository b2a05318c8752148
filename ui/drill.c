/* drill: the customer drill-down over the panes — figures per currency
 * (open, days late, DSO), invoices with open amount, days past due and
 * what paid them, deposits with their allocations, the contact timeline;
 * writing off a small remainder, jumping to the deposit queue, the
 * contact log or the statement preview — and the customer look-ups the
 * aging and contact panes share. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "ledger_words.h"
#include "money.h"
#include "panes.h"
#include "store_contact.h"
#include "store_custstats.h"
#include "store_ui.h"
#include "xalloc.h"

enum dkind { DL_HEAD, DL_INV, DL_PAID, DL_DEP, DL_ALLOC, DL_TEXT };

struct dline {
	enum dkind kind;
	size_t i, j;
	char *text; /* DL_HEAD, DL_TEXT */
};

struct drillm {
	struct pane_customer c;
	struct drill d;
	struct dline *lines;
	size_t n, cap;
	long cursor, top;
};

bool
pane_customer_get(struct app *a, int64_t id, struct pane_customer *c)
{
	struct sui_customer sc;
	struct ur_err err;

	ur_err_clear(&err);
	if (store_ui_customer_get(a->st, id, &sc, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return false;
	}
	memset(c, 0, sizeof *c);
	c->id = sc.id;
	snprintf(c->code, sizeof c->code, "%s", sc.code);
	snprintf(c->name, sizeof c->name, "%s", sc.name);
	snprintf(c->currency, sizeof c->currency, "%s", sc.currency);
	sui_customers_free(&sc, 1);
	return true;
}

static void
push(struct drillm *m, enum dkind k, size_t i, size_t j, char *text)
{
	if (m->n == m->cap)
		m->lines = xrealloc(m->lines, (m->cap = m->cap ? 2 * m->cap : 64) * sizeof *m->lines);
	m->lines[m->n++] = (struct dline){ k, i, j, text };
}

static void
push_text(struct drillm *m, enum dkind k, const char *text)
{
	push(m, k, 0, 0, xstrdup(text));
}

static void
drop_lines(struct drillm *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->lines[i].text);
	m->n = 0;
}

static void
drill_free(void *ctx)
{
	struct drillm *m = ctx;

	drop_lines(m);
	free(m->lines);
	store_drill_free(&m->d);
	free(m);
}

/* One timeline entry as a line of text. */
static int
add_contact(const struct contact_entry *e, void *ctx)
{
	struct drillm *m = ctx;
	struct strbuf sb;
	char day[DATE_ISO_SIZE], amt[MONEY_BUFSZ];

	sb_init(&sb);
	date_format_iso(e->day, day);
	sb_addf(&sb, "%s %s %s/%s %s%s%s", day, e->user, e->channel, e->direction, e->outcome,
		*e->outcome ? ": " : "", e->note);
	if (e->promise_date) {
		date_format_iso(e->promise_date, day);
		money_format(e->promise_amount, e->currency, MONEY_GROUP, amt, sizeof amt);
		sb_addf(&sb, _(" · promised %s %s (%s)"), day, amt,
			contact_promise_name(e->promise_state));
	}
	if (e->next_date) {
		date_format_iso(e->next_date, day);
		sb_addf(&sb, _(" · next %s %s"), day, e->next_owner);
	}
	for (size_t i = 0; i < sb.len; i++)
		if (sb.buf[i] == '\n' || sb.buf[i] == '\t')
			sb.buf[i] = ' ';
	push(m, DL_TEXT, 0, 0, sb_detach(&sb));
	sb_free(&sb);
	return 0;
}

static void
build_lines(struct app *a, struct drillm *m)
{
	struct ur_err err;

	drop_lines(m);
	push_text(m, DL_HEAD, _("Invoices"));
	for (size_t i = 0; i < m->d.ninv; i++) {
		push(m, DL_INV, i, 0, NULL);
		for (size_t j = 0; j < m->d.inv[i].npaid; j++)
			push(m, DL_PAID, i, j, NULL);
		if (m->d.inv[i].disputed)
			push_text(m, DL_TEXT, _("  ! disputed by the customer: no dunning until resolved"));
	}
	if (!m->d.ninv)
		push_text(m, DL_TEXT, _("No open or recently settled invoices."));
	push_text(m, DL_HEAD, _("Deposits"));
	for (size_t i = 0; i < m->d.ndep; i++) {
		push(m, DL_DEP, i, 0, NULL);
		for (size_t j = 0; j < m->d.dep[i].nallocs; j++)
			push(m, DL_ALLOC, i, j, NULL);
	}
	if (!m->d.ndep)
		push_text(m, DL_TEXT, _("No deposits."));
	push_text(m, DL_HEAD, _("Contacts"));
	ur_err_clear(&err);
	if (store_contact_timeline(a->st, m->c.id, a->today, add_contact, m, &err) != UR_OK)
		app_error(a, "%s", err.msg);
	if (m->lines[m->n - 1].kind == DL_HEAD)
		push_text(m, DL_TEXT, _("No contacts recorded yet."));
}

static bool
drill_load(struct app *a, struct drillm *m)
{
	struct ur_err err;
	int32_t as_of = m->d.as_of;

	store_drill_free(&m->d);
	memset(&m->d, 0, sizeof m->d);
	ur_err_clear(&err);
	if (store_drill(a->st, m->c.id, as_of, &m->d, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return false;
	}
	build_lines(a, m);
	if (m->cursor >= (long)m->n)
		m->cursor = (long)m->n - 1;
	return true;
}

/* "JPY open 1,234 · on account 500 · balance 734 · 12.3 days late ·
 * DSO 45.6" for each currency. */
static void
draw_figures(struct drillm *m, int y, int w)
{
	struct strbuf sb;
	char amt[MONEY_BUFSZ];
	int tenths;
	int64_t dso;

	sb_init(&sb);
	for (size_t i = 0; i < m->d.nstats; i++) {
		const struct custstats *s = &m->d.stats[i];

		money_format(s->open, s->currency, MONEY_GROUP, amt, sizeof amt);
		sb_addf(&sb, _("%s%s open %s"), i ? " · " : "", s->currency, amt);
		if (s->on_account) {
			money_format(s->on_account, s->currency, MONEY_GROUP, amt, sizeof amt);
			sb_addf(&sb, _(" · on account %s"), amt);
			money_format(s->open - s->on_account, s->currency, MONEY_GROUP, amt,
				     sizeof amt);
			sb_addf(&sb, _(" · balance %s"), amt);
		}
		if (custstats_days_late(s, &tenths))
			sb_addf(&sb, _(" · %s%d.%d days late"), tenths < 0 ? "-" : "",
				abs(tenths) / 10, abs(tenths) % 10);
		if (custstats_dso(s, &dso))
			sb_addf(&sb, _(" · DSO %lld.%lld"), (long long)(dso / 10),
				(long long)(dso % 10));
	}
	draw_text(y, 2, w, sb.buf, TEXT_LEFT, UI_SELECTED);
	sb_free(&sb);
}

/* "Credit rating E · on credit hold · pays 29 days late on average, …"
 * over two lines. */
static void
draw_rating(struct drillm *m, int y, int w)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_addf(&sb, _("Credit rating %c"), m->c.rating.grade);
	if (m->c.hold)
		sb_addf(&sb, " · %s", _("on credit hold"));
	sb_adds(&sb, " · ");
	rating_reasons(&m->c.rating, &sb);
	draw_wrapped(y, 2, 2, w, sb.buf, m->c.hold ? UI_ERROR : UI_SELECTED);
	sb_free(&sb);
}

static void
draw_inv(struct app *a, const struct drill_invoice *v, int y, int x, int w, enum ui_elem e)
{
	char is[32], due[32], amt[MONEY_BUFSZ], open[MONEY_BUFSZ], days[16];
	int nw = w - 56;

	settings_date(&a->set, v->issue, is, sizeof is);
	settings_date(&a->set, v->due, due, sizeof due);
	money_format(v->amount, v->currency, MONEY_GROUP, amt, sizeof amt);
	money_format(v->open, v->currency, MONEY_GROUP, open, sizeof open);
	snprintf(days, sizeof days, "%d", v->days_past_due);
	draw_text(y, x, nw, v->number, TEXT_LEFT, e);
	draw_text(y, x + nw, 11, is, TEXT_RIGHT, e);
	draw_text(y, x + nw + 11, 11, due, TEXT_RIGHT, e);
	draw_text(y, x + nw + 22, 14, amt, TEXT_RIGHT, e);
	draw_text(y, x + nw + 36, 14, v->open ? open : _("settled"), TEXT_RIGHT, e);
	draw_text(y, x + nw + 50, 6, v->open && v->days_past_due > 0 ? days : "", TEXT_RIGHT, e);
}

/* The column headings of the invoice list. */
static void
draw_inv_head(int y, int x, int w, enum ui_elem e)
{
	int nw = w - 56;

	draw_text(y, x, nw, _("Invoices"), TEXT_LEFT, e);
	draw_text(y, x + nw, 11, _("Issued"), TEXT_RIGHT, e);
	draw_text(y, x + nw + 11, 11, _("Due"), TEXT_RIGHT, e);
	draw_text(y, x + nw + 22, 14, _("Amount"), TEXT_RIGHT, e);
	draw_text(y, x + nw + 36, 14, _("Open"), TEXT_RIGHT, e);
	draw_text(y, x + nw + 50, 6, _("Late"), TEXT_RIGHT, e);
}

static void
draw_paid(const struct drill_invoice *v, const struct drill_entry *p, int y, int x, int w,
	  enum ui_elem e)
{
	char day[DATE_ISO_SIZE], amt[MONEY_BUFSZ], fee[MONEY_BUFSZ];
	struct strbuf sb;

	date_format_iso(p->date, day);
	money_format(p->amount, v->currency, MONEY_GROUP, amt, sizeof amt);
	sb_init(&sb);
	sb_addf(&sb, "  <- %s %s %s %s", day, ledger_word_label(p->kind), amt, p->deposit_ref);
	if (p->fee) {
		money_format(p->fee, v->currency, MONEY_GROUP, fee, sizeof fee);
		sb_addf(&sb, _(" (fee %s)"), fee);
	}
	draw_text(y, x, w, sb.buf, TEXT_LEFT, e == UI_CURSOR ? e : UI_MUTED);
	sb_free(&sb);
}

static void
draw_dep(const struct drill_deposit *d, const struct dline *l, int y, int x, int w,
	 enum ui_elem e)
{
	char day[DATE_ISO_SIZE], amt[MONEY_BUFSZ];
	struct strbuf sb;

	sb_init(&sb);
	if (l->kind == DL_DEP) {
		date_format_iso(d->date, day);
		money_format(d->amount, d->currency, MONEY_GROUP, amt, sizeof amt);
		draw_text(y, x, 11, day, TEXT_LEFT, e);
		draw_text(y, x + 11, 16, d->reference, TEXT_LEFT, e);
		draw_text(y, x + 27, w - 59, d->payer, TEXT_LEFT, e);
		draw_text(y, x + w - 32, 18, amt, TEXT_RIGHT, e);
		draw_textf(y, x + w - 14, 14, TEXT_LEFT, e, " %s", ledger_word_label(d->state));
	} else {
		const struct drill_alloc *al = &d->allocs[l->j];

		date_format_iso(al->date, day);
		money_format(al->amount, d->currency, MONEY_GROUP, amt, sizeof amt);
		sb_addf(&sb, "  -> %s %s %s %s", day, *al->invoice ? al->invoice : _("on account"),
			amt, ledger_word_label(al->kind));
		draw_text(y, x, w, sb.buf, TEXT_LEFT, e == UI_CURSOR ? e : UI_MUTED);
	}
	sb_free(&sb);
}

static void
draw_dline(struct app *a, struct drillm *m, long i, int y, int x, int w)
{
	const struct dline *l = &m->lines[i];
	enum ui_elem e = i == m->cursor ? UI_CURSOR : UI_OVERLAY;

	switch (l->kind) {
	case DL_HEAD:
		if (i == 0)
			draw_inv_head(y, x, w, e == UI_CURSOR ? e : UI_HEADER);
		else
			draw_text(y, x, w, l->text, TEXT_LEFT, e == UI_CURSOR ? e : UI_HEADER);
		break;
	case DL_TEXT: draw_text(y, x, w, l->text, TEXT_LEFT, e); break;
	case DL_INV: draw_inv(a, &m->d.inv[l->i], y, x, w, e); break;
	case DL_PAID: draw_paid(&m->d.inv[l->i], &m->d.inv[l->i].paid[l->j], y, x, w, e); break;
	default: draw_dep(&m->d.dep[l->i], l, y, x, w, e); break;
	}
}

static void
drill_draw(struct app *a, void *ctx)
{
	struct drillm *m = ctx;
	int y = 1, rows = LINES - 3, w = COLS - 4, list = rows - 4 - 2 * m->c.rated;
	char date[32], buf[512];

	draw_box(y, 0, rows, COLS, UI_BORDER);
	settings_date(&a->set, m->d.as_of, date, sizeof date);
	snprintf(buf, sizeof buf, _(" %s %s · as of %s "), m->c.code, m->c.name, date);
	draw_text(y, 2, w, buf, TEXT_LEFT, UI_HEADER);
	draw_figures(m, y + 1, w);
	if (m->c.rated) {
		draw_rating(m, y + 2, w);
		y += 2;
	}
	if (list < 1)
		return;
	if (m->cursor < m->top)
		m->top = m->cursor;
	if (m->cursor >= m->top + list)
		m->top = m->cursor - list + 1;
	for (long i = m->top; i < (long)m->n && i < m->top + list; i++) {
		draw_text(y + 2 + (int)(i - m->top), 1, 1, i == m->cursor ? ">" : "", TEXT_LEFT,
			  UI_CURSOR);
		draw_dline(a, m, i, y + 2 + (int)(i - m->top), 2, w);
	}
	draw_text(y + rows - 2, 2, w,
		  _("w write off · d deposit queue · l contacts · p statement · Esc close"),
		  TEXT_LEFT, UI_MUTED);
}

static void
write_off_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct drillm *m = ctx;
	const struct drill_invoice *v;
	struct ur_err err;
	int64_t done;
	char amt[MONEY_BUFSZ];

	if (!final || !text || !a->modal || a->modal->ctx != m)
		return;
	if (strcmp(text, "y") != 0 && strcmp(text, "Y") != 0)
		return app_msg(a, "%s", _("Nothing written off."));
	v = &m->d.inv[m->lines[m->cursor].i];
	ur_err_clear(&err);
	if (store_write_off(a->st, v->id, v->open, &a->conf, a->today, _("small remainder"), &done,
			    &err) != UR_OK) {
		app_error(a, "%s", err.msg);
	} else {
		money_format(done, v->currency, MONEY_GROUP, amt, sizeof amt);
		app_msg(a, _("Wrote off %s %s on %s."), amt, v->currency, v->number);
	}
	app_refresh(a);
	drill_load(a, m);
}

static void
ask_write_off(struct app *a, struct drillm *m)
{
	const struct dline *l = &m->lines[m->cursor];
	const struct drill_invoice *v;
	char amt[MONEY_BUFSZ], lim[MONEY_BUFSZ], label[512];

	if (l->kind != DL_INV || !m->d.inv[l->i].open) {
		app_error(a, "%s", _("Put the cursor on an invoice with something open."));
		return;
	}
	v = &m->d.inv[l->i];
	money_format(v->open, v->currency, MONEY_GROUP, amt, sizeof amt);
	if (v->open > arconf_write_off_limit(&a->conf, v->currency)) { /* say so before asking */
		money_format(arconf_write_off_limit(&a->conf, v->currency), v->currency, MONEY_GROUP,
			     lim, sizeof lim);
		app_error(a, _("%s %s open on invoice %s is above the write-off limit of %s %s"),
			  v->currency, amt, v->number, v->currency, lim);
		return;
	}
	snprintf(label, sizeof label, _("Write off %s %s on %s? (y, Enter) "), amt, v->currency,
		 v->number);
	app_prompt(a, label, false, write_off_prompt, m);
}

/* Close the drill-down and show the deposit queue, on the deposit under
 * the cursor when there is one. */
static void
goto_queue(struct app *a, struct drillm *m)
{
	const struct dline *l = &m->lines[m->cursor];
	struct view *q = &a->views[VIEW_QUEUE];
	long pos;

	app_show(a, VIEW_QUEUE);
	if ((l->kind == DL_DEP || l->kind == DL_ALLOC) && q->ops->find) {
		const char *ref = m->d.dep[l->i].reference;

		if ((pos = q->ops->find(q, ref, 0, 1)) >= 0)
			app_move(q, pos);
		else
			app_msg(a, _("Deposit %s is not in the queue's current filter."), ref);
	}
}

static bool
drill_key(struct app *a, void *ctx, enum request req, int key)
{
	struct drillm *m = ctx;
	long page = LINES - 8 > 1 ? LINES - 8 : 1;
	struct pane_customer c = m->c;

	(void)key;
	switch (req) {
	case REQ_MOVE_UP: m->cursor--; break;
	case REQ_MOVE_DOWN: m->cursor++; break;
	case REQ_PAGE_UP: m->cursor -= page; break;
	case REQ_PAGE_DOWN: m->cursor += page; break;
	case REQ_FIRST: m->cursor = 0; break;
	case REQ_LAST: m->cursor = (long)m->n - 1; break;
	case REQ_WRITE_OFF: ask_write_off(a, m); break;
	case REQ_GOTO_QUEUE: goto_queue(a, m); return false;
	case REQ_GOTO_CONTACTS:
		app_show(a, VIEW_CONTACTS);
		contacts_show(&a->views[VIEW_CONTACTS], &c);
		return false;
	case REQ_PRINT:
		app_modal(a, NULL);
		preview_open(a, c.code);
		return true;
	case REQ_CANCEL:
	case REQ_QUIT: return false;
	default: break;
	}
	if (m->cursor >= (long)m->n)
		m->cursor = (long)m->n - 1;
	if (m->cursor < 0)
		m->cursor = 0;
	return true;
}

void
drill_open(struct app *a, const struct pane_customer *c, int32_t as_of)
{
	struct drillm *m = xcalloc(1, sizeof *m);
	struct modal md = { drill_draw, drill_key, drill_free, m, NULL };

	m->c = *c;
	m->d.as_of = as_of;
	if (!drill_load(a, m)) {
		drill_free(m);
		return;
	}
	for (size_t i = 0; i < m->n; i++)
		if (m->lines[i].kind == DL_INV && m->d.inv[m->lines[i].i].open) {
			m->cursor = (long)i;
			break;
		}
	app_modal(a, &md);
}
