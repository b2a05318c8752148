/* view_aging: pane 2 as far as this issue goes — each customer's open
 * receivables as of today in aging buckets (store_aging), searchable,
 * reached from the queue with the cursor on the deposit's customer. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "store.h"
#include "xalloc.h"

#define NBOUNDS 3

struct arow {
	char *code, *name;
	char currency[8];
	int64_t bucket[NBOUNDS + 2], total;
};

struct aging {
	struct arow *rows;
	size_t n, cap;
};

static int
collect(const struct aging_row *r, void *ctx)
{
	struct aging *g = ctx;
	struct arow *x;

	if (g->n == g->cap)
		g->rows = xrealloc(g->rows, (g->cap = g->cap ? 2 * g->cap : 256) * sizeof *g->rows);
	x = &g->rows[g->n++];
	x->code = xstrdup(r->code);
	x->name = xstrdup(r->name);
	snprintf(x->currency, sizeof x->currency, "%s", r->currency);
	memcpy(x->bucket, r->bucket, sizeof x->bucket);
	x->total = r->total;
	return 0;
}

static void
aging_drop(struct aging *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->rows[i].code);
		free(g->rows[i].name);
	}
	g->n = 0;
}

static void
aging_load(struct view *v)
{
	static const int bounds[NBOUNDS] = { 30, 60, 90 };
	struct aging *g = v->priv;
	struct ur_err err;

	aging_drop(g);
	ur_err_clear(&err);
	if (store_aging(v->app->st, v->app->today, bounds, NBOUNDS, collect, g, &err) != UR_OK)
		app_error(v->app, "%s", err.msg);
	app_move(v, v->cursor);
}

static void
aging_open(struct view *v)
{
	v->priv = xcalloc(1, sizeof(struct aging));
	aging_load(v);
}

static void
aging_close(struct view *v)
{
	struct aging *g = v->priv;

	aging_drop(g);
	free(g->rows);
	free(g);
	v->priv = NULL;
}

static long
aging_count(struct view *v)
{
	return (long)((struct aging *)v->priv)->n;
}

/* The amounts shown: all buckets when wide, else total, current,
 * overdue and oldest. */
static int
aging_cols(const struct arow *r, int64_t *out, const char **heads)
{
	static const char *const all[] = { N_("Total"), N_("Current"), N_("1-30"),
					   N_("31-60"), N_("61-90"), N_("Over 90") };
	static const char *const few[] = { N_("Total"), N_("Current"), N_("Overdue"),
					   N_("Over 90") };
	int wide = COLS >= 120;

	for (int i = 0; i < (wide ? 6 : 4); i++)
		heads[i] = wide ? all[i] : few[i];
	if (!r)
		return wide ? 6 : 4;
	out[0] = r->total;
	out[1] = r->bucket[0];
	if (wide) {
		for (int i = 1; i <= NBOUNDS + 1; i++)
			out[i + 1] = r->bucket[i];
		return 6;
	}
	out[2] = r->total - r->bucket[0];
	out[3] = r->bucket[NBOUNDS + 1];
	return 4;
}

static void
aging_draw(struct view *v, int y, int rows)
{
	struct aging *g = v->priv;
	const char *heads[6];
	int64_t amt[6];
	char date[32], buf[256];
	int nc = aging_cols(NULL, amt, heads), aw = 13, wn = COLS - 12 - nc * aw;
	long top;

	settings_date(&v->app->set, v->app->today, date, sizeof date);
	snprintf(buf, sizeof buf, _("Aged receivables as of %s · %zu customers"), date, g->n);
	draw_text(y, 0, COLS, buf, TEXT_LEFT, UI_TITLE);
	draw_text(y + 1, 0, 8, _("Code"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, 8, wn, _("Customer"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, 8 + wn, 4, "", TEXT_LEFT, UI_HEADER);
	for (int i = 0; i < nc; i++)
		draw_text(y + 1, 12 + wn + i * aw, aw, _(heads[i]), TEXT_RIGHT, UI_HEADER);
	top = app_list_top(v, rows - 2);
	for (long i = top; i < (long)g->n && i < top + rows - 2; i++) {
		struct arow *r = &g->rows[i];
		enum ui_elem e = i == v->cursor ? UI_CURSOR : UI_NORMAL;
		int yy = y + 2 + (int)(i - top);

		aging_cols(r, amt, heads);
		draw_text(yy, 0, 8, r->code, TEXT_LEFT, e);
		draw_text(yy, 8, wn, r->name, TEXT_LEFT, e);
		draw_textf(yy, 8 + wn, 4, TEXT_LEFT, e, " %s", r->currency);
		for (int k = 0; k < nc; k++) {
			app_money(amt[k], r->currency, buf, sizeof buf);
			draw_text(yy, 12 + wn + k * aw, aw, amt[k] ? buf : "-", TEXT_RIGHT, e);
		}
	}
	if (!g->n)
		draw_text(y + 3, 2, COLS - 4, _("No open receivables."), TEXT_LEFT, UI_MUTED);
}

static enum request
aging_request(struct view *v, enum request req)
{
	(void)v;
	return req;
}

static long
aging_find(struct view *v, const char *text, long from, int dir)
{
	struct aging *g = v->priv;

	for (long i = from; i >= 0 && i < (long)g->n; i += dir)
		if (strstr(g->rows[i].code, text) || strstr(g->rows[i].name, text))
			return i;
	return -1;
}

void
aging_goto(struct view *v, const char *code)
{
	struct aging *g = v->priv;

	for (size_t i = 0; i < g->n; i++)
		if (!strcmp(g->rows[i].code, code)) {
			app_move(v, (long)i);
			v->top = v->cursor;
			return;
		}
	app_msg(v->app, _("%s has no open receivables."), code);
}

const struct view_ops aging_ops = {
	.title = N_("Aging"),
	.section = KM_AGING,
	.open = aging_open,
	.close = aging_close,
	.reload = aging_load,
	.draw = aging_draw,
	.request = aging_request,
	.count = aging_count,
	.find = aging_find,
};
