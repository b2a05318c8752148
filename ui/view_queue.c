/* view_queue: pane 1, the unmatched-deposit queue — the list (only the
 * rows on screen are loaded), the selected deposit's detail with its
 * ranked proposals, and the clerk's actions. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "queue.h"
#include "store.h"
#include "store_ui.h"

#define MAX_PAGE 128

struct qrow {
	struct sui_deposit d;
	struct sui_proposal best;
	int has_best;
	char *holder;
};

struct queue {
	enum sui_filter filter;
	enum sui_sort sort;
	int64_t *ids;
	size_t n;
	long cache_top;
	int cache_n;
	struct qrow rows[MAX_PAGE];
	int64_t det_id; /* detail loaded for this deposit (0: none) */
	struct sui_deposit det;
	struct sui_proposal props[SUI_MAX_PROPOSALS];
	int nprops, sel;
	char *holder;
	int64_t *hits;
	size_t nhits;
	char hits_text[256];
};

static const char *const filter_names[SUI_FILTER_COUNT] = {
	N_("unmatched"), N_("auto-matched today"), N_("parked"), N_("all"),
};
static const char *const sort_names[SUI_SORT_COUNT] = {
	N_("date"), N_("amount"), N_("payer"),
};

/* Deposit states, listed for translation (shown through _()). */
static const char *const state_names[] = {
	N_("unmatched"), N_("matched"), N_("partial"), N_("parked"), N_("reversed"),
};

static const char *
state_label(const char *state)
{
	for (size_t i = 0; i < sizeof state_names / sizeof state_names[0]; i++)
		if (!strcmp(state, state_names[i]))
			return _(state_names[i]);
	return state;
}

static void
drop_cache(struct queue *q)
{
	for (int i = 0; i < q->cache_n; i++) {
		sui_deposit_free(&q->rows[i].d);
		if (q->rows[i].has_best)
			sui_proposals_free(&q->rows[i].best, 1);
		free(q->rows[i].holder);
	}
	q->cache_n = 0;
	q->cache_top = -1;
}

static void
drop_detail(struct queue *q)
{
	if (!q->det_id)
		return;
	sui_deposit_free(&q->det);
	sui_proposals_free(q->props, q->nprops);
	free(q->holder);
	q->holder = NULL;
	q->nprops = 0;
	q->det_id = 0;
}

static void
drop_hits(struct queue *q)
{
	free(q->hits);
	q->hits = NULL;
	q->nhits = 0;
	q->hits_text[0] = '\0';
}

static void
queue_load(struct view *v)
{
	struct queue *q = v->priv;
	struct ur_err err;
	int64_t keep = q->n && v->cursor < (long)q->n ? q->ids[v->cursor] : 0;
	size_t i;

	ur_err_clear(&err);
	drop_cache(q);
	drop_detail(q);
	drop_hits(q);
	free(q->ids);
	q->ids = NULL;
	if (store_ui_queue_ids(v->app->st, q->filter, q->sort, v->app->today, &q->ids, &q->n,
			       &err) != UR_OK)
		app_error(v->app, "%s", err.msg);
	for (i = 0; keep && i < q->n && q->ids[i] != keep; i++)
		;
	if (keep && i < q->n)
		v->cursor = (long)i;
	app_move(v, v->cursor);
}

static void
queue_open(struct view *v)
{
	struct queue *q = calloc(1, sizeof *q);

	if (!q)
		abort();
	q->cache_top = -1;
	v->priv = q;
	queue_load(v);
}

static void
queue_close(struct view *v)
{
	struct queue *q = v->priv;

	drop_cache(q);
	drop_detail(q);
	drop_hits(q);
	free(q->ids);
	free(q);
	v->priv = NULL;
}

static long
queue_count(struct view *v)
{
	return (long)((struct queue *)v->priv)->n;
}

/* Load the rows [top, top + n) of the list. */
static void
fill_cache(struct view *v, long top, int n)
{
	struct queue *q = v->priv;
	struct ur_err err;
	struct qrow *r;
	int got;

	if (q->cache_top == top && q->cache_n == n)
		return;
	drop_cache(q);
	ur_err_clear(&err);
	for (int i = 0; i < n && top + i < (long)q->n; i++) {
		r = &q->rows[q->cache_n];
		if (store_ui_deposit_get(v->app->st, q->ids[top + i], &r->d, &err) != UR_OK)
			break;
		got = 0;
		if (!strcmp(r->d.state, "unmatched"))
			store_ui_proposals(v->app->st, &r->d, 1, &r->best, &got, &err);
		r->has_best = got > 0;
		store_ui_lease_holder(v->app->st, r->d.id, &r->holder, &err);
		q->cache_n++;
	}
	q->cache_top = top;
}

