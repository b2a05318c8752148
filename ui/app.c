/* app: ui_run, the main loop, the title and status lines, generic
 * movement, pane switching, incremental search and following the database
 * (store_data_version polled while waiting for keys; on PostgreSQL the
 * wait also wakes when a notification of another clerk's commit arrives). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "date.h"
#include "dayrows.h"
#include "display.h"
#include "draw.h"
#include "i18n.h"
#include "loader.h"
#include "money.h"
#include "store.h"
#include "store_ui.h"

#define POLL_MS 250
#define LOAD_POLL_MS 20     /* while a pane loads: wake to redraw the progress */
#define AHEAD_POLL_MS 100   /* while a hidden pane loads: wake to start the next */
#define LOADER_CACHE_KIB 1024 /* page cache of each pane's own connection */

static void __attribute__((format(printf, 3, 0)))
app_vmsg(struct app *a, bool error, const char *fmt, va_list ap)
{
	char buf[1024];

	vsnprintf(buf, sizeof buf, fmt, ap);
	sb_reset(&a->msg);
	sb_adds(&a->msg, buf);
	a->msg_error = error;
}

void
app_msg(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	app_vmsg(a, false, fmt, ap);
	va_end(ap);
}

void
app_error(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	app_vmsg(a, true, fmt, ap);
	va_end(ap);
}

void
app_money(int64_t v, const char *cur, char *buf, size_t size)
{
	money_format(v, cur, MONEY_GROUP, buf, size);
}

/* The units of compact amounts, from the catalogue: three words count in
 * thousands (K M B), two in ten thousands (万 億). */
static const struct money_units *
compact_units(void)
{
	/* TRANSLATORS: units of amounts shortened for narrow columns: three
	   words count in thousands, millions, billions ("K M B"); two words
	   count in ten thousands and hundred millions (万 億 / 万 亿). */
	const char *spec = _("K M B");
	static const char *parsed;
	static char words[64];
	static struct money_units u;
	char *w, *save;

	if (spec == parsed)
		return &u;
	parsed = spec;
	snprintf(words, sizeof words, "%s", spec);
	u.n = 0;
	for (w = strtok_r(words, " ", &save); w && u.n < 3; w = strtok_r(NULL, " ", &save))
		u.name[u.n++] = w;
	u.step = u.n == 2 ? 10000 : 1000;
	return &u;
}

void
app_money_compact(int64_t v, const char *cur, int cells, char *buf, size_t size)
{
	money_format_compact(v, cur, compact_units(), cells, buf, size);
}

void
app_modal(struct app *a, const struct modal *m)
{
	if (a->modal) {
		if (a->modal->free)
			a->modal->free(a->modal->ctx);
		free(a->modal);
	}
	a->modal = NULL;
	if (m) {
		a->modal = malloc(sizeof *m);
		if (a->modal)
			*a->modal = *m;
	}
}

bool
app_modal_back(struct app *a, struct modal *under)
{
	struct modal m = *under;

	if (!m.ctx)
		return false;
	under->ctx = NULL;
	app_modal(a, &m);
	return true;
}

void
app_modal_detach(struct app *a, struct modal *out)
{
	memset(out, 0, sizeof *out);
	if (a->modal)
		*out = *a->modal;
	free(a->modal);
	a->modal = NULL;
}

struct loader *
app_loader(struct app *a)
{
	struct loader *l = loader_new(a->db_path, a->user, LOADER_CACHE_KIB);

	loader_company(l, &a->company);
	return l;
}

bool
app_poll_loader(struct view *v, struct loader *l, bool wait,
		void (*swap)(struct view *v, void *work))
{
	struct ur_err err;
	void *w;

	switch (loader_take(l, wait, &w, &err)) {
	case LOADER_READY: swap(v, w); break;
	case LOADER_FAILED: app_error(v->app, "%s", err.msg); break;
	case LOADER_BUSY: return true;
	case LOADER_IDLE: break;
	}
	return loader_busy(l);
}

