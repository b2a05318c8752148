/* contact_form: recording a call (or e-mail, letter, visit, SMS) in one
 * form — channel, direction, the note (edited in place or in $EDITOR),
 * outcome, a promise to pay (date and amount) and the next action (date
 * and owner) — stored with store_contact_add (audited). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "contact.h"
#include "date.h"
#include "display.h"
#include "draw.h"
#include "field.h"
#include "i18n.h"
#include "money.h"
#include "panes.h"
#include "store_contact.h"
#include "strbuf.h"
#include "xalloc.h"

enum cf_field { CF_CHANNEL, CF_DIRECTION, CF_NOTE, CF_OUTCOME, CF_PROMISE_DATE,
		CF_PROMISE_AMOUNT, CF_NEXT_DATE, CF_NEXT_OWNER, CF_COUNT };

struct cform {
	struct pane_customer c;
	struct field f[CF_COUNT]; /* the text fields (choices unused) */
	int channel, inbound, owner;
	int focus;
};

static const char *const labels[CF_COUNT] = {
	N_("Channel"), N_("Direction"), N_("Note"), N_("Outcome"), N_("Promise date"),
	N_("Promise amount"), N_("Next action"), N_("Next owner"),
};

static bool
is_choice(int i)
{
	return i == CF_CHANNEL || i == CF_DIRECTION || i == CF_NEXT_OWNER;
}

static void
cform_free(void *ctx)
{
	struct cform *f = ctx;

	for (int i = 0; i < CF_COUNT; i++)
		field_free(&f->f[i]);
	free(f);
}

static const char *
choice_text(const struct cform *f, int i)
{
	static const char *const owners[] = { N_("(none)"), N_("sales"), N_("accounting") };

	if (i == CF_CHANNEL)
		return contact_channel_label(contact_channel_name((enum contact_channel)f->channel));
	if (i == CF_DIRECTION)
		return f->inbound ? _("in (they called us)") : _("out (we contacted them)");
	return _(owners[f->owner]);
}

static void
cform_draw(struct app *a, void *ctx)
{
	struct cform *f = ctx;
	int y = 2, rows = CF_COUNT + 5, lw = 0, w;
	char buf[512];

	(void)a;
	for (int i = 0; i < CF_COUNT; i++)
		if (draw_width(_(labels[i])) > lw)
			lw = draw_width(_(labels[i]));
	lw += 2;
	w = COLS - 4 - lw;
	draw_box(y, 0, rows, COLS, UI_BORDER);
	snprintf(buf, sizeof buf, _(" Record a contact: %s %s "), f->c.code, f->c.name);
	draw_text(y, 2, COLS - 4, buf, TEXT_LEFT, UI_HEADER);
	for (int i = 0; i < CF_COUNT; i++) {
		int yy = y + 2 + i;

		draw_text(yy, 2, lw, _(labels[i]), TEXT_LEFT, i == f->focus ? UI_HEADER : UI_OVERLAY);
		if (is_choice(i))
			draw_textf(yy, 2 + lw, w, TEXT_LEFT, i == f->focus ? UI_CURSOR : UI_OVERLAY,
				   "< %s >", choice_text(f, i));
		else
			field_draw(&f->f[i], yy, 2 + lw, w, i == f->focus);
	}
	draw_text(y + rows - 2, 2, COLS - 4,
		  _("Tab next · Space choose · C-e note in $EDITOR · Enter save · Esc cancel"),
		  TEXT_LEFT, UI_MUTED);
}

/* Parse an optional date field into *day (0 when empty). */
static bool
opt_date(struct app *a, struct cform *f, int i, int32_t *day)
{
	struct ur_err err;

	*day = 0;
	if (!f->f[i].text.len)
		return true;
	ur_err_clear(&err);
	if (date_parse(f->f[i].text.buf, day, &err) == UR_OK)
		return true;
	f->focus = i;
	app_error(a, "%s: %s", _(labels[i]), err.msg);
	return false;
}

/* Fill k from the form; false (with the message shown) when a field is bad. */
static bool
cform_contact(struct app *a, struct cform *f, struct contact *k)
{
	struct ur_err err;

	memset(k, 0, sizeof *k);
	k->customer_id = f->c.id;
	k->channel = (enum contact_channel)f->channel;
	k->inbound = f->inbound;
	k->note = f->f[CF_NOTE].text.buf;
	k->outcome = f->f[CF_OUTCOME].text.len ? f->f[CF_OUTCOME].text.buf : NULL;
	k->next_owner = (enum contact_owner)f->owner;
	if (!opt_date(a, f, CF_PROMISE_DATE, &k->promise_date) ||
	    !opt_date(a, f, CF_NEXT_DATE, &k->next_date))
		return false;
	if (f->f[CF_PROMISE_AMOUNT].text.len) {
		ur_err_clear(&err);
		if (money_parse(f->f[CF_PROMISE_AMOUNT].text.buf, f->c.currency, &k->promise_amount,
				&err) != UR_OK) {
			f->focus = CF_PROMISE_AMOUNT;
			app_error(a, "%s: %s", _(labels[CF_PROMISE_AMOUNT]), err.msg);
			return false;
		}
	}
	if (!k->promise_date != !f->f[CF_PROMISE_AMOUNT].text.len) {
		f->focus = k->promise_date ? CF_PROMISE_AMOUNT : CF_PROMISE_DATE;
		app_error(a, "%s", _("A promise needs both a date and an amount."));
		return false;
	}
	return true;
}

