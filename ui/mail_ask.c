/* mail_ask: the e-mail key (m) of the previews and of pane 3's digest —
 * whether the customer has an address to send to (said on the preview's
 * hint line before the key is pressed), our mail settings, and a box that
 * shows the address, the subject and the attachment before anything goes.
 * The mail itself goes through src/run/mailout.h, as the commands' --email:
 * handed to the mail command and, to a customer, logged as a contact. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "company_src.h"
#include "digest.h"
#include "draw.h"
#include "i18n.h"
#include "kvconf.h"
#include "panes.h"
#include "xalloc.h"

/* The settings file named in messages when there is no home to find it. */
#define DEFAULT_SETTINGS "~/.config/urikake/company"

enum ui_mail_state
ui_mail_why_not(struct app *a, int64_t id, const char *code, char **why)
{
	struct mailout m = { .st = a->st };
	enum ui_mail_state s = UI_MAIL_NONE;
	struct ur_err err;
	struct strbuf sb;
	char *address = NULL;

	ur_err_clear(&err);
	sb_init(&sb);
	if (!id)
		sb_addf(&sb, _("deposit %s is not from a customer we know: no address to e-mail "
			       "to (p prints the notice)"), code);
	else if (mailout_address(&m, code, &address, &err) != UR_OK) {
		sb_adds(&sb, err.msg);
		s = UI_MAIL_BAD;
	} else if (!address)
		sb_addf(&sb, _("customer %s has no e-mail address"), code);
	else
		s = UI_MAIL_OK;
	free(address);
	*why = s == UI_MAIL_OK ? NULL : sb_detach(&sb);
	sb_free(&sb);
	return s;
}

const char *
ui_mail_hint(enum ui_mail_state s)
{
	switch (s) {
	case UI_MAIL_NONE: return _("m e-mail: no address");
	case UI_MAIL_BAD: return _("m e-mail: address not valid");
	default: return _("m e-mail");
	}
}

void
ui_mail_free(struct ui_mail *u)
{
	if (!u)
		return;
	mailout_free(&u->m);
	mailout_to_free(&u->t);
	company_free(&u->co);
	free(u->file);
	if (u->under.ctx && u->under.free)
		u->under.free(u->under.ctx);
	free(u);
}

struct ui_mail *
ui_mail_new(struct app *a)
{
	struct ui_mail *u = xcalloc(1, sizeof *u);
	bool found;

	ur_err_clear(&u->err);
	u->file = kvconf_path("company");
	u->shown = u->file ? u->file : DEFAULT_SETTINGS;
	u->m.st = a->st;
	u->m.company = &u->co;
	u->m.day = a->today;
	u->rc = company_src_load(a->st, u->file, &u->co, &found, &u->err);
	if (u->rc == UR_OK)
		u->rc = mailout_setup(&u->m, u->shown, &u->err);
	return u;
}

/* One labelled line of the box: the label right-aligned in lw cells. */
static void
draw_field(int y, int x, int lw, int w, const char *label, const char *text, int rows)
{
	draw_text(y, x, lw, label, TEXT_RIGHT, UI_MUTED);
	draw_wrapped(y, x + lw + 1, rows, w - lw - 1, text, UI_OVERLAY);
}

/* The mail prepared: to whom, about what, carrying which file, and
 * whether it is logged, from row y of a box at x, w wide. */
static void
draw_mail(const struct ui_mail *u, int y, int x, int w)
{
	const char *label[] = { _("To:"), _("Subject:"), _("Attached:") };
	char to[512];
	int lw = 0;

	for (size_t i = 0; i < sizeof label / sizeof *label; i++)
		if (draw_width(label[i]) > lw)
			lw = draw_width(label[i]);
	if (strchr(u->t.address, '<')) /* named already: "鈴木 美咲 <suzuki@…>" */
		snprintf(to, sizeof to, "%s", u->t.address);
	else
		snprintf(to, sizeof to, "%s <%s>", u->t.name, u->t.address);
	draw_field(y, x, lw, w, label[0], to, 1);
	draw_field(y + 1, x, lw, w, label[1], u->m.subject.buf, 2);
	draw_field(y + 3, x, lw, w, label[2], u->t.file_name, 1);
	draw_text(y + 4, x, w,
		  u->t.customer_id ? _("Once sent, it is logged in the customer's contact log.")
				   : _("To a colleague: not logged as a contact."),
		  TEXT_LEFT, UI_MUTED);
}