static void
load_detail(struct view *v)
{
	struct queue *q = v->priv;
	struct ur_err err;
	int64_t id;

	if (!q->n)
		return drop_detail(q);
	id = q->ids[v->cursor];
	if (q->det_id == id)
		return;
	drop_detail(q);
	ur_err_clear(&err);
	if (store_ui_deposit_get(v->app->st, id, &q->det, &err) != UR_OK)
		return;
	q->det_id = id;
	q->sel = 0;
	if (!strcmp(q->det.state, "unmatched"))
		store_ui_proposals(v->app->st, &q->det, SUI_MAX_PROPOSALS, q->props, &q->nprops,
				   &err);
	store_ui_lease_holder(v->app->st, id, &q->holder, &err);
}

static enum ui_elem
queue_band(const struct app *a, int score, char *letter)
{
	if (score >= a->set.threshold) {
		*letter = 'A';
		return UI_BAND_A;
	}
	if (score >= 60) {
		*letter = 'B';
		return UI_BAND_B;
	}
	*letter = 'C';
	return UI_BAND_C;
}

/* What the last column says about a row. */
static void
row_note(const struct qrow *r, char *buf, size_t size, enum ui_elem *e)
{
	if (r->holder) {
		snprintf(buf, size, _("being handled by %s"), r->holder);
		*e = UI_LEASED;
	} else if (strcmp(r->d.state, "unmatched") != 0) {
		snprintf(buf, size, "%s%s%s", state_label(r->d.state), *r->d.park_reason ? ": " : "",
			 r->d.park_reason);
		*e = UI_MUTED;
	} else if (r->has_best) {
		snprintf(buf, size, "%2d %s", r->best.score, r->best.name);
		*e = UI_NORMAL;
	} else {
		snprintf(buf, size, "%s", _("no proposal"));
		*e = UI_MUTED;
	}
}

static void
draw_row(struct view *v, const struct qrow *r, int y, bool cursor)
{
	struct app *a = v->app;
	int rest = COLS - 32, wp = rest * 45 / 100, wn = rest - wp - 1;
	char date[32], amt[48], note[512], letter = ' ';
	enum ui_elem band = UI_NORMAL, ne, e = cursor ? UI_CURSOR : UI_NORMAL;

	settings_date(&a->set, r->d.date, date, sizeof date);
	app_money(r->d.amount, r->d.currency, amt, sizeof amt);
	row_note(r, note, sizeof note, &ne);
	if (r->has_best && !r->holder)
		band = queue_band(a, r->best.score, &letter);
	if (cursor)
		band = ne = UI_CURSOR;
	draw_text(y, 0, 2, (char[]){ letter, ' ', 0 }, TEXT_LEFT, band);
	draw_text(y, 2, 11, date, TEXT_LEFT, e);
	draw_text(y, 13, 14, amt, TEXT_RIGHT, e);
	draw_textf(y, 27, 5, TEXT_LEFT, e, " %s", r->d.currency);
	draw_text(y, 32, wp, r->d.payer, TEXT_LEFT, e);
	draw_text(y, 32 + wp, 1, "", TEXT_LEFT, e);
	draw_text(y, 33 + wp, wn, note, TEXT_LEFT, ne);
}

static void
draw_list(struct view *v, int y, int rows)
{
	struct queue *q = v->priv;
	int rest = COLS - 32, wp = rest * 45 / 100;
	long top;

	draw_text(y, 0, 13, _("  Date"), TEXT_LEFT, UI_HEADER);
	draw_text(y, 13, 14, _("Amount"), TEXT_RIGHT, UI_HEADER);
	draw_text(y, 27, 5, "", TEXT_LEFT, UI_HEADER);
	draw_text(y, 32, wp + 1, _("Payer"), TEXT_LEFT, UI_HEADER);
	draw_text(y, 33 + wp, COLS - 33 - wp, _("Best proposal"), TEXT_LEFT, UI_HEADER);
	top = app_list_top(v, rows - 1);
	fill_cache(v, top, rows - 1 < MAX_PAGE ? rows - 1 : MAX_PAGE);
	for (int i = 0; i < q->cache_n; i++)
		draw_row(v, &q->rows[i], y + 1 + i, top + i == v->cursor);
	if (!q->n)
		draw_text(y + 2, 2, COLS - 4, _("Nothing here: no deposit matches this filter."),
			  TEXT_LEFT, UI_MUTED);
}