static bool
cform_save(struct app *a, struct cform *f)
{
	struct contact k;
	struct ur_err err;
	char day[32], amt[MONEY_BUFSZ];

	if (!cform_contact(a, f, &k))
		return true;
	ur_err_clear(&err);
	if (store_contact_add(a->st, &k, a->today, NULL, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return true;
	}
	if (k.promise_date) {
		settings_date(&a->set, k.promise_date, day, sizeof day);
		money_format(k.promise_amount, f->c.currency, MONEY_GROUP, amt, sizeof amt);
		app_msg(a, _("Recorded for %s: promise %s %s by %s."), f->c.code, amt, f->c.currency,
			day);
	} else {
		app_msg(a, _("Recorded a contact for %s."), f->c.code);
	}
	app_refresh(a);
	return false;
}

/* Run $VISUAL, else $EDITOR, else vi on path as system() would (Ctrl-C
 * and Ctrl-\ go to the editor alone), the file given to the shell as $1,
 * never as part of the command: a TMPDIR with quotes or $(…) runs nothing. */
static bool
run_editor(const char *path)
{
	static const char script[] = "exec ${VISUAL:-${EDITOR:-vi}} \"$1\"";
	char *argv[] = { unconst("sh"), unconst("-c"), unconst(script), unconst("sh"),
			 unconst(path), NULL };
	struct sigaction ign, old_int, old_quit;
	posix_spawnattr_t attr;
	extern char **environ;
	sigset_t dflt;
	pid_t pid;
	int status = -1, rc;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	sigemptyset(&dflt);
	sigaddset(&dflt, SIGINT);
	sigaddset(&dflt, SIGQUIT);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigdefault(&attr, &dflt);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawn(&pid, "/bin/sh", NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	while (rc == 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return rc == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Edit the note in the editor through a temporary file. */
static void
cform_editor(struct app *a, struct cform *f)
{
	const char *tmp = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char path[4096], *text;
	FILE *fp;
	bool ok;
	int fd;

	snprintf(path, sizeof path, "%s/urikake-note-XXXXXX", tmp);
	if ((fd = mkstemp(path)) < 0 || !(fp = fdopen(fd, "w"))) {
		app_error(a, _("cannot create a temporary file in %s"), tmp);
		return;
	}
	fputs(f->f[CF_NOTE].text.buf, fp);
	fclose(fp);
	if (!display_headless())
		endwin();
	ok = run_editor(path);
	if (!display_headless()) {
		refresh();
		clearok(curscr, TRUE);
	}
	if (!ok) {
		app_error(a, "%s", _("The editor failed: the note is unchanged."));
	} else if ((text = sb_slurp(path))) {
		size_t n = strlen(text);

		while (n && (text[n - 1] == '\n' || text[n - 1] == '\r'))
			text[--n] = '\0';
		field_set(&f->f[CF_NOTE], text);
		free(text);
	}
	unlink(path);
	f->focus = CF_NOTE;
}

static void
cform_choose(struct cform *f, int dir)
{
	if (f->focus == CF_CHANNEL)
		f->channel = (f->channel + CONTACT_CHANNELS + dir) % CONTACT_CHANNELS;
	else if (f->focus == CF_DIRECTION)
		f->inbound = !f->inbound;
	else
		f->owner = (f->owner + 3 + dir) % 3;
}

/* The focus is on a text field (not a choice): it takes typed keys. */
static bool
cform_editing(void *ctx)
{
	return !is_choice(((struct cform *)ctx)->focus);
}

static bool
cform_key(struct app *a, void *ctx, enum request req, int key)
{
	struct cform *f = ctx;

	if (key == UI_KEY_ESC || req == REQ_CANCEL)
		return false;
	if (key == UI_KEY_ENTER)
		return cform_save(a, f);
	if (key == 5 /* C-e */)
		cform_editor(a, f);
	else if (key == '\t' || key == UI_KEY_FN + KEY_DOWN)
		f->focus = (f->focus + 1) % CF_COUNT;
	else if (key == UI_KEY_FN + KEY_BTAB || key == UI_KEY_FN + KEY_UP)
		f->focus = (f->focus + CF_COUNT - 1) % CF_COUNT;
	else if (is_choice(f->focus) && (key == ' ' || key == UI_KEY_FN + KEY_RIGHT))
		cform_choose(f, 1);
	else if (is_choice(f->focus) && key == UI_KEY_FN + KEY_LEFT)
		cform_choose(f, -1);
	else if (!is_choice(f->focus))
		field_key(&f->f[f->focus], key);
	return true;
}

void
contact_form_open(struct app *a, const struct pane_customer *c)
{
	struct cform *f = xcalloc(1, sizeof *f);
	struct modal m = { cform_draw, cform_key, cform_free, f, cform_editing };

	f->c = *c;
	for (int i = 0; i < CF_COUNT; i++)
		field_init(&f->f[i]);
	f->focus = CF_NOTE;
	app_modal(a, &m);
}