void
app_loading(int y, struct loader *l, const char *what, const char *extra)
{
	static const char spin[] = "|/-\\";
	double ms = loader_elapsed_ms(l);
	char buf[512];
	int w;

	snprintf(buf, sizeof buf, _("%c loading %s… %.1f s"), spin[(long)(ms / 125) % 4], what,
		 ms / 1000);
	if (extra && *extra)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " · %s", extra);
	w = draw_width(buf) + 2;
	if (w > COLS)
		w = COLS;
	draw_text(y, COLS - w, w, buf, TEXT_RIGHT, UI_TITLE);
}

void
app_memory_init(void)
{
#ifdef __GLIBC__
	/* Models of megabytes come and go with every load: mapped on their own
	 * and given back when freed. (glibc would raise the threshold past
	 * the first one freed and keep the later ones in the heap, where a
	 * swapped-out model's memory stays resident.) Not lower: smaller
	 * blocks made and freed over and over would each be mapped anew. */
	mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}

void
app_trim(struct app *a)
{
	dayrows_trim(a->rows);
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

static struct view *
cur_view(struct app *a)
{
	return &a->views[a->cur];
}

void
app_show(struct app *a, int i)
{
	struct view *v = &a->views[i];

	if (!v->priv)
		v->ops->open(v);
	a->cur = i;
}

void
app_counts(struct app *a)
{
	struct ur_err err;
	/* the version before the reads: a commit between them is seen next time */
	int64_t dv = store_data_version(a->st);

	ur_err_clear(&err);
	if (store_ui_counts(a->st, a->today, &a->counts, &err) != UR_OK)
		app_error(a, "%s", err.msg);
	a->data_version = dv;
}

void
app_refresh(struct app *a)
{
	int64_t dv = store_data_version(a->st);

	app_counts(a);
	a->generation++;
	for (int i = 0; i < VIEW_COUNT; i++)
		if (a->views[i].priv)
			a->views[i].ops->reload(&a->views[i]);
	a->data_version = dv;
}

void
app_move(struct view *v, long pos)
{
	long n = v->ops->count(v);

	if (pos >= n)
		pos = n - 1;
	if (pos < 0)
		pos = 0;
	v->cursor = pos;
}

long
app_list_top(struct view *v, int rows)
{
	v->page = rows > 0 ? rows : 1;
	if (v->cursor < v->top)
		v->top = v->cursor;
	if (v->cursor >= v->top + v->page)
		v->top = v->cursor - v->page + 1;
	if (v->top < 0)
		v->top = 0;
	return v->top;
}

static void
draw_tabs(struct app *a)
{
	static const char *const names[VIEW_COUNT] = {
		N_("Queue"), N_("Aging"), N_("Contacts"),
	};
	int x = 0, w;
	char buf[128];

	/* the keys of help and quit are on the hint bar, from the keymap */
	draw_text(0, 0, COLS, "", TEXT_LEFT, UI_TAB);
	for (int i = 0; i < VIEW_COUNT && x < COLS; i++) {
		snprintf(buf, sizeof buf, " %d %s ", i + 1, _(names[i]));
		w = draw_width(buf);
		draw_text(0, x, w, buf, TEXT_LEFT, i == a->cur ? UI_TAB_ACTIVE : UI_TAB);
		x += w + 1;
	}
}

static void
draw_status(struct app *a, int y)
{
	char *name = store_name_short(a->db_path), date[32], left[512], right[256];
	int w;

	settings_date(&a->set, a->today, date, sizeof date);
	snprintf(right, sizeof right, _("unmatched %lld · auto-matched %lld, by you %lld "),
		 (long long)a->counts.unmatched, (long long)a->counts.auto_today,
		 (long long)a->counts.mine_today);
	/* the company when there are several (one needs no naming): its code
	 * and name, else its code, else its code in the database's place,
	 * whichever leaves the counts room beside it */
	if (store_company_several(a->st)) {
		/* TRANSLATORS: the database, the client company's code and name,
		 * the user, the day */
		snprintf(left, sizeof left, _(" %s · %s %s · %s · as of %s"),
			 name, store_company_code(a->st),
			 store_company_name(a->st), a->user, date);
		if (draw_width(left) + draw_width(right) > COLS)
			/* TRANSLATORS: the database, the client company's code, the
			 * user, the day */
			snprintf(left, sizeof left, _(" %s · %s · %s · as of %s"), name,
				 store_company_code(a->st), a->user, date);
		if (draw_width(left) + draw_width(right) > COLS) /* the company before the file */
			snprintf(left, sizeof left, _(" %s · %s · as of %s"),
				 store_company_code(a->st), a->user, date);
	} else {
		snprintf(left, sizeof left, _(" %s · %s · as of %s"), name, a->user, date);
	}
	free(name);
	/* the counts keep what the left part leaves, and at least half */
	w = draw_width(right);
	if (w > COLS - draw_width(left) && w > COLS / 2)
		w = COLS - draw_width(left) > COLS / 2 ? COLS - draw_width(left) : COLS / 2;
	draw_text(y, 0, COLS - w, left, TEXT_LEFT, UI_STATUS);
	draw_text(y, COLS - w, w, right, TEXT_RIGHT, UI_STATUS);
}

static void
draw_all(struct app *a)
{
	struct view *v = cur_view(a);

	erase();
	draw_cursor_reset();
	if (LINES < 6 || COLS < 20) {
		draw_wrapped(0, 0, LINES, COLS, _("The terminal is too small."), UI_ERROR);
		refresh();
		return;
	}
	draw_tabs(a);
	v->ops->draw(v, 1, LINES - 4);
	if (a->modal)
		a->modal->draw(a, a->modal->ctx);
	else
		hints_draw(a, LINES - 3);
	if (a->help)
		help_draw(a);
	draw_status(a, LINES - 2);
	if (a->prompt.active)
		prompt_draw(a, LINES - 1);
	else
		draw_text(LINES - 1, 0, COLS, a->msg.buf, TEXT_LEFT,
			  a->msg_error ? UI_ERROR : UI_MESSAGE);
	draw_cursor_place();
	refresh();
}

/* Incremental search: from the cursor where the search started. */
static long search_from;

/* Find text from row from on in direction dir, going round the end to
 * the other end (*wrapped says so); -1 when no row has it. */
static long
find_wrapping(struct view *v, const char *text, long from, int dir, bool *wrapped)
{
	long pos = v->ops->find(v, text, from, dir), n;

	*wrapped = false;
	if (pos >= 0 || (n = v->ops->count(v)) <= 0 || from == (dir > 0 ? 0 : n - 1))
		return pos;
	*wrapped = true;
	return v->ops->find(v, text, dir > 0 ? 0 : n - 1, dir);
}

static void
say_wrapped(struct app *a, int dir)
{
	app_msg(a, "%s", dir > 0 ? _("Search wrapped to the top.")
				 : _("Search wrapped to the bottom."));
}

static void
search_fn(struct app *a, const char *text, bool final, void *ctx)
{
	struct view *v = cur_view(a);
	bool wrapped;
	long pos;

	(void)ctx;
	if (!text) {
		app_move(v, search_from);
		return;
	}
	if (!*text || !v->ops->find)
		return;
	pos = find_wrapping(v, text, search_from, 1, &wrapped);
	if (pos >= 0)
		app_move(v, pos);
	if (pos < 0 && final)
		app_error(a, _("Not found: %s"), text);
	else if (wrapped && final)
		say_wrapped(a, 1);
	if (final)
		snprintf(a->search, sizeof a->search, "%s", text);
}

static void
search_again(struct app *a, int dir)
{
	struct view *v = cur_view(a);
	bool wrapped;
	long pos;

	if (!a->search[0] || !v->ops->find) {
		app_error(a, "%s", _("No search yet: press / first."));
		return;
	}
	pos = find_wrapping(v, a->search, v->cursor + dir, dir, &wrapped);
	if (pos < 0) {
		app_error(a, _("Not found: %s"), a->search);
		return;
	}
	app_move(v, pos);
	if (wrapped)
		say_wrapped(a, dir);
}

static void
generic_move(struct view *v, enum request req)
{
	long half = v->page / 2 > 0 ? v->page / 2 : 1;

	switch (req) {
	case REQ_MOVE_UP: app_move(v, v->cursor - 1); break;
	case REQ_MOVE_DOWN: app_move(v, v->cursor + 1); break;
	case REQ_PAGE_UP: app_move(v, v->cursor - v->page); v->top -= v->page; break;
	case REQ_PAGE_DOWN: app_move(v, v->cursor + v->page); v->top += v->page; break;
	case REQ_HALF_UP: app_move(v, v->cursor - half); break;
	case REQ_HALF_DOWN: app_move(v, v->cursor + half); break;
	case REQ_FIRST: app_move(v, 0); break;
	case REQ_LAST: app_move(v, v->ops->count(v) - 1); break;
	default: break;
	}
	if (v->top > v->cursor)
		v->top = v->cursor;
}

static void
generic_request(struct app *a, enum request req)
{
	struct view *v = cur_view(a);

	switch (req) {
	case REQ_VIEW_QUEUE: app_show(a, VIEW_QUEUE); break;
	case REQ_VIEW_AGING: app_show(a, VIEW_AGING); break;
	case REQ_VIEW_CONTACTS: app_show(a, VIEW_CONTACTS); break;
	case REQ_VIEW_NEXT: app_show(a, (a->cur + 1) % VIEW_COUNT); break;
	case REQ_HELP: a->help = true; a->help_top = 0; break;
	case REQ_QUIT:
		if (a->cur != VIEW_QUEUE)
			app_show(a, VIEW_QUEUE);
		else
			a->quit = true;
		break;
	case REQ_SEARCH:
		search_from = v->cursor;
		app_prompt(a, "/", true, search_fn, NULL);
		break;
	case REQ_SEARCH_NEXT: search_again(a, 1); break;
	case REQ_SEARCH_PREV: search_again(a, -1); break;
	default: generic_move(v, req); break;
	}
}

/* A key for the modal layer: while it edits text, a character is typed
 * into the field; otherwise the form section (with the generic moving
 * keys) gives its action, and ? shows the help. */
static void
modal_key(struct app *a, int key)
{
	struct modal *m = a->modal;
	enum request req = REQ_NONE;
	bool typed = key >= 0x20 && key < UI_KEY_FN && key != 0x7F;

	if (!typed || !m->editing || !m->editing(m->ctx)) {
		req = keymap_lookup(a->km, KM_FORM, key);
		if (req == REQ_HELP) {
			a->help = true;
			a->help_top = 0;
			return;
		}
	}
	if (!m->key(a, m->ctx, req, key))
		app_modal(a, NULL);
}

static void
handle_key(struct app *a, int key)
{
	struct view *v = cur_view(a);
	enum request req;

	if (a->help) {
		a->help = help_key(a, key);
		return;
	}
	if (a->prompt.active && prompt_key(a, key))
		return;
	sb_reset(&a->msg);
	if (a->modal) {
		modal_key(a, key);
		return;
	}
	req = keymap_lookup(a->km, v->ops->section, key);
	if (req == REQ_NONE)
		return;
	if ((req = v->ops->request(v, req)) != REQ_NONE)
		generic_request(a, req);
}

/* Refresh after another clerk's commit; sync: ask the database now (the
 * script's "poll"), not only what it has sent. */
static void
app_poll(struct app *a, bool sync)
{
	int64_t dv = sync ? store_data_sync(a->st) : store_data_version(a->st);

	if (dv != a->data_version) {
		a->foreign = true;
		app_refresh(a);
		a->foreign = false;
	}
}

/* Benchmark timing ($URIKAKE_TEST_TIMES, headless only): milliseconds to
 * the first screen, then per key from reading it to the redrawn screen. */
static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Which loads take_loads waits for (the headless test mode). */
enum wait_for { WAIT_NONE, WAIT_SHOWN, WAIT_ALL };

/* Swap in the panes' finished background loads; true while the shown
 * pane still loads, *hidden while another one does. */
static bool
take_loads(struct app *a, enum wait_for wait, bool *hidden)
{
	bool shown = false;

	*hidden = false;
	for (int i = 0; i < VIEW_COUNT; i++) {
		struct view *v = &a->views[i];
		bool w = wait == WAIT_ALL || (wait == WAIT_SHOWN && i == a->cur);

		if (!v->priv || !v->ops->poll || !v->ops->poll(v, w))
			continue;
		if (i == a->cur)
			shown = true;
		else
			*hidden = true;
	}
	return shown;
}

/* Load ahead, after the first screen: open the next pane not opened yet
 * (its load starts in the background), one at a time, only while no other
 * load runs and the keyboard is idle, so a core stays free for the keys.
 * A visit then finds the rows there or their load under way. True when
 * one was opened. */
static bool
load_ahead(struct app *a)
{
	if (!a->set.prefetch)
		return false;
	for (int i = 0; i < VIEW_COUNT; i++) {
		if (!a->views[i].priv) {
			a->views[i].ops->open(&a->views[i]);
			return true;
		}
	}
	return false;
}

/* The headless test mode waits for the shown pane's load before the next
 * scripted key (screens stay deterministic: a hidden pane's load changes
 * nothing on them); the benchmark then records, apart from the keystroke's
 * redraw, when the rows became visible: "rows KEY MS". */
static void
headless_rows(struct app *a, FILE *times, int key, double t0)
{
	bool hidden;

	take_loads(a, WAIT_SHOWN, &hidden);
	a->loading = false;
	draw_all(a);
	if (times)
		fprintf(times, "rows %d %.3f\n", key, now_ms() - t0);
}

/* The script's "settle": every load finished, every pane loaded ahead. */
static void
headless_settle(struct app *a)
{
	bool hidden;

	do
		take_loads(a, WAIT_ALL, &hidden);
	while (load_ahead(a));
}

void
app_loop(struct app *a, double start_ms)
{
	const char *tpath = display_headless() ? getenv("URIKAKE_TEST_TIMES") : NULL;
	FILE *times = tpath && *tpath ? fopen(tpath, "w") : NULL;
	double t0 = start_ms;
	int key = 0;
	bool hidden;

	while (!a->quit) {
		a->busy = false;
		a->loading = take_loads(a, WAIT_NONE, &hidden);
		draw_all(a);
		if (times && key != UI_KEY_NONE)
			fprintf(times, "%.3f\n", now_ms() - t0);
		if (key == UI_KEY_NONE && !a->busy && !a->loading && !hidden)
			hidden = load_ahead(a);
		if (a->loading && display_headless())
			headless_rows(a, times, key, t0);
		key = display_key(a->busy ? 0 : a->loading ? LOAD_POLL_MS :
				  hidden ? AHEAD_POLL_MS : POLL_MS, store_wait_fd(a->st));
		t0 = now_ms();
		if (key == UI_KEY_EOF)
			break;
		if (key == UI_KEY_NONE || key == UI_KEY_POLL)
			app_poll(a, key == UI_KEY_POLL);
		else if (key == UI_KEY_SETTLE)
			headless_settle(a);
		else if (key == UI_KEY_RESIZE)
			clearok(curscr, TRUE);
		else
			handle_key(a, key);
	}
	if (times) {
		fprintf(times, "loads %ld\n", loader_runs());
		fclose(times);
	}
}

/** Milliseconds on the monotonic clock (for app_loop's start). */
double
app_now_ms(void)
{
	return now_ms();
}
