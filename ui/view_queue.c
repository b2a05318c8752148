/* view_queue: pane 1, the unmatched-deposit queue — the list (only the
 * rows on screen are loaded), the selected deposit's detail with its
 * ranked proposals, and the clerk's actions. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "display.h"
#include "draw.h"
#include "i18n.h"
#include "panes.h"
#include "queue.h"
#include "store.h"
#include "store_ui.h"

/* Details (with their proposals) kept for going back to them. */
#define KEPT_DETAILS 8
/* Milliseconds a frame may spend before the list's proposals wait for the
 * next one (the page read and the detail's proposals count too). */
#define PROPOSAL_BUDGET_MS 5.0
/* Database pages kept in memory: the rows and customers revisited. */
#define PAGE_CACHE_KIB 2048

struct queue {
	struct qwin w;
	int64_t det_id; /* detail loaded for this deposit (0: none) */
	struct sui_match det;
	struct sui_match kept[KEPT_DETAILS]; /* details shown before */
	int kept_next;
	int sel;
	char *holder;
	struct sui_alloc *allocs; /* a matched deposit's live allocations */
	size_t nallocs;
	char *moved; /* another clerk took the row under the cursor: why (act keys wait) */
	struct sui_deposit back; /* what u just brought back: the cursor goes to it */
	bool shown; /* a frame was drawn: the first shows the rows before their proposals */
};

static const char *const filter_names[SUI_FILTER_COUNT] = {
	N_("unmatched"), N_("auto-matched today"), N_("parked"), N_("all"),
};
static const char *const sort_names[SUI_SORT_COUNT] = {
	N_("date"), N_("amount"), N_("payer"),
};

/* Put the detail aside (the cursor moved on): it may be shown again. */
static void
keep_detail(struct queue *q)
{
	struct sui_match *k = &q->kept[q->kept_next];

	if (!q->det_id)
		return;
	sui_match_free(k);
	*k = q->det;
	q->kept_next = (q->kept_next + 1) % KEPT_DETAILS;
	memset(&q->det, 0, sizeof q->det);
	free(q->holder);
	q->holder = NULL;
	free(q->allocs);
	q->allocs = NULL;
	q->nallocs = 0;
	q->det_id = 0;
}

/* Forget the detail and those put aside (the database changed). */
static void
drop_detail(struct queue *q)
{
	keep_detail(q);
	for (int i = 0; i < KEPT_DETAILS; i++)
		sui_match_free(&q->kept[i]);
}

/* Take deposit id's detail back from those put aside. */
static bool
reuse_detail(struct queue *q, int64_t id)
{
	for (int i = 0; i < KEPT_DETAILS; i++)
		if (q->kept[i].d.id == id) {
			q->det = q->kept[i];
			memset(&q->kept[i], 0, sizeof q->kept[i]);
			return true;
		}
	return false;
}

/* The row under the cursor left the queue because of another clerk (a
 * foreign refresh): say who and why, and let the action keys wait for a
 * movement key — Enter must not confirm a deposit nobody looked at. */
static void
note_moved(struct view *v, const struct sui_deposit *was)
{
	struct queue *q = v->priv;
	enum deposit_state state;
	char user[64];
	struct strbuf m;
	struct ur_err err;

	ur_err_clear(&err);
	if (store_ui_deposit_change(v->app->st, was->id, &state, user, sizeof user,
				    &err) != UR_OK || !*user || state == was->state || q->w.filter == SUI_ALL)
		return; /* still the row under the cursor */
	sb_init(&m);
	sb_addf(&m,
		state == DEPOSIT_MATCHED
			? _("Deposit %s was matched by %s just now; move the cursor before acting.")
		: state == DEPOSIT_PARKED
			? _("Deposit %s was parked by %s just now; move the cursor before acting.")
			: _("Deposit %s was changed by %s just now; move the cursor before acting."),
		was->reference ? was->reference : "", user);
	free(q->moved);
	q->moved = m.buf;
	app_error(v->app, "%s", q->moved);
}

/* Re-read the queue (the database changed): the cursor stays on its
 * deposit, or where it was when the deposit left the filter — or goes to
 * the deposit an undo brought back. */
