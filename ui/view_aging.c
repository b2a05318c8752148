/* view_aging: pane 2, aged receivables — one row per customer and
 * currency at any as-of date (by due or issue date) with its buckets,
 * credit rating, credit use, last contact, open promise, dunning level and
 * sales rep; a
 * total per currency; sorted by any column and filtered in memory
 * (custstats.h); the drill-down, the statement preview and a CSV export of
 * the rows shown (aging_export.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "custstats.h"
#include "date.h"
#include "dayrows.h"
#include "draw.h"
#include "i18n.h"
#include "loader.h"
#include "money.h"
#include "panes.h"
#include "store_custstats.h"
#include "xalloc.h"

#define CODE_W 8
#define CUR_W 4     /* the currency, frozen with code and name */
#define NAME_W 26   /* the name's width when the amounts leave room */
#define NAME_MIN_W 10
#define COMPACT_W 8 /* an amount column in compact amounts: 7 cells and a gap */

struct aging {
	struct ar_settings conf;
	struct ar_set set;     /* the rows shown (as of set.as_of) */
	int32_t as_of;         /* asked for: the set's once its load is in */
	bool by_issue, desc, overdue;
	int sort; /* index into sort_order */
	char *rep, *cur;
	int hscroll;
	bool compact;          /* amounts shortened to fit the screen */
	struct loader *ld;     /* loads the rows in the background */
	bool loaded;           /* the set has been loaded once */
	char *want;            /* aging_goto's customer, for when the rows come */
};

/* One load: the rows as of a date and the view asked for with them. */
struct aging_work {
	struct ar_set set;
	struct dayrows *rows; /* where the rows are loaded, or shared from */
	long gen;             /* the app's generation when asked */
	int col;
	bool desc, overdue;
	char *rep, *cur;
};

/* The order `o` walks the sort columns in (buckets inserted after OVERDUE). */
static int
sort_col(const struct aging *g, int i)
{
	static const int head[] = { AR_COL_CODE, AR_COL_NAME, AR_COL_TOTAL, AR_COL_OVERDUE };
	static const int tail[] = { AR_COL_RATING, AR_COL_CREDIT_USE, AR_COL_LAST_CONTACT,
				    AR_COL_PROMISE, AR_COL_LEVEL, AR_COL_SALES_REP, AR_COL_CURRENCY };
	int nb = g->set.nbuckets;

	if (i < 4)
		return head[i];
	if (i < 4 + nb)
		return AR_COL_BUCKET + i - 4;
	return tail[i - 4 - nb];
}

static int
sort_count(const struct aging *g)
{
	return 11 + g->set.nbuckets;
}

static void
sort_name(const struct aging *g, char *buf, size_t size)
{
	int c = sort_col(g, g->sort);

	switch (c) {
	case AR_COL_CODE: snprintf(buf, size, "%s", _("Code")); break;
	case AR_COL_NAME: snprintf(buf, size, "%s", _("Customer")); break;
	case AR_COL_TOTAL: snprintf(buf, size, "%s", _("Total")); break;
	case AR_COL_OVERDUE: snprintf(buf, size, "%s", _("Overdue")); break;
	case AR_COL_CREDIT_USE: snprintf(buf, size, "%s", _("Credit use")); break;
	case AR_COL_LAST_CONTACT: snprintf(buf, size, "%s", _("Last contact")); break;
	case AR_COL_PROMISE: snprintf(buf, size, "%s", _("Promise")); break;
	case AR_COL_LEVEL: snprintf(buf, size, "%s", _("Dunning")); break;
	case AR_COL_RATING: snprintf(buf, size, "%s", _("Rating")); break;
	case AR_COL_SALES_REP: snprintf(buf, size, "%s", _("Sales rep")); break;
	case AR_COL_CURRENCY: snprintf(buf, size, "%s", _("Currency")); break;
	default: ar_bucket_label(&g->set, c - AR_COL_BUCKET, buf, size); break;
	}
}