static void
draw_proposal(struct view *v, const struct sui_proposal *p, int y, int rows, bool sel)
{
	char amt[48], letter, line[1024];
	enum ui_elem band = queue_band(v->app, p->score, &letter);
	struct strbuf inv;
	const char *why;
	int used = 0;

	sb_init(&inv);
	for (int i = 0; i < p->nitems; i++) {
		app_money(p->items[i].amount + p->items[i].fee, ((struct queue *)v->priv)->det.currency,
			  amt, sizeof amt);
		sb_addf(&inv, "%s%s %s", i ? ", " : "", p->items[i].number, amt);
	}
	if (p->on_account)
		sb_adds(&inv, _("on account"));
	draw_text(y, 0, 2, sel ? ">" : "", TEXT_LEFT, sel ? UI_SELECTED : UI_NORMAL);
	draw_textf(y, 2, 5, TEXT_LEFT, band, "%c %2d", letter, p->score);
	snprintf(line, sizeof line, "%s %s  %s", p->code, p->name, inv.buf);
	draw_text(y, 8, COLS - 8, line, TEXT_LEFT, sel ? UI_SELECTED : UI_NORMAL);
	sb_free(&inv);
	for (why = p->why; why && *why && ++used < rows;) {
		size_t n = strcspn(why, "\n");

		snprintf(line, sizeof line, "%.*s", (int)n, why);
		draw_text(y + used, 8, COLS - 8, line, TEXT_LEFT, UI_MUTED);
		why += n + (why[n] == '\n');
	}
}

static void
draw_detail(struct view *v, int y, int rows)
{
	struct queue *q = v->priv;
	struct sui_deposit *d = &q->det;
	char amt[48], date[32], buf[1024];
	int line = 0, used;

	draw_hline(y, 0, COLS, UI_BORDER);
	if (!q->det_id)
		return;
	app_money(d->amount, d->currency, amt, sizeof amt);
	settings_date(&v->app->set, d->date, date, sizeof date);
	snprintf(buf, sizeof buf, _(" Deposit %s %s %s "), date, amt, d->currency);
	draw_text(y, 2, draw_width(buf), buf, TEXT_LEFT, UI_HEADER);
	snprintf(buf, sizeof buf, _("Payer: %s   Ref: %s   Account: %s"), d->payer, d->reference,
		 d->account);
	draw_text(y + ++line, 1, COLS - 1, buf, TEXT_LEFT, UI_NORMAL);
	snprintf(buf, sizeof buf, _("Bank: %s %s   EDI: %s"),
		 *d->remit_bank ? d->remit_bank : "-", d->remit_branch, *d->edi ? d->edi : "-");
	draw_text(y + ++line, 1, COLS - 1, buf, TEXT_LEFT, UI_NORMAL);
	if (q->holder) {
		snprintf(buf, sizeof buf, _("Being handled by %s"), q->holder);
		draw_text(y + ++line, 1, COLS - 1, buf, TEXT_LEFT, UI_LEASED);
	}
	if (strcmp(d->state, "unmatched") != 0) {
		snprintf(buf, sizeof buf, _("State: %s %s"), state_label(d->state), d->park_reason);
		draw_text(y + ++line, 1, COLS - 1, buf, TEXT_LEFT, UI_MUTED);
		return;
	}
	if (!q->nprops)
		draw_text(y + ++line, 1, COLS - 1,
			  _("No proposal: pick invoices (m) after assigning the payer (c), or park it (p)."),
			  TEXT_LEFT, UI_MUTED);
	for (int i = 0; i < q->nprops && line + 1 < rows; i++) {
		used = rows - line - 1;
		draw_proposal(v, &q->props[i], y + line + 1, used > 3 ? 3 : used, i == q->sel);
		line += used > 3 ? 3 : used;
	}
}

