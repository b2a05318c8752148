/* ui: ui_run — locale check, settings and keymap, opening the store,
 * starting curses and running the application loop. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "arconf.h"
#include "date.h"
#include "dayrows.h"
#include "display.h"
#include "draw.h"
#include "i18n.h"
#include "kvconf.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "ui.h"

/* data/keymap.default, compiled in by build-aux/embed.sh. */
extern const char ur_keymap_default[];

/* A UTF-8 character type is required: with LANG unset (often over SSH)
 * switch to C.UTF-8 and say so. */
static void
ui_locale(struct app *a)
{
	setlocale(LC_CTYPE, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8"))
		app_msg(a, "%s", _("The locale is not UTF-8 (LANG unset?): using C.UTF-8."));
	else
		app_error(a, "%s", _("No UTF-8 locale: CJK text may not show correctly."));
}

/* The user's config and keys files, read once: the screen's settings and
 * the receivables settings (the core's reader, as every command reads
 * them); problems go to the message line. */
static void
ui_user_files(struct app *a)
{
	struct strbuf errs;
	char *path, *text;

	sb_init(&errs);
	settings_default(&a->set);
	arconf_default(&a->conf);
	keymap_load(a->km, ur_keymap_default, "keymap.default", &errs);
	path = arconf_path();
	if ((text = sb_slurp(path))) {
		settings_parse(&a->set, text, path, &errs);
		arconf_parse(&a->conf, text, path, &errs);
	}
	free(text);
	free(path);
	path = kvconf_path("keys");
	if ((text = sb_slurp(path)))
		keymap_load(a->km, text, path, &errs);
	free(text);
	free(path);
	if (errs.len)
		app_error(a, "%s", errs.buf);
	sb_free(&errs);
	text_set_ambiguous_wide(a->set.ambiguous_wide);
}

/* The name for the audit log: --user, $URIKAKE_USER, the login. */
static const char *
ui_user(const char *u)
{
	struct passwd *pw;

	if (!u || !*u)
		u = getenv("URIKAKE_USER");
	if ((!u || !*u) && (pw = getpwuid(getuid())) != NULL)
		u = pw->pw_name;
	return u && *u ? u : "unknown";
}

static void
ui_free(struct app *a)
{
	app_modal(a, NULL);
	for (int i = 0; i < VIEW_COUNT; i++)
		if (a->views[i].priv)
			a->views[i].ops->close(&a->views[i]);
	dayrows_free(a->rows);
	keymap_free(a->km);
	sb_free(&a->msg);
	sb_free(&a->prompt.label);
	sb_free(&a->prompt.text);
	if (a->st)
		store_close(a->st);
}

bool
ui_available(void)
{
	return display_possible();
}

int
ui_run(const char *db_path, const char *user, const char *company, const char *notice,
       struct ur_err *err)
{
	static const struct view_ops *const ops[VIEW_COUNT] = { &queue_ops, &aging_ops,
								 &contacts_ops };
	struct app a;
	double start = app_now_ms();
	bool color;

	if (!display_possible())
		return ur_fail(err, UR_USAGE, "%s\n%s",
			       _("the full-screen interface needs a terminal"),
			       _("Usage: urikake [OPTIONS] COMMAND ... (urikake --help lists the "
				 "commands)"));
	memset(&a, 0, sizeof a);
	app_memory_init();
	sb_init(&a.msg);
	sb_init(&a.prompt.label);
	sb_init(&a.prompt.text);
	a.km = keymap_new();
	a.rows = dayrows_new();
	a.db_path = db_path;
	a.today = date_today();
	ui_locale(&a);
	ui_user_files(&a);
	/* Lines as Unicode in our UTF-8 text, not the terminal's alternate
	 * character set: not every terminal switches to it (in tmux under
	 * another TERM the rules read qqqq), whatever the locale. Ambiguous
	 * characters drawn wide would break them: the set's lines stay then. */
	if (!a.set.ambiguous_wide)
		setenv("NCURSES_NO_UTF8_ACS", "1", 0);
	if (store_open(&a.st, db_path, ui_user(user), err) != UR_OK ||
	    (company && store_use_company(a.st, company, err) != UR_OK) ||
	    display_init(err) != UR_OK) {
		ui_free(&a);
		return err->status;
	}
	a.user = store_user(a.st);
	atomic_store(&a.company, store_company_id(a.st));
	store_listen(a.st);
	color = !a.set.mono && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
	draw_init(color, a.set.ascii_borders);
	for (int i = 0; i < VIEW_COUNT; i++) {
		a.views[i].ops = ops[i];
		a.views[i].app = &a;
	}
	app_show(&a, VIEW_QUEUE);
	app_counts(&a);
	if (!store_company_id(a.st))
		company_pick_open(&a);
	if (notice)
		app_msg(&a, "%s", notice);
	app_loop(&a, start);
	display_end();
	ui_free(&a);
	return UR_OK;
}
