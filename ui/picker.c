/* picker: a modal list of customers to choose one from (assigning a payer,
 * or adding a customer to the pick form it opens over). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "queue.h"

struct picker {
	struct sui_customer *c;
	int n;
	long cursor, top;
	queue_pick_fn fn;
	struct modal under; /* the form it opened over (ctx NULL: none) */
};

static void
picker_free(void *ctx)
{
	struct picker *p = ctx;

	sui_customers_free(p->c, p->n);
	free(p->c);
	if (p->under.ctx && p->under.free)
		p->under.free(p->under.ctx);
	free(p);
}

/* Put the form the picker opened over back on top (which frees the
 * picker): true when there was one, and the modal layer stays open. */
static bool
picker_close(struct app *a, struct picker *p)
{
	return app_modal_back(a, &p->under);
}

static void
picker_draw(struct app *a, void *ctx)
{
	struct picker *p = ctx;
	int y = 3, rows = LINES - 7, list = rows - 3, w = COLS - 4;
	enum ui_elem e;

	if (p->under.ctx)
		p->under.draw(a, p->under.ctx);
	draw_box(y, 0, rows, COLS, UI_BORDER);
	draw_text(y, 3, COLS - 6, _(" Choose the customer (Enter) "), TEXT_LEFT, UI_HEADER);
	draw_list_scroll(p->cursor, &p->top, list);
	for (long i = p->top; i < p->n && i < p->top + list; i++) {
		int r = y + 1 + (int)(i - p->top);

		e = i == p->cursor ? UI_CURSOR : UI_OVERLAY;
		draw_text(r, 2, 10, p->c[i].code, TEXT_LEFT, e);
		draw_text(r, 12, w / 2 - 10, p->c[i].name, TEXT_LEFT, e);
		draw_text(r, 2 + w / 2, w - w / 2, p->c[i].kana, TEXT_LEFT, e);
	}
}

static bool
picker_key(struct app *a, void *ctx, enum request req, int key)
{
	struct picker *p = ctx;

	(void)key;
	switch (req) {
	case REQ_ACCEPT:
	case REQ_TOGGLE:
		p->fn(a, &p->c[p->cursor], p->under.ctx);
		return picker_close(a, p);
	case REQ_CANCEL: return picker_close(a, p);
	default:
		draw_list_move(req, &p->cursor, p->n, 10);
		return true;
	}
}

static struct picker *
picker_new(struct sui_customer *c, int n, queue_pick_fn fn)
{
	struct picker *p = calloc(1, sizeof *p);

	if (!p || !(p->c = calloc((size_t)n, sizeof *c)))
		abort();
	memcpy(p->c, c, (size_t)n * sizeof *c);
	p->n = n;
	p->fn = fn;
	return p;
}

void
queue_picker_open(struct app *a, struct sui_customer *c, int n, queue_pick_fn fn)
{
	struct picker *p = picker_new(c, n, fn);
	struct modal m = { picker_draw, picker_key, picker_free, p, NULL };

	app_modal(a, &m);
}

void
queue_picker_over(struct app *a, struct sui_customer *c, int n, queue_pick_fn fn)
{
	struct picker *p = picker_new(c, n, fn);
	struct modal m = { picker_draw, picker_key, picker_free, p, NULL };

	app_modal_detach(a, &p->under);
	app_modal(a, &m);
}

void
queue_picker_find(struct app *a, const char *text, bool over, queue_pick_fn fn)
{
	struct sui_customer c[50];
	struct ur_err err;
	int n = 0;

	ur_err_clear(&err);
	if (store_ui_customer_find(a->st, text, 50, c, &n, &err) != UR_OK)
		return app_error(a, "%s", err.msg);
	if (n == 0)
		return app_error(a, _("No customer matches %s."), text);
	if (over)
		queue_picker_over(a, c, n, fn);
	else
		queue_picker_open(a, c, n, fn);
}