static void
queue_load(struct view *v)
{
	struct queue *q = v->priv;
	struct sui_deposit *row = qwin_row(&q->w, v->cursor), keep;
	struct ur_err err;
	long pos = v->cursor;

	memset(&keep, 0, sizeof keep);
	if (q->back.id) {
		keep = q->back;
		memset(&q->back, 0, sizeof q->back);
	} else if (row) {
		keep = *row;
		memset(row, 0, sizeof *row);
	}
	drop_detail(q);
	qwin_reset(&q->w, true);
	ur_err_clear(&err);
	if (keep.id && store_ui_queue_count(v->app->st, q->w.filter, q->w.sort, v->app->today,
					    &keep, &pos, &err) != UR_OK)
		app_error(v->app, "%s", err.msg);
	if (pos - v->cursor != 0)
		v->top += pos - v->cursor;
	app_move(v, pos);
	if (keep.id && v->app->foreign)
		note_moved(v, &keep);
	sui_deposit_free(&keep);
}

static void
queue_open(struct view *v)
{
	struct queue *q = calloc(1, sizeof *q);
	struct match_config cfg;
	struct ur_err err;

	if (!q)
		abort();
	ur_err_clear(&err);
	if (store_ui_cache(v->app->st, PAGE_CACHE_KIB, &err) != UR_OK)
		app_error(v->app, "%s", err.msg);
	arconf_match(&v->app->conf, &cfg);
	qwin_init(&q->w, &cfg);
	v->priv = q;
	app_move(v, 0);
}

static void
queue_close(struct view *v)
{
	struct queue *q = v->priv;

	drop_detail(q);
	qwin_free(&q->w);
	free(q->moved);
	sui_deposit_free(&q->back);
	free(q);
	v->priv = NULL;
}

static long
queue_count(struct view *v)
{
	return qwin_count(&((struct queue *)v->priv)->w, v->app);
}

/* The deposit under the cursor, loading its page when needed. */
static struct sui_deposit *
cursor_row(struct view *v)
{
	struct queue *q = v->priv;

	if (!qwin_row(&q->w, v->cursor))
		qwin_load(&q->w, v->app, v->top <= v->cursor ? v->top : v->cursor,
			  v->page > 0 ? v->page : 1);
	if (!qwin_row(&q->w, v->cursor))
		qwin_load(&q->w, v->app, v->cursor, 1);
	return qwin_row(&q->w, v->cursor);
}

static void
load_detail(struct view *v)
{
	struct queue *q = v->priv;
	struct sui_deposit *row = cursor_row(v);
	struct ur_err err;
	enum ur_status rc;

	if (!row)
		return keep_detail(q);
	if (q->det_id == row->id)
		return;
	keep_detail(q);
	ur_err_clear(&err);
	if (reuse_detail(q, row->id))
		rc = UR_OK;
	else if (row->state == DEPOSIT_UNMATCHED || /* a match's reason: in the auto list */
		 (row->state == DEPOSIT_MATCHED && q->w.filter == SUI_AUTO_TODAY))
		rc = store_ui_match(v->app->st, row->id, &q->w.cfg, &q->w.names, &q->det, &err);
	else
		rc = store_ui_deposit_get(v->app->st, row->id, &q->det.d, &err);
	if (rc == UR_OK && row->state != DEPOSIT_UNMATCHED)
		rc = store_ui_allocations(v->app->st, row->id, &q->allocs, &q->nallocs, &err);
	if (rc != UR_OK)
		return app_error(v->app, "%s", err.msg);
	q->det_id = row->id;
	q->sel = 0;
	if (q->det.ix)
		qwin_best_set(&q->w, row->id, &q->det.r);
	store_ui_lease_holder(v->app->st, row->id, &q->holder, &err);
}

static enum ui_elem
queue_band(const struct queue *q, int score, char *letter)
{
	*letter = match_band(&q->w.cfg, score);
	return *letter == 'A' ? UI_BAND_A : *letter == 'B' ? UI_BAND_B : UI_BAND_C;
}

/* What the last column says about a row; matched ones name their
 * customer and invoices when names is true (all are matched). */