static void
queue_draw(struct view *v, int y, int rows)
{
	struct queue *q = v->priv;
	char buf[512];
	int list = (rows - 1) * 11 / 20;

	snprintf(buf, sizeof buf, _("Deposits · filter: %s · sort: %s · %zu"),
		 _(filter_names[q->filter]), _(sort_names[q->sort]), q->n);
	draw_text(y, 0, COLS, buf, TEXT_LEFT, UI_TITLE);
	if (list < 2)
		list = 2;
	draw_list(v, y + 1, list);
	load_detail(v);
	draw_detail(v, y + 1 + list, rows - 1 - list);
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

/* The selected deposit when it is waiting and nobody else has it. */
static struct sui_deposit *
waiting(struct view *v)
{
	struct queue *q = v->priv;

	load_detail(v);
	if (!q->det_id) {
		app_error(v->app, "%s", _("No deposit selected."));
		return NULL;
	}
	if (strcmp(q->det.state, "unmatched") != 0) {
		app_error(v->app, _("This deposit is %s, not waiting for a decision."),
			  state_label(q->det.state));
		return NULL;
	}
	if (q->holder) {
		app_error(v->app, _("Being handled by %s."), q->holder);
		return NULL;
	}
	return &q->det;
}

static void
do_confirm(struct view *v)
{
	struct queue *q = v->priv;
	struct sui_deposit *d = waiting(v);
	struct sui_alloc parts[SUI_MAX_ITEMS + 1];
	const struct sui_proposal *p;
	struct ur_err err;
	int n = 0;

	if (!d)
		return;
	if (!q->nprops) {
		app_error(v->app, "%s", _("No proposal to confirm: pick invoices with m."));
		return;
	}
	p = &q->props[q->sel];
	for (int i = 0; i < p->nitems; i++)
		parts[n++] = (struct sui_alloc){ p->items[i].invoice_id, p->items[i].amount,
						 p->items[i].fee };
	if (p->on_account)
		parts[n++] = (struct sui_alloc){ 0, p->on_account, 0 };
	ur_err_clear(&err);
	if (store_ui_confirm(v->app->st, d, p->customer_id, parts, n, v->app->today, &err) != UR_OK)
		return queue_report(v->app, &err);
	app_msg(v->app, _("Confirmed: %s → %s (u undoes)."), d->payer, p->name);
	app_refresh(v->app);
}

/* The customer the deposit is for: the selected proposal's, else the one
 * assigned. */
static int64_t
deposit_customer(struct queue *q)
{
	if (q->nprops)
		return q->props[q->sel].customer_id;
	return q->det.customer_id;
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
	if (!q->det_id || store_ui_assign(a->st, &q->det, c->id, &err) != UR_OK)
		return queue_report(a, &err);
	app_msg(a, _("%s is now known as %s (u undoes)."), q->det.payer, c->name);
	app_refresh(a);
}

static void
assign_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct sui_customer c[50];
	struct ur_err err;
	int n = 0;

	(void)ctx;
	if (!final || !text || !*text)
		return;
	ur_err_clear(&err);
	if (store_ui_customer_find(a->st, text, 50, c, &n, &err) != UR_OK)
		return app_error(a, "%s", err.msg);
	if (n == 0)
		return app_error(a, _("No customer matches %s."), text);
	queue_picker_open(a, c, n, assign_to);
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

static void
do_undo(struct view *v)
{
	struct ur_err err;
	int64_t dep = 0;

	ur_err_clear(&err);
	if (store_ui_undo(v->app->st, &dep, &err) != UR_OK)
		return queue_report(v->app, &err);
	app_msg(v->app, _("Undone: deposit %lld is back as it was."), (long long)dep);
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

static enum request
queue_request(struct view *v, enum request req)
{
	struct queue *q = v->priv;

	switch (req) {
	case REQ_CONFIRM: do_confirm(v); break;
	case REQ_NEXT_PROPOSAL: q->sel = q->nprops ? (q->sel + 1) % q->nprops : 0; break;
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
	case REQ_UNDO: do_undo(v); break;
	case REQ_FILTER:
		q->filter = (q->filter + 1) % SUI_FILTER_COUNT;
		v->cursor = v->top = 0;
		queue_load(v);
		break;
	case REQ_SORT:
		q->sort = (q->sort + 1) % SUI_SORT_COUNT;
		queue_load(v);
		break;
	default:
		return req;
	}
	return REQ_NONE;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static long
queue_find(struct view *v, const char *text, long from, int dir)
{
	struct queue *q = v->priv;
	struct ur_err err;

	if (strcmp(q->hits_text, text) != 0) {
		drop_hits(q);
		ur_err_clear(&err);
		if (store_ui_queue_search(v->app->st, q->filter, v->app->today, text, &q->hits,
					  &q->nhits, &err) != UR_OK)
			return -1;
		snprintf(q->hits_text, sizeof q->hits_text, "%s", text);
	}
	if (!q->nhits)
		return -1;
	for (long i = from; i >= 0 && i < (long)q->n; i += dir)
		if (bsearch(&q->ids[i], q->hits, q->nhits, sizeof *q->hits, id_cmp))
			return i;
	return -1;
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
