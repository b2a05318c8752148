/* company_pick: the client company to work in, chosen at the start when
 * the database keeps several open to the clerk and none was asked for
 * (--company): a modal list like the customer picker's, of the companies
 * open to the clerk only; Enter chooses, q quits. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "store.h"

struct company_pick {
	struct store_company *c;
	int n;
	long cursor, top;
};

static void
pick_free(void *ctx)
{
	struct company_pick *p = ctx;

	store_company_free(p->c, p->n);
	free(p);
}

static void
pick_draw(struct app *a, void *ctx)
{
	struct company_pick *p = ctx;
	int y = 3, rows = LINES - 7, list = rows - 3;

	(void)a;
	draw_box(y, 0, rows, COLS, UI_BORDER);
	draw_text(y, 3, COLS - 6, _(" Choose the company (Enter; q quits) "), TEXT_LEFT, UI_HEADER);
	draw_list_scroll(p->cursor, &p->top, list);
	for (long i = p->top; i < p->n && i < p->top + list; i++) {
		enum ui_elem e = i == p->cursor ? UI_CURSOR : UI_OVERLAY;
		int r = y + 1 + (int)(i - p->top);

		draw_text(r, 2, 18, p->c[i].code, TEXT_LEFT, e);
		draw_text(r, 20, COLS - 22, p->c[i].name, TEXT_LEFT, e);
	}
}

/* Work in company i from now on: the panes and counts are its. */
static void
pick_choose(struct app *a, struct company_pick *p)
{
	struct ur_err err;

	ur_err_clear(&err);
	if (store_use_company(a->st, p->c[p->cursor].code, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return;
	}
	atomic_store(&a->company, store_company_id(a->st));
	app_refresh(a);
}

static bool
pick_key(struct app *a, void *ctx, enum request req, int key)
{
	struct company_pick *p = ctx;

	(void)key;
	switch (req) {
	case REQ_ACCEPT:
	case REQ_TOGGLE:
		pick_choose(a, p);
		return !store_company_id(a->st);
	case REQ_CANCEL:
	case REQ_QUIT:
		a->quit = true;
		return false;
	default:
		draw_list_move(req, &p->cursor, p->n, 10);
		return true;
	}
}

void
company_pick_open(struct app *a)
{
	struct company_pick *p = calloc(1, sizeof *p);
	struct modal m = { pick_draw, pick_key, pick_free, p, NULL };
	struct ur_err err;

	if (!p)
		abort();
	ur_err_clear(&err);
	if (store_company_list(a->st, &p->c, &p->n, &err) != UR_OK || p->n == 0) {
		if (err.status == UR_OK)
			ur_fail(&err, UR_USAGE, _("no company in this database is open to %s: ask "
						  "whoever keeps it to run urikake company grant "
						  "CODE %s"), store_login(a->st), store_login(a->st));
		free(p);
		app_error(a, "%s", err.msg);
		return;
	}
	app_modal(a, &m);
}