static void
row_note(const struct sui_deposit *d, const char *holder, const struct qbest *best,
	 bool names, char *buf, size_t size, enum ui_elem *e)
{
	if (holder) {
		snprintf(buf, size, _("being handled by %s"), holder);
		*e = UI_LEASED;
	} else if (names && *d->customer) {
		snprintf(buf, size, "%s %s", d->customer, d->invoices);
		*e = UI_MUTED;
	} else if (d->state != DEPOSIT_UNMATCHED) {
		snprintf(buf, size, "%s%s%s", deposit_state_label(d->state),
			 *d->park_reason ? ": " : "",
			 d->park_reason);
		*e = UI_MUTED;
	} else if (best && best->some) {
		snprintf(buf, size, "%3d %s", best->score, best->name); /* scores pass 100 */
		*e = UI_NORMAL;
	} else {
		snprintf(buf, size, "%s", best ? _("no proposal") : "…");
		*e = UI_MUTED;
	}
}

/* May the list compute another proposal in this frame? The rest are
 * shown as they come, in idle time (a screen test waits for them all);
 * none in the pane's first frame, which may otherwise read every closing
 * total for one of them. */
static bool
budget_left(struct app *a, const struct queue *q, double start)
{
	static int unlimited = -1;

	if (unlimited < 0)
		unlimited = display_headless() && !getenv("URIKAKE_TEST_TIMES");
	if (unlimited || (q->shown && app_now_ms() - start < PROPOSAL_BUDGET_MS))
		return true;
	a->busy = true;
	return false;
}

static void
draw_row(struct view *v, long pos, int y, double start)
{
	struct app *a = v->app;
	struct queue *q = v->priv;
	struct sui_deposit *d = qwin_row(&q->w, pos);
	const char *holder = qwin_holder(&q->w, pos);
	const struct qbest *best = NULL;
	int rest = COLS - 32, wp = rest * 45 / 100, wn = rest - wp - 1;
	char date[32], amt[48], note[512], letter = ' ';
	enum ui_elem band = UI_NORMAL, ne, e = pos == v->cursor ? UI_CURSOR : UI_NORMAL;

	if (d->state == DEPOSIT_UNMATCHED && !holder &&
	    !(best = qwin_best(&q->w, a, d, false)) && budget_left(a, q, start))
		best = qwin_best(&q->w, a, d, true);
	settings_date(&a->set, d->date, date, sizeof date);
	app_money(d->amount, d->currency, amt, sizeof amt);
	row_note(d, holder, best, q->w.filter == SUI_AUTO_TODAY, note, sizeof note, &ne);
	if (best && best->some)
		band = queue_band(q, best->score, &letter);
	if (pos == v->cursor)
		band = ne = UI_CURSOR;
	draw_text(y, 0, 2, (char[]){ letter, ' ', 0 }, TEXT_LEFT, band);
	draw_text(y, 2, 11, date, TEXT_LEFT, e);
	draw_text(y, 13, 14, amt, TEXT_RIGHT, e);
	draw_textf(y, 27, 5, TEXT_LEFT, e, " %s", d->currency);
	draw_text(y, 32, wp, d->payer.payer_name, TEXT_LEFT, e);
	draw_text(y, 32 + wp, 1, "", TEXT_LEFT, e);
	draw_text(y, 33 + wp, wn, note, TEXT_LEFT, ne);
}

/* The list in rows lines from y; its proposals may use what is left of
 * the frame's budget (the frame started at start). */
static void
draw_list(struct view *v, int y, int rows, double start)
{
	struct queue *q = v->priv;
	int rest = COLS - 32, wp = rest * 45 / 100;
	long top;

	draw_text(y, 0, 13, _("  Date"), TEXT_LEFT, UI_HEADER);
	draw_text(y, 13, 14, _("Amount"), TEXT_RIGHT, UI_HEADER);
	draw_text(y, 27, 5, "", TEXT_LEFT, UI_HEADER);
	draw_text(y, 32, wp + 1, _("Payer"), TEXT_LEFT, UI_HEADER);
	draw_text(y, 33 + wp, COLS - 33 - wp,
		  q->w.filter == SUI_AUTO_TODAY ? _("Matched to") : _("Best proposal"), TEXT_LEFT,
		  UI_HEADER);
	top = app_list_top(v, rows - 1);
	qwin_load(&q->w, v->app, top, rows - 1);
	for (long i = top; i < top + rows - 1 && qwin_row(&q->w, i); i++)
		draw_row(v, i, y + 1 + (int)(i - top), start);
	if (!q->w.n)
		draw_text(y + 2, 2, COLS - 4, _("Nothing here: no deposit matches this filter."),
			  TEXT_LEFT, UI_MUTED);
}