/* A box over the layer below (the full width: no wide character under
 * its sides is cut): the mail (once prepared), why it cannot go (when it
 * cannot), and the keys. */
static void
ask_draw(struct app *a, void *ctx)
{
	struct ui_mail *u = ctx;
	int rows = u->rc == UR_OK ? 8 : 11, w = COLS, y = (LINES - rows) / 2, x = 0;

	if (u->under.ctx)
		u->under.draw(a, u->under.ctx);
	draw_box(y, x, rows, w, UI_BORDER);
	draw_text(y, x + 2, w - 4, u->rc == UR_OK ? _(" Send by e-mail? ") : _(" Not sent "),
		  TEXT_LEFT, UI_HEADER);
	if (u->t.file_name)
		draw_mail(u, y + 1, x + 2, w - 4);
	if (u->rc != UR_OK && u->t.file_name)
		draw_wrapped(y + 6, x + 2, 3, w - 4, u->err.msg, UI_ERROR);
	else if (u->rc != UR_OK)
		draw_wrapped(y + 1, x + 2, rows - 3, w - 4, u->err.msg, UI_ERROR);
	draw_text(y + rows - 2, x + 2, w - 4,
		  u->rc == UR_OK	? _("Enter or y send · Esc back")
		  : u->t.file_name ? _("Enter or y try again · Esc back")
				   : _("Esc back"),
		  TEXT_LEFT, UI_MUTED);
}

/* Compose u's message and hand it over; the message line says how it
 * went. False, the box saying why, when it did not go. */
static bool
ask_send(struct app *a, struct ui_mail *u)
{
	ur_err_clear(&u->err);
	u->rc = mailout_compose(&u->m, &u->t, &u->err);
	if (u->rc == UR_OK)
		u->rc = mailout_deliver(&u->m, &u->t, &u->err);
	a->msg_error = false;
	if (u->m.sent && u->sent)
		u->sent(a, u->under.ctx);
	if (u->m.logged)
		app_refresh(a);
	if (u->rc != UR_OK) {
		app_error(a, "%s", u->err.msg);
		return u->m.sent; /* went, but not logged: said, nothing to try again */
	}
	if (a->msg_error)
		return true; /* went, but what the layer below does then failed: said */
	if (u->m.logged)
		app_msg(a, _("E-mailed to %s; it is in the contact log."), u->t.address);
	else
		app_msg(a, _("E-mailed to %s."), u->t.address);
	return true;
}

/* Enter or y sends; the box closes once the mail went (or Esc): the
 * layer it asked over back on top, else none (false). */
static bool
ask_key(struct app *a, void *ctx, enum request req, int key)
{
	struct ui_mail *u = ctx;
	bool yes = req == REQ_ACCEPT || (req == REQ_NONE && (key == 'y' || key == 'Y'));

	if (yes && u->t.file_name && ask_send(a, u))
		return app_modal_back(a, &u->under);
	if (req == REQ_CANCEL || req == REQ_QUIT) {
		app_msg(a, "%s", _("Nothing was sent."));
		return app_modal_back(a, &u->under);
	}
	return true;
}

static void
ask_free(void *ctx)
{
	ui_mail_free(ctx);
}

void
ui_mail_ask(struct app *a, struct ui_mail *u, void (*sent)(struct app *a, void *under))
{
	struct modal m = { ask_draw, ask_key, ask_free, u, NULL };

	if (u->rc != UR_OK) {
		app_error(a, "%s", u->err.msg);
		mailout_to_free(&u->t); /* not prepared: nothing to show or try again */
	}
	u->sent = sent;
	app_modal_detach(a, &u->under);
	app_modal(a, &m);
}

void
ui_mail_digest(struct app *a, const char *rep, const struct digest *g)
{
	struct ui_mail *u = ui_mail_new(a);
	const char *address;

	if (u->rc == UR_OK)
		u->rc = mailout_rep_address(&u->co, rep, u->shown, &address, &u->err);
	if (u->rc == UR_OK)
		u->rc = mailout_digest_doc(&u->m, "digest", g, digest_lang(), a->today, rep, address,
					   &u->t, &u->err);
	ui_mail_ask(a, u, NULL);
}