static void
aging_view(struct view *v)
{
	struct aging *g = v->priv;
	struct ar_filter f = { g->rep, g->cur, g->overdue, NULL };

	ar_set_view(&g->set, &f, sort_col(g, g->sort), g->desc);
	app_move(v, v->cursor);
}

static void
work_free(void *p)
{
	struct aging_work *w = p;

	ar_set_free(&w->set);
	free(w->rep);
	free(w->cur);
	free(w);
}

static void
work_progress(void *ctx, size_t items)
{
	loader_count(ctx, (long)items);
}

/* On the loader's thread: the rows, then the view asked for. */
static enum ur_status
work_run(struct loader *l, struct store *st, void *p, struct ur_err *err)
{
	struct aging_work *w = p;
	struct ar_filter f = { w->rep, w->cur, w->overdue, NULL };
	enum ur_status rc;

	w->set.progress = work_progress;
	w->set.progress_ctx = l;
	rc = dayrows_load(w->rows, l, w->gen, st, &w->set, err);
	w->set.progress = NULL;
	if (rc == UR_OK) /* here, not at the first sort key pressed */
		ar_set_rank(&w->set);
	/* rows loaded here come in code order; shared ones with no view yet */
	if (rc == UR_OK && (!w->set.view || w->rep || w->cur || w->overdue ||
			    w->col != AR_COL_CODE || w->desc))
		ar_set_view(&w->set, &f, w->col, w->desc);
	return rc;
}

static const struct loader_job aging_job = { work_run, work_free };

/* Ask for the rows as of g->as_of (supersede: cancel a load under way). */
static void
aging_load(struct view *v, bool supersede)
{
	struct aging *g = v->priv;
	struct aging_work *w = xcalloc(1, sizeof *w);

	ar_set_init(&w->set, &g->conf, g->as_of, g->by_issue);
	w->rows = v->app->rows;
	w->gen = v->app->generation;
	w->col = sort_col(g, g->sort);
	w->desc = g->desc;
	w->overdue = g->overdue;
	w->rep = g->rep ? xstrdup(g->rep) : NULL;
	w->cur = g->cur ? xstrdup(g->cur) : NULL;
	loader_start(g->ld, &aging_job, w, supersede);
}

static void
aging_reload(struct view *v)
{
	aging_load(v, false);
}