const char *
queue_rating(struct view *v, const struct match_proposal *p, char *buf, size_t size,
	     bool *hold)
{
	struct queue *q = v->priv;
	struct rating r;

	*hold = false;
	buf[0] = '\0';
	if (!p->customer_id || !aging_rating(&v->app->views[VIEW_AGING], p->customer_id,
					     q->det.d.currency, &r, hold))
		return buf;
	if (*hold)
		snprintf(buf, size, _(" (rating %c, credit hold)"), r.grade);
	else
		snprintf(buf, size, _(" (rating %c)"), r.grade);
	return buf;
}

static void
draw_proposal(struct view *v, const struct match_proposal *p, int y, int rows, bool sel,
	      bool reading_first)
{
	struct queue *q = v->priv;
	char amt[48], letter, line[1024], rating[128];
	enum ui_elem band = queue_band(q, p->score, &letter);
	struct strbuf inv;
	bool hold = false;

	sb_init(&inv);
	for (int i = 0; i < p->nlines; i++) {
		app_money(p->line[i].cleared, q->det.d.currency, amt, sizeof amt);
		sb_addf(&inv, "%s%s %s", i ? ", " : "", p->line[i].number, amt);
	}
	if (p->on_account) {
		app_money(p->on_account, q->det.d.currency, amt, sizeof amt);
		sb_addf(&inv, "%s%s %s", p->nlines ? ", " : "", _("on account"), amt);
	}
	draw_text(y, 0, 2, sel ? ">" : "", TEXT_LEFT, sel ? UI_SELECTED : UI_NORMAL);
	draw_textf(y, 2, 5, TEXT_LEFT, band, "%c %3d", letter, p->score);
	snprintf(line, sizeof line, "%s %s%s  %s", p->customer_code, p->customer_name,
		 queue_rating(v, p, rating, sizeof rating, &hold), inv.buf);
	draw_text(y, 8, COLS - 8, line, TEXT_LEFT,
		  hold ? UI_ERROR : sel ? UI_SELECTED : UI_NORMAL);
	if (rows > 1) {
		sb_reset(&inv);
		queue_proposal_reason(p, &q->det.md, reading_first, &inv);
		draw_text(y + 1, 8, COLS - 8, inv.buf, TEXT_LEFT, UI_MUTED);
	}
	sb_free(&inv);
}

/* The first proposal shown in avail lines (two each), so that the
 * selected one is drawn whole: later ones scroll the list up. */
static int
first_proposal(int sel, int avail)
{
	int fit = avail / 2 > 0 ? avail / 2 : 1;

	return sel >= fit ? sel - fit + 1 : 0;
}

static void
draw_detail(struct view *v, int y, int rows)
{
	struct queue *q = v->priv;
	struct sui_deposit *d = &q->det.d;
	const struct match_result *r = &q->det.r;
	char amt[48], date[32], buf[1024];
	int line = 0, used, first, with_reason;
	bool reading_first;

	draw_hline(y, 0, COLS, UI_BORDER);
	if (!q->det_id)
		return;
	app_money(d->amount, d->currency, amt, sizeof amt);
	settings_date(&v->app->set, d->date, date, sizeof date);
	snprintf(buf, sizeof buf, _(" Deposit %s %s %s "), date, amt, d->currency);
	draw_text(y, 2, draw_width(buf), buf, TEXT_LEFT, UI_HEADER);
	snprintf(buf, sizeof buf, _("Payer: %s   Ref: %s   Account: %s"), d->payer.payer_name,
		 d->reference, d->account);
	draw_text(y + ++line, 1, COLS - 1, buf, TEXT_LEFT, UI_NORMAL);
	snprintf(buf, sizeof buf, _("Bank: %s %s   EDI: %s"),
		 *d->payer.remit_bank ? d->payer.remit_bank : "-", d->payer.remit_branch,
		 *d->payer.edi ? d->payer.edi : "-");
	draw_text(y + ++line, 1, COLS - 1, buf, TEXT_LEFT, UI_NORMAL);
	if (q->holder) {
		snprintf(buf, sizeof buf, _("Being handled by %s"), q->holder);
		draw_text(y + ++line, 1, COLS - 1, buf, TEXT_LEFT, UI_LEASED);
	}
	if (d->state == DEPOSIT_MATCHED) {
		queue_draw_matched(&q->det, q->allocs, q->nallocs,
				   q->w.filter == SUI_AUTO_TODAY, y + line, rows - line);
		return;
	}
	if (d->state != DEPOSIT_UNMATCHED) {
		snprintf(buf, sizeof buf, _("State: %s %s"), deposit_state_label(d->state),
			 d->park_reason);
		draw_text(y + ++line, 1, COLS - 1, buf, TEXT_LEFT, UI_MUTED);
		return;
	}
	if (!r->nprop)
		draw_text(y + ++line, 1, COLS - 1,
			  _("No proposal: pick invoices (m) after assigning the payer (c), or park it (x)."),
			  TEXT_LEFT, UI_MUTED);
	else if (r->hold != MATCH_AUTO && line + 1 < rows)
		draw_text(y + ++line, 1, COLS - 1, match_hold_text(r->hold), TEXT_LEFT, UI_MUTED);
	first = first_proposal(q->sel, rows - line - 1);
	with_reason = (rows - line - 1) / 2; /* the proposals drawn with their reason line */
	reading_first = queue_reasons_overflow(r, &q->det.md, first, with_reason, COLS - 8);
	for (int i = first; i < r->nprop && line + 1 < rows; i++) {
		used = rows - line - 1;
		draw_proposal(v, &r->prop[i], y + line + 1, used > 2 ? 2 : used, i == q->sel,
			      reading_first);
		line += used > 2 ? 2 : used;
	}
}

