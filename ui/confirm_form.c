/* confirm_form: pane 3's answer to a balance confirmation (残高確認 /
 * 对账) — agreed, or the customer's own balance and the reason — stored
 * with store_confirm_answer as `urikake confirm answer` stores it (a
 * different figure opens a dispute). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "draw.h"
#include "field.h"
#include "i18n.h"
#include "money.h"
#include "panes.h"
#include "store_confirm.h"
#include "xalloc.h"

enum af_field { AF_ANSWER, AF_BALANCE, AF_REASON, AF_COUNT };

struct aform {
	struct pane_customer c;
	int64_t ours;         /* the balance the confirmation states */
	int32_t as_of;
	char currency[8];     /* the confirmation's */
	struct field f[AF_COUNT]; /* the text fields (AF_ANSWER unused) */
	bool differs;         /* the customer states another balance */
	int focus;
	char err[sizeof ((struct ur_err *)0)->msg + 256]; /* why not recorded (shown in the form) */
};

static const char *const labels[AF_COUNT] = {
	N_("Answer"), N_("Their balance"), N_("Reason"),
};

/* A customer's latest confirmation: its figures and its currency. */
struct latest {
	struct confirm_row row; /* strings cleared */
	char currency[8];
};

static int
keep_latest(const struct confirm_row *r, void *ctx)
{
	struct latest *l = ctx;

	l->row = *r;
	snprintf(l->currency, sizeof l->currency, "%s", r->currency ? r->currency : "");
	l->row.code = l->row.name = l->row.currency = l->row.document = NULL;
	l->row.delivery = l->row.file = l->row.reason = l->row.user = NULL;
	return 0;
}

static bool
latest_get(struct app *a, int64_t customer_id, struct latest *l)
{
	struct ur_err err;

	memset(l, 0, sizeof *l);
	ur_err_clear(&err);
	if (store_confirm_latest(a->st, customer_id, keep_latest, l, &err) == UR_OK)
		return true;
	app_error(a, "%s", err.msg);
	return false;
}

static void
aform_free(void *ctx)
{
	struct aform *f = ctx;

	for (int i = 0; i < AF_COUNT; i++)
		field_free(&f->f[i]);
	free(f);
}

static void
aform_draw(struct app *a, void *ctx)
{
	struct aform *f = ctx;
	int y = 2, rows = AF_COUNT + 7, lw = 0, w;
	char buf[512], amt[64], day[32];

	for (int i = 0; i < AF_COUNT; i++)
		if (draw_width(_(labels[i])) > lw)
			lw = draw_width(_(labels[i]));
	lw += 2;
	w = COLS - 4 - lw;
	draw_box(y, 0, rows, COLS, UI_BORDER);
	snprintf(buf, sizeof buf, _(" Balance confirmation answer: %s %s "), f->c.code, f->c.name);
	draw_text(y, 2, COLS - 4, buf, TEXT_LEFT, UI_HEADER);
	app_money(f->ours, f->currency, amt, sizeof amt);
	settings_date(&a->set, f->as_of, day, sizeof day);
	draw_textf(y + 2, 2, COLS - 4, TEXT_LEFT, UI_OVERLAY, _("Our balance on %s: %s %s"), day,
		   amt, f->currency);
	for (int i = 0; i < AF_COUNT; i++) {
		int yy = y + 3 + i;
		bool off = i == AF_BALANCE && !f->differs;

		draw_text(yy, 2, lw, _(labels[i]), TEXT_LEFT,
			  i == f->focus ? UI_HEADER : off ? UI_MUTED : UI_OVERLAY);
		if (i == AF_ANSWER)
			draw_textf(yy, 2 + lw, w, TEXT_LEFT, i == f->focus ? UI_CURSOR : UI_OVERLAY,
				   "< %s >", f->differs ? _("they state another balance (disputed)")
							: _("agreed (the same balance)"));
		else if (off)
			draw_text(yy, 2 + lw, w, "-", TEXT_LEFT, UI_MUTED);
		else
			field_draw(&f->f[i], yy, 2 + lw, w, i == f->focus);
	}
	draw_text(y + rows - 3, 2, COLS - 4, f->err, TEXT_LEFT, UI_ERROR);
	draw_text(y + rows - 2, 2, COLS - 4, _("Tab next · Space choose · Enter record · Esc cancel"),
		  TEXT_LEFT, UI_MUTED);
}