static bool
same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Put the cursor on customer code (the page's top too, with top). */
static bool
aging_cursor_to(struct view *v, const char *code, bool top)
{
	long pos = code ? ar_set_find(&((struct aging *)v->priv)->set, code) : -1;

	if (pos < 0)
		return false;
	app_move(v, pos);
	if (top)
		v->top = v->cursor;
	return true;
}

/* Swap in a finished load, keeping the cursor's customer (or going to the
 * one aging_goto asked for). */
static void
aging_swap(struct view *v, void *work)
{
	struct aging_work *w = work;
	struct aging *g = v->priv;
	const struct ar_row *r = g->set.nview ? ar_set_row(&g->set, (size_t)v->cursor) : NULL;
	char *code = g->want ? g->want : r ? xstrdup(r->code) : NULL;
	bool same = w->col == sort_col(g, g->sort) && w->desc == g->desc &&
		    w->overdue == g->overdue && same_str(w->rep, g->rep) && same_str(w->cur, g->cur);

	ar_set_free(&g->set);
	g->set = w->set;
	memset(&w->set, 0, sizeof w->set);
	work_free(w);
	if (!same)
		aging_view(v);
	app_move(v, v->cursor);
	if (!aging_cursor_to(v, code, g->want != NULL) && g->want)
		app_msg(v->app, _("%s has no open receivables."), code);
	g->want = NULL;
	g->loaded = true;
	free(code);
	app_trim(v->app);
}

static bool
aging_poll(struct view *v, bool wait)
{
	struct aging *g = v->priv;

	return app_poll_loader(v, g->ld, wait, aging_swap);
}

static void
aging_open(struct view *v)
{
	struct aging *g = xcalloc(1, sizeof *g);

	v->priv = g;
	g->conf = v->app->conf;
	g->as_of = v->app->today;
	ar_set_init(&g->set, &g->conf, g->as_of, false);
	g->ld = app_loader(v->app);
	aging_load(v, true);
}

static void
aging_close(struct view *v)
{
	struct aging *g = v->priv;

	loader_free(g->ld);
	ar_set_free(&g->set);
	free(g->rep);
	free(g->cur);
	free(g->want);
	free(g);
	v->priv = NULL;
}

static long
aging_count(struct view *v)
{
	return (long)((struct aging *)v->priv)->set.nview;
}

static bool
total_amount(const struct ar_row *r, const struct ar_total *t, int b, int64_t *out)
{
	(void)b;
	*out = r ? r->total : t->total;
	return true;
}

static bool
on_account_amount(const struct ar_row *r, const struct ar_total *t, int b, int64_t *out)
{
	(void)b;
	*out = r ? r->on_account : t->on_account;
	return *out != 0;
}

static bool
any_on_account(const struct aging *g)
{
	for (size_t i = 0; i < g->set.ntotals; i++)
		if (g->set.totals[i].on_account)
			return true;
	return false;
}

static bool
bucket_amount(const struct ar_row *r, const struct ar_total *t, int b, int64_t *out)
{
	*out = r ? r->bucket[b] : t->bucket[b];
	return *out != 0;
}

static void
credit_text(struct view *v, const struct ar_row *r, char *buf, size_t size)
{
	int use = ar_credit_use(r);

	(void)v;
	if (use >= 0)
		snprintf(buf, size, "%d%%", (use + 5) / 10);
}

static void
last_text(struct view *v, const struct ar_row *r, char *buf, size_t size)
{
	if (r->last_contact)
		settings_date(&v->app->set, r->last_contact, buf, (int)size);
}

static void
promise_text(struct view *v, const struct ar_row *r, char *buf, size_t size)
{
	char amt[MONEY_BUFSZ], day[32];

	if (!r->promise_date)
		return;
	settings_date(&v->app->set, r->promise_date, day, sizeof day);
	app_money(r->promise_amount, r->currency, amt, sizeof amt);
	snprintf(buf, size, "%s %s", day, amt);
}

/* "C", "E!" on credit hold. */
static void
rating_text(struct view *v, const struct ar_row *r, char *buf, size_t size)
{
	struct aging *g = v->priv;

	snprintf(buf, size, "%c%s", r->rating.grade,
		 rating_on_hold(&g->conf.hold, &r->rating) ? "!" : "");
}

static void
level_text(struct view *v, const struct ar_row *r, char *buf, size_t size)
{
	(void)v;
	if (r->dunning_level)
		snprintf(buf, size, "%s", contact_level_name(r->dunning_level));
}

static void
rep_text(struct view *v, const struct ar_row *r, char *buf, size_t size)
{
	(void)v;
	snprintf(buf, size, "%s", r->sales_rep);
}

/* A column right of code, name and currency, scrolled sideways. An amount
 * column (amount set) shows rows and totals, right-aligned and compacted
 * when the screen is narrow; a text column shows rows only. */
struct acol {
	const char *head; /* N_(); NULL: one column per bucket, headed by its label */
	bool (*shown)(const struct aging *g); /* NULL: always */
	int cells;        /* the text's cells, besides the amounts */
	int amounts;      /* full-width amounts in the text (amount columns: 1) */
	bool right;       /* right-aligned */
	bool kept;        /* the name narrows for it as for the amounts */
	/* the amount of row r or total t (bucket b); false: leave blank */
	bool (*amount)(const struct ar_row *r, const struct ar_total *t, int b, int64_t *out);
	void (*text)(struct view *v, const struct ar_row *r, char *buf, size_t size);
};

static const struct acol acols[] = {
	{ N_("Total"), NULL, 0, 1, true, false, total_amount, NULL },
	/* beside the total it lessens; only when a row shown has some (a short
	 * head, so that every bucket still fits at 80 columns) */
	{ N_("On acct."), any_on_account, 0, 1, true, false, on_account_amount, NULL },
	{ NULL, NULL, 0, 1, true, false, bucket_amount, NULL },
	/* TRANSLATORS: the credit rating's column head, as short as can be */
	{ N_("Rtg"), NULL, 3, 0, false, true, NULL, rating_text },
	{ N_("Credit"), NULL, 8, 0, true, false, NULL, credit_text },
	{ N_("Contacted"), NULL, 12, 0, false, false, NULL, last_text },
	{ N_("Promise"), NULL, 12, 1, false, false, NULL, promise_text },
	{ N_("Dunning"), NULL, 14, 0, false, false, NULL, level_text },
	{ N_("Sales rep"), NULL, 12, 0, false, false, NULL, rep_text },
};

/* One column on screen: its kind, bucket and width. */
struct dcol {
	const struct acol *def;
	int bucket, width;
	char head[32];
};

#define MAX_DCOLS (AR_MAX_BUCKETS + 16)

/* The text of column c for a row (or, with t, a total row). */
static void
cell_text(struct view *v, const struct dcol *c, const struct ar_row *r, const struct ar_total *t,
	  char *buf, size_t size)
{
	struct aging *g = v->priv;
	const char *cur = r ? r->currency : t->currency;
	int64_t amt;

	buf[0] = '\0';
	if (c->def->amount && c->def->amount(r, t, c->bucket, &amt)) {
		if (g->compact)
			app_money_compact(amt, cur, c->width - 1, buf, size);
		else
			app_money(amt, cur, buf, size);
	} else if (c->def->text && r) {
		c->def->text(v, r, buf, size);
	}
}

/* Amount columns as wide as the widest total (and at least 11 cells). */
static int
amount_width(const struct aging *g)
{
	char buf[MONEY_BUFSZ];
	int w = 11;

	for (size_t i = 0; i < g->set.ntotals; i++) {
		app_money(g->set.totals[i].total, g->set.totals[i].currency, buf, sizeof buf);
		if (draw_width(buf) + 1 > w)
			w = draw_width(buf) + 1;
	}
	return w;
}

/* The columns with amount columns aw cells wide (text columns' amounts
 * full width fw); returns how many. */
static int
make_cols_at(const struct aging *g, struct dcol *c, int aw, int fw)
{
	int n = 0;

	for (size_t k = 0; k < sizeof acols / sizeof acols[0]; k++) {
		const struct acol *d = &acols[k];
		int count = !d->head ? g->set.nbuckets : !d->shown || d->shown(g) ? 1 : 0;

		for (int b = 0; b < count && n < MAX_DCOLS; b++, n++) {
			c[n] = (struct dcol){ d, b, d->cells + d->amounts * (d->amount ? aw : fw), "" };
			if (d->head)
				snprintf(c[n].head, sizeof c->head, "%s", _(d->head));
			else
				ar_bucket_label(&g->set, b, c[n].head, sizeof c->head);
			if (draw_width(c[n].head) + 1 > c[n].width)
				c[n].width = draw_width(c[n].head) + 1;
		}
	}
	return n;
}

/* The cells the amount columns (and the rating) from column first on take. */
static int
amounts_width(const struct dcol *c, int n, int first)
{
	int w = 0;

	for (int i = first; i < n; i++)
		if (c[i].def->amount || c[i].def->kept)
			w += c[i].width;
	return w;
}

/* The columns, in full amounts when every amount column fits beside the
 * narrowest name, else in compact amounts (g->compact). */
static int
make_cols(struct aging *g, struct dcol *c)
{
	int aw = amount_width(g), n = make_cols_at(g, c, aw, aw);

	g->compact = amounts_width(c, n, 0) > COLS - CODE_W - CUR_W - NAME_MIN_W;
	return g->compact ? make_cols_at(g, c, COMPACT_W, aw) : n;
}

/* Columns shown from hscroll on, and the name column's width: the name
 * shrinks (down to NAME_MIN_W) for the amounts, not for the text columns;
 * what is left over widens it. */
static int
fit_cols(struct aging *g, const struct dcol *c, int n, int *namew, int *last)
{
	int avail = COLS - CODE_W - CUR_W, rest, i;

	if (g->hscroll >= n)
		g->hscroll = n - 1;
	if (g->hscroll < 0)
		g->hscroll = 0;
	*namew = avail - amounts_width(c, n, g->hscroll);
	if (*namew > NAME_W)
		*namew = NAME_W;
	if (*namew < NAME_MIN_W)
		*namew = NAME_MIN_W;
	rest = avail - *namew;
	for (i = g->hscroll; i < n && c[i].width <= rest; i++)
		rest -= c[i].width;
	*last = i;
	*namew += rest;
	return g->hscroll;
}

/* Right-aligned, or text after one blank cell, left-aligned. */
static void
draw_cell(int y, int x, int width, bool right, const char *text, enum ui_elem e)
{
	if (right) {
		draw_text(y, x, width, text, TEXT_RIGHT, e);
		return;
	}
	draw_text(y, x, 1, "", TEXT_LEFT, e);
	draw_text(y, x + 1, width - 1, text, TEXT_LEFT, e);
}

/* A row (r) or a total (t): code, name and currency frozen on the left,
 * then columns [first, last). */
static void
draw_line(struct view *v, int y, const struct dcol *c, int first, int last, int namew,
	  const struct ar_row *r, const struct ar_total *t, enum ui_elem e)
{
	char buf[256];
	int x = CODE_W + namew;

	if (r) {
		draw_text(y, 0, CODE_W, r->code, TEXT_LEFT, e);
		draw_text(y, CODE_W, namew, r->name, TEXT_LEFT, e);
	} else {
		snprintf(buf, sizeof buf, ngettext_("Total · %zu customer", "Total · %zu customers",
						    t->rows), t->rows);
		draw_text(y, 0, CODE_W + namew, buf, TEXT_LEFT, e);
	}
	draw_cell(y, x, CUR_W, false, r ? r->currency : t->currency, e);
	x += CUR_W;
	for (int i = first; i < last; i++) {
		cell_text(v, &c[i], r, t, buf, sizeof buf);
		draw_cell(y, x, c[i].width, c[i].def->right, buf, e);
		x += c[i].width;
	}
	if (x < COLS)
		draw_text(y, x, COLS - x, "", TEXT_LEFT, e);
}

/* "| loading as of 2026-02-28… 0.4 s · 120,000 invoices read" */
static void
draw_progress(struct view *v, int y)
{
	struct aging *g = v->priv;
	long n = loader_progress(g->ld);
	char date[32], what[64], extra[64] = "";

	settings_date(&v->app->set, g->as_of, date, sizeof date);
	snprintf(what, sizeof what, _("as of %s"), date);
	if (n > 0)
		snprintf(extra, sizeof extra, ngettext_("%ld invoice read", "%ld invoices read", n),
			 n);
	app_loading(y, g->ld, what, extra);
}

static void
draw_title(struct view *v, int y)
{
	struct aging *g = v->priv;
	char date[32], sort[64], buf[512];
	struct strbuf sb;

	settings_date(&v->app->set, g->set.as_of, date, sizeof date);
	sort_name(g, sort, sizeof sort);
	sb_init(&sb);
	sb_addf(&sb, g->set.by_issue ? _("As of %s by issue date") : _("As of %s by due date"),
		date);
	sb_addf(&sb, " · ");
	sb_addf(&sb, ngettext_("%zu row", "%zu rows", g->set.nview), g->set.nview);
	sb_addf(&sb, " · %s %s", sort, g->desc ? "v" : "^");
	if (g->rep)
		sb_addf(&sb, " · %s", g->rep);
	if (g->cur)
		sb_addf(&sb, " · %s", g->cur);
	if (g->overdue)
		sb_addf(&sb, " · %s", _("overdue only"));
	snprintf(buf, sizeof buf, "%s", sb.buf);
	draw_text(y, 0, COLS, buf, TEXT_LEFT, UI_TITLE);
	sb_free(&sb);
	if (v->app->loading && loader_busy(g->ld))
		draw_progress(v, y);
}

static void
aging_draw(struct view *v, int y, int rows)
{
	struct aging *g = v->priv;
	struct dcol c[MAX_DCOLS];
	const struct ar_row *win[256];
	int n = make_cols(g, c), namew, last, first = fit_cols(g, c, n, &namew, &last);
	int nt = (int)g->set.ntotals, list = rows - 2 - nt, x = CODE_W + namew + CUR_W;
	size_t got;
	long top;

	draw_title(v, y);
	draw_text(y + 1, 0, CODE_W, _("Code"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, CODE_W, namew + CUR_W, _("Customer"), TEXT_LEFT, UI_HEADER);
	for (int i = first; i < last; x += c[i++].width)
		draw_cell(y + 1, x, c[i].width, c[i].def->right, c[i].head, UI_HEADER);
	if (x < COLS)
		draw_text(y + 1, x, COLS - x, last < n ? ">" : "", TEXT_RIGHT, UI_HEADER);
	if (list > 256)
		list = 256;
	top = app_list_top(v, list);
	got = ar_set_window(&g->set, (size_t)top, (size_t)(list > 0 ? list : 0), win);
	for (size_t i = 0; i < got; i++)
		draw_line(v, y + 2 + (int)i, c, first, last, namew, win[i], NULL,
			  (long)i + top == v->cursor ? UI_CURSOR : UI_NORMAL);
	for (int i = 0; i < nt; i++)
		draw_line(v, y + rows - nt + i, c, first, last, namew, NULL, &g->set.totals[i],
			  UI_SELECTED);
	if (!g->set.nview)
		draw_text(y + 3, 2, COLS - 4, g->loaded ? _("No open receivables.") : _("Loading…"),
			  TEXT_LEFT, UI_MUTED);
	if (g->set.overflow)
		app_error(v->app, "%s", _("The totals are too large to add up."));
}

static void
as_of_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct view *v = ctx;
	struct aging *g = v->priv;
	struct ur_err err;
	int32_t day;

	if (!final || !text || !*text || !g)
		return;
	ur_err_clear(&err);
	if (date_parse(text, &day, &err) != UR_OK)
		return app_error(a, "%s", err.msg);
	g->as_of = day;
	aging_load(v, true);
}

/* One month earlier or later; a month end stays a month end. */
static int32_t
month_step(int32_t day, int dir)
{
	if (day == date_end_of_month(day))
		return date_end_of_month(date_add_months_clamped(day, dir));
	return date_add_months_clamped(day, dir);
}

const struct ar_set *
aging_rows(const struct view *v)
{
	return &((const struct aging *)v->priv)->set;
}

/* The customer under the cursor (false, with a message, when none). */
static bool
cursor_customer(struct view *v, struct pane_customer *c)
{
	struct aging *g = v->priv;
	const struct ar_row *r;

	if (!g->set.nview) {
		app_error(v->app, "%s", _("No customer here."));
		return false;
	}
	r = ar_set_row(&g->set, (size_t)v->cursor);
	if (!pane_customer_get(v->app, r->customer_id, c))
		return false;
	c->rated = true;
	c->rating = r->rating;
	c->hold = rating_on_hold(&g->conf.hold, &r->rating);
	return true;
}

static void
aging_customer_action(struct view *v, enum request req)
{
	struct aging *g = v->priv;
	struct pane_customer c;

	if (!cursor_customer(v, &c))
		return;
	if (req == REQ_DRILL)
		drill_open(v->app, &c, g->set.as_of);
	else if (req == REQ_STATEMENT)
		preview_open(v->app, c.code);
	else if (req == REQ_DUNNING_LETTER)
		preview_letter_open(v->app, c.code);
	else if (req == REQ_RECORD_CONTACT)
		contact_form_open(v->app, &c);
	else {
		app_show(v->app, VIEW_CONTACTS);
		contacts_show(&v->app->views[VIEW_CONTACTS], &c);
	}
}

/* Keep only the rows with the cursor row's sales rep (or currency); when
 * that filter is on, drop it. */
static void
toggle_filter(struct view *v, char **slot, bool currency)
{
	struct aging *g = v->priv;
	const struct ar_row *r = g->set.nview ? ar_set_row(&g->set, (size_t)v->cursor) : NULL;
	char *code = r ? xstrdup(r->code) : NULL;
	long pos;

	if (*slot) {
		free(*slot);
		*slot = NULL;
	} else if (r && (currency || *r->sales_rep)) {
		*slot = xstrdup(currency ? r->currency : r->sales_rep);
	}
	aging_view(v);
	if (code && (pos = ar_set_find(&g->set, code)) >= 0)
		app_move(v, pos);
	free(code);
}

static enum request
aging_request(struct view *v, enum request req)
{
	struct aging *g = v->priv;

	switch (req) {
	case REQ_AS_OF_PREV: g->as_of = month_step(g->as_of, -1); aging_load(v, true); break;
	case REQ_AS_OF_NEXT: g->as_of = month_step(g->as_of, 1); aging_load(v, true); break;
	case REQ_AS_OF_TODAY: g->as_of = v->app->today; aging_load(v, true); break;
	case REQ_AS_OF_DATE: app_prompt(v->app, _("As of (date): "), false, as_of_prompt, v); break;
	case REQ_AGE_BASIS: g->by_issue = !g->by_issue; aging_load(v, true); break;
	case REQ_SORT: g->sort = (g->sort + 1) % sort_count(g); aging_view(v); break;
	case REQ_SORT_REVERSE: g->desc = !g->desc; aging_view(v); break;
	case REQ_FILTER_REP: toggle_filter(v, &g->rep, false); break;
	case REQ_FILTER_CURRENCY: toggle_filter(v, &g->cur, true); break;
	case REQ_OVERDUE_ONLY: g->overdue = !g->overdue; v->cursor = 0; aging_view(v); break;
	case REQ_SCROLL_LEFT: g->hscroll--; break;
	case REQ_SCROLL_RIGHT: g->hscroll++; break;
	case REQ_EXPORT_CSV:
		aging_export_ask(v);
		break;
	case REQ_DRILL:
	case REQ_STATEMENT:
	case REQ_DUNNING_LETTER:
	case REQ_RECORD_CONTACT:
	case REQ_GOTO_CONTACTS: aging_customer_action(v, req); break;
	default: return req;
	}
	return REQ_NONE;
}

static long
aging_find(struct view *v, const char *text, long from, int dir)
{
	struct aging *g = v->priv;

	for (long i = from; i >= 0 && i < (long)g->set.nview; i += dir) {
		const struct ar_row *r = ar_set_row(&g->set, (size_t)i);

		if (strstr(r->code, text) || strstr(r->name, text))
			return i;
	}
	return -1;
}

bool
aging_rating(struct view *v, int64_t customer_id, const char *currency, struct rating *out,
	     bool *hold)
{
	struct aging *g = v->priv;

	if (!g || !g->loaded || g->set.as_of != v->app->today)
		return false;
	ar_set_rating(&g->set, customer_id, currency, 0, out);
	*hold = rating_on_hold(&g->conf.hold, out);
	return true;
}

void
aging_goto(struct view *v, const char *code)
{
	struct aging *g = v->priv;

	if (loader_busy(g->ld)) {
		free(g->want);
		g->want = xstrdup(code);
	} else if (!aging_cursor_to(v, code, true)) {
		app_msg(v->app, _("%s has no open receivables."), code);
	}
}

const struct view_ops aging_ops = {
	.title = N_("Aging"),
	.section = KM_AGING,
	.open = aging_open,
	.close = aging_close,
	.reload = aging_reload,
	.draw = aging_draw,
	.request = aging_request,
	.count = aging_count,
	.find = aging_find,
	.poll = aging_poll,
};