static void
queue_draw(struct view *v, int y, int rows)
{
	double start = app_now_ms();
	struct queue *q = v->priv;
	char buf[512];
	int list = (rows - 1) * 11 / 20;

	store_ui_snapshot(v->app->st, true);
	snprintf(buf, sizeof buf, _("Deposits · filter: %s · sort: %s · %zu"),
		 _(filter_names[q->w.filter]), _(sort_names[q->w.sort]),
		 (size_t)qwin_count(&q->w, v->app));
	draw_text(y, 0, COLS, buf, TEXT_LEFT, UI_TITLE);
	if (list < 2)
		list = 2;
	/* the detail first: its proposals give the cursor row's, which the
	 * list would otherwise compute once more */
	app_list_top(v, list - 1);
	load_detail(v);
	draw_list(v, y + 1, list, start);
	draw_detail(v, y + 1 + list, rows - 1 - list);
	q->shown = true;
	store_ui_snapshot(v->app->st, false);
}

void
queue_report(struct app *a, const struct ur_err *err)
{
	if (err->status == UR_CONFLICT) {
		app_refresh(a);
		app_error(a, _("Another clerk got there first: %s. The queue is refreshed."),
			  err->msg);
	} else {
		app_error(a, "%s", err->msg);
	}
}

/* The selected deposit when it is waiting (for any clerk). */
static struct sui_deposit *
undecided(struct view *v)
{
	struct queue *q = v->priv;

	load_detail(v);
	if (!q->det_id) {
		app_error(v->app, "%s", _("No deposit selected."));
		return NULL;
	}
	if (q->det.d.state != DEPOSIT_UNMATCHED) {
		app_error(v->app, _("This deposit is %s, not waiting for a decision."),
			  deposit_state_label(q->det.d.state));
		return NULL;
	}
	return &q->det.d;
}

/* The selected deposit when it is waiting and nobody else has it. */
static struct sui_deposit *
waiting(struct view *v)
{
	struct queue *q = v->priv;

	if (!undecided(v))
		return NULL;
	if (q->holder) {
		app_error(v->app, _("Being handled by %s."), q->holder);
		return NULL;
	}
	return &q->det.d;
}

static void
do_confirm(struct view *v)
{
	struct queue *q = v->priv;
	struct sui_deposit *d = waiting(v);
	const struct match_proposal *p;
	struct ur_err err;

	if (!d)
		return;
	if (!q->det.r.nprop) {
		app_error(v->app, "%s", _("No proposal to confirm: pick invoices with m."));
		return;
	}
	p = &q->det.r.prop[q->sel];
	ur_err_clear(&err);
	if (store_ui_confirm(v->app->st, d, p, &err) != UR_OK)
		return queue_report(v->app, &err);
	queue_confirmed(v->app, d->payer.payer_name, p->customer_name, p);
	app_refresh(v->app);
}

/* The customer the deposit is for: the selected proposal's, else the one
 * assigned. */
static int64_t
deposit_customer(struct queue *q)
{
	if (q->det.r.nprop && q->det.d.state == DEPOSIT_UNMATCHED)
		return q->det.r.prop[q->sel].customer_id;
	return q->det.d.customer_id;
}