/* The status line's words for the answer just recorded. */
static void
aform_told(struct app *a, const struct aform *f)
{
	struct latest l;
	char amt[64];

	if (!latest_get(a, f->c.id, &l))
		return;
	if (l.row.state == CONFIRM_DISPUTED) {
		app_money(l.row.difference, f->currency, amt, sizeof amt);
		app_msg(a, _("Recorded for %s: they disagree by %s %s; a dispute is open."), f->c.code,
			amt, f->currency);
		return;
	}
	app_money(f->ours, f->currency, amt, sizeof amt);
	app_msg(a, _("Recorded for %s: agreed, %s %s."), f->c.code, amt, f->currency);
}

/* Record the answer; false (the form closes) once it is recorded. */
static bool
aform_save(struct app *a, struct aform *f)
{
	const char *reason = f->f[AF_REASON].text.len ? f->f[AF_REASON].text.buf : NULL;
	int64_t theirs = 0;
	struct ur_err err;

	ur_err_clear(&err);
	if (f->differs && money_parse(f->f[AF_BALANCE].text.buf,
				      *f->c.currency ? f->c.currency : "JPY", &theirs,
				      &err) != UR_OK) {
		f->focus = AF_BALANCE;
		snprintf(f->err, sizeof f->err, "%s: %s", _(labels[AF_BALANCE]), err.msg);
		return true;
	}
	if (f->differs && !reason) {
		f->focus = AF_REASON;
		snprintf(f->err, sizeof f->err, "%s",
			 _("Say why the figures differ: the reason is needed."));
		return true;
	}
	if (store_confirm_answer(a->st, f->c.id, a->today, !f->differs, theirs, reason, &err) !=
	    UR_OK) {
		snprintf(f->err, sizeof f->err, "%s", err.msg);
		return true;
	}
	aform_told(a, f);
	app_refresh(a);
	return false;
}

static int
aform_step(const struct aform *f, int dir)
{
	int i = (f->focus + AF_COUNT + dir) % AF_COUNT;

	if (i == AF_BALANCE && !f->differs)
		i = (i + AF_COUNT + dir) % AF_COUNT;
	return i;
}

/* The focus is on a text field (not the choice): it takes typed keys. */
static bool
aform_editing(void *ctx)
{
	return ((struct aform *)ctx)->focus != AF_ANSWER;
}

static bool
aform_key(struct app *a, void *ctx, enum request req, int key)
{
	struct aform *f = ctx;

	if (key == UI_KEY_ESC || req == REQ_CANCEL)
		return false;
	if (key == UI_KEY_ENTER)
		return aform_save(a, f);
	if (key == '\t' || key == UI_KEY_FN + KEY_DOWN)
		f->focus = aform_step(f, 1);
	else if (key == UI_KEY_FN + KEY_BTAB || key == UI_KEY_FN + KEY_UP)
		f->focus = aform_step(f, -1);
	else if (f->focus == AF_ANSWER &&
		 (key == ' ' || key == UI_KEY_FN + KEY_RIGHT || key == UI_KEY_FN + KEY_LEFT))
		f->differs = !f->differs;
	else if (f->focus != AF_ANSWER)
		field_key(&f->f[f->focus], key);
	return true;
}

void
confirm_answer_open(struct app *a, const struct pane_customer *c)
{
	struct modal m = { aform_draw, aform_key, aform_free, NULL, aform_editing };
	struct latest l;
	struct aform *f;

	if (!latest_get(a, c->id, &l))
		return;
	if (l.row.state == CONFIRM_NOT_SENT)
		return app_error(a, _("No balance confirmation was sent to %s: there is no answer "
				      "to record."), c->code);
	if (l.row.state != CONFIRM_AWAITING)
		return app_error(a, _("%s's balance confirmation is %s: no answer is awaited."),
				 c->code, confirm_state_label(l.row.state));
	f = xcalloc(1, sizeof *f);
	f->c = *c;
	f->ours = l.row.balance;
	f->as_of = l.row.as_of;
	snprintf(f->currency, sizeof f->currency, "%s", l.currency);
	for (int i = 0; i < AF_COUNT; i++)
		field_init(&f->f[i]);
	m.ctx = f;
	app_modal(a, &m);
}