static void
do_form(struct view *v, bool split)
{
	struct queue *q = v->priv;
	struct sui_deposit *d = waiting(v);
	struct ur_err err;
	int64_t cust;

	if (!d)
		return;
	if (!(cust = deposit_customer(q))) {
		app_error(v->app, "%s", _("Assign the payer to a customer first (c)."));
		return;
	}
	ur_err_clear(&err);
	if (store_ui_lease_take(v->app->st, d->id, &err) != UR_OK)
		return queue_report(v->app, &err);
	queue_form_open(v->app, d, cust, split);
}

static void
assign_to(struct app *a, const struct sui_customer *c, void *ctx)
{
	struct view *v = &a->views[VIEW_QUEUE];
	struct queue *q = v->priv;
	struct ur_err err;

	(void)ctx;
	ur_err_clear(&err);
	if (!q->det_id || store_ui_assign(a->st, &q->det.d, c->id, &err) != UR_OK)
		return queue_report(a, &err);
	app_msg(a, _("%s is now known as %s (u undoes)."), q->det.d.payer.payer_name, c->name);
	app_refresh(a);
}

static void
assign_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	(void)ctx;
	if (final && text && *text)
		queue_picker_find(a, text, false, assign_to);
}

static void
park_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct queue *q = a->views[VIEW_QUEUE].priv;
	struct ur_err err;

	(void)ctx;
	if (!final || !text)
		return;
	ur_err_clear(&err);
	if (!q->det_id || store_ui_park(a->st, q->det_id, text, &err) != UR_OK)
		return queue_report(a, &err);
	app_msg(a, "%s", _("Parked (u undoes)."));
	app_refresh(a);
}

/* u on an automatic match of today's: take it back (the clerk reviews
 * what the engine did); refused when the deposit changed since. */
static void
undo_auto(struct view *v)
{
	struct queue *q = v->priv;
	struct ur_err err;

	if (q->holder) {
		app_error(v->app, _("Being handled by %s."), q->holder);
		return;
	}
	ur_err_clear(&err);
	if (store_ui_undo_auto(v->app->st, &q->det.d, q->allocs, q->nallocs, &err) != UR_OK)
		return queue_report(v->app, &err);
	app_msg(v->app, _("Undone: the automatic match of deposit %s; it waits in the queue again."),
		q->det.d.reference);
	app_refresh(v->app);
}

static void
do_undo(struct view *v)
{
	struct queue *q = v->priv;
	struct ur_err err;
	struct sui_deposit d;
	int64_t dep = 0;

	ur_err_clear(&err);
	if (store_ui_undo(v->app->st, &dep, &err) != UR_OK)
		return queue_report(v->app, &err);
	if (store_ui_deposit_get(v->app->st, dep, &d, &err) == UR_OK) {
		app_msg(v->app, _("Undone: deposit %s is back as it was."), d.reference);
		sui_deposit_free(&q->back);
		q->back = d;
	}
	app_refresh(v->app);
}

static void
do_goto(struct view *v, int pane)
{
	struct queue *q = v->priv;
	struct sui_customer c;
	struct ur_err err;
	int64_t cust;

	load_detail(v);
	if (!q->det_id || !(cust = deposit_customer(q))) {
		app_error(v->app, "%s", _("No customer for this deposit yet."));
		return;
	}
	ur_err_clear(&err);
	if (store_ui_customer_get(v->app->st, cust, &c, &err) != UR_OK)
		return app_error(v->app, "%s", err.msg);
	app_show(v->app, pane);
	if (pane == VIEW_AGING)
		aging_goto(&v->app->views[pane], c.code);
	else
		contacts_filter(&v->app->views[pane], c.id, c.name);
	sui_customers_free(&c, 1);
}

/* Preview the statement of the deposit's customer: the one assigned or
 * matched, else the selected proposal's. */
static void
do_statement(struct view *v)
{
	struct queue *q = v->priv;
	struct pane_customer c;
	int64_t cust = 0;

	load_detail(v);
	if (q->det_id)
		cust = q->det.d.customer_id;
	if (q->det_id && !cust && q->det.r.nprop)
		cust = q->det.r.prop[q->sel].customer_id;
	if (!cust) {
		app_error(v->app, "%s", _("No customer for this deposit yet."));
		return;
	}
	if (pane_customer_get(v->app, cust, &c))
		preview_open(v->app, c.code);
}

/* Keys that act on the selected deposit, and those that move the cursor. */
static bool
acts_on_row(enum request req)
{
	return req == REQ_CONFIRM || req == REQ_NEXT_PROPOSAL || req == REQ_PICK ||
	       req == REQ_SPLIT || req == REQ_ASSIGN || req == REQ_PARK || req == REQ_NOTICE ||
	       req == REQ_EXPLAIN;
}

static bool
moves_cursor(enum request req)
{
	return (req >= REQ_MOVE_UP && req <= REQ_LAST) ||
	       (req >= REQ_SEARCH && req <= REQ_SEARCH_PREV) || req == REQ_FILTER ||
	       req == REQ_SORT;
}

static enum request
queue_request(struct view *v, enum request req)
{
	struct queue *q = v->priv;

	if (q->moved && acts_on_row(req)) {
		app_error(v->app, "%s", q->moved);
		return REQ_NONE;
	}
	if (moves_cursor(req)) {
		free(q->moved);
		q->moved = NULL;
	}
	switch (req) {
	case REQ_CONFIRM: do_confirm(v); break;
	case REQ_NEXT_PROPOSAL: q->sel = q->det.r.nprop ? (q->sel + 1) % q->det.r.nprop : 0; break;
	case REQ_PICK: do_form(v, false); break;
	case REQ_SPLIT: do_form(v, true); break;
	case REQ_ASSIGN:
		if (waiting(v))
			app_prompt(v->app, _("Customer (code, name or reading): "), false,
				   assign_prompt, NULL);
		break;
	case REQ_PARK:
		if (waiting(v))
			app_prompt(v->app, _("Why park it (not a customer payment)? "), false,
				   park_prompt, NULL);
		break;
	case REQ_GOTO_AGING: do_goto(v, VIEW_AGING); break;
	case REQ_GOTO_CONTACTS: do_goto(v, VIEW_CONTACTS); break;
	case REQ_UNDO:
		load_detail(v);
		if (q->w.filter == SUI_AUTO_TODAY && q->det_id && q->nallocs)
			undo_auto(v);
		else
			do_undo(v);
		break;
	case REQ_STATEMENT: do_statement(v); break;
	case REQ_EXPLAIN: /* reading only: another clerk's deposit too */
		if (undecided(v))
			queue_explain_open(v, &q->w.cfg, &q->det, q->sel);
		break;
	case REQ_NOTICE:
		if (waiting(v))
			queue_notice_ask(v->app, &q->det, q->sel);
		break;
	case REQ_FILTER:
		q->w.filter = (q->w.filter + 1) % SUI_FILTER_COUNT;
		drop_detail(q); /* a matched deposit's reason is read only in the auto list */
		qwin_reset(&q->w, false);
		v->cursor = v->top = 0;
		break;
	case REQ_SORT:
		q->w.sort = (q->w.sort + 1) % SUI_SORT_COUNT;
		qwin_reset(&q->w, false);
		v->cursor = v->top = 0;
		break;
	default:
		return req;
	}
	return REQ_NONE;
}

static long
queue_find(struct view *v, const char *text, long from, int dir)
{
	struct queue *q = v->priv;
	struct sui_deposit *start, hit;
	struct ur_err err;
	long pos = -1;
	int found = 0;

	if (from < 0 || from >= queue_count(v))
		return -1;
	if (!qwin_row(&q->w, from))
		qwin_load(&q->w, v->app, from, 1);
	if (!(start = qwin_row(&q->w, from)))
		return -1;
	ur_err_clear(&err);
	if (store_ui_queue_find(v->app->st, q->w.filter, q->w.sort, v->app->today, text, start,
				dir, &hit, &found, &err) != UR_OK || !found)
		return -1;
	if (store_ui_queue_count(v->app->st, q->w.filter, q->w.sort, v->app->today, &hit, &pos,
				 &err) != UR_OK)
		pos = -1;
	sui_deposit_free(&hit);
	return pos;
}

const struct view_ops queue_ops = {
	.title = N_("Deposits"),
	.section = KM_QUEUE,
	.open = queue_open,
	.close = queue_close,
	.reload = queue_load,
	.draw = queue_draw,
	.request = queue_request,
	.count = queue_count,
	.find = queue_find,
};
