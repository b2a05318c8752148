/* display: curses set-up, key input and screen dumps (see display.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <term.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "display.h"
#include "i18n.h"
#include "keymap.h"
#include "settings.h"
#include "strbuf.h"
#include "text.h"

static struct {
	SCREEN *screen;
	FILE *out, *in;
	char *script;   /* the whole script; NULL when interactive */
	char *line;     /* next unread line */
	int pending[256]; /* keys queued from a "keys"/"type" line */
	int npend, ipend;
	double wake;    /* a "sleep" line: no key before this (ms) */
} dpy;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static enum ur_status
headless_init(const char *path, struct ur_err *err)
{
	const char *size = getenv("URIKAKE_TEST_SIZE"), *term = getenv("TERM");
	int cols = 80, rows = 24;

	if (!(dpy.script = sb_slurp(path)))
		return ur_fail(err, UR_FAIL, _("cannot read the test script %s"), path);
	dpy.line = dpy.script;
	dpy.out = fopen("/dev/null", "w");
	dpy.in = fopen("/dev/null", "r");
	if (!dpy.out || !dpy.in)
		return ur_fail(err, UR_FAIL, _("cannot open the null device"));
	dpy.screen = newterm(term && *term ? term : "xterm-256color", dpy.out, dpy.in);
	if (!dpy.screen)
		return ur_fail(err, UR_FAIL, _("unknown terminal type %s"), term ? term : "");
	set_term(dpy.screen);
	if (size && sscanf(size, "%dx%d", &cols, &rows) == 2)
		resizeterm(rows, cols);
	return UR_OK;
}

/* Whether $TERM can draw the full-screen program: it must move the
 * cursor and clear the screen (TERM=dumb cannot; it would draw every
 * screen as lines scrolling by). */
static bool
term_can_draw(void)
{
	int status = 0;
	const char *cup, *clear;
	bool ok;

	if (setupterm(NULL, STDOUT_FILENO, &status) != OK)
		return false;
	cup = tigetstr("cup");
	clear = tigetstr("clear");
	ok = cup && cup != (char *)-1 && clear && clear != (char *)-1;
	del_curterm(cur_term);
	return ok;
}

enum ur_status
display_init(struct ur_err *err)
{
	const char *script = getenv("URIKAKE_TEST_SCRIPT"), *term = getenv("TERM");

	if (script && *script) {
		if (headless_init(script, err) != UR_OK)
			return err->status;
	} else if (!term_can_draw()) {
		return ur_fail(err, UR_USAGE,
			       _("this terminal (TERM=%s) cannot move the cursor, which the "
				 "full-screen program needs: use a terminal such as "
				 "xterm-256color, or the commands (urikake --help)"),
			       term ? term : "");
	} else {
		dpy.screen = newterm(NULL, stdout, stdin);
		if (!dpy.screen)
			return ur_fail(err, UR_FAIL, _("cannot start the terminal interface (TERM=%s)"),
				       term ? term : "");
		set_term(dpy.screen);
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	return UR_OK;
}

void
display_end(void)
{
	endwin();
	if (dpy.screen)
		delscreen(dpy.screen);
	if (dpy.out)
		fclose(dpy.out);
	if (dpy.in)
		fclose(dpy.in);
	free(dpy.script);
	memset(&dpy, 0, sizeof dpy);
}

bool
display_possible(void)
{
	const char *script = getenv("URIKAKE_TEST_SCRIPT");

	return (script && *script) || (isatty(0) && isatty(1));
}

bool
display_headless(void)
{
	return dpy.script != NULL;
}

static void
queue_keys(char *words)
{
	char *w;
	int key;

	for (w = strtok(words, " \t"); w; w = strtok(NULL, " \t"))
		if (keymap_parse_key(w, &key) && dpy.npend < 256)
			dpy.pending[dpy.npend++] = key;
}

static void
queue_text(const char *text)
{
	uint32_t cp;
	size_t n, len = strlen(text);

	for (; len && dpy.npend < 256; text += n, len -= n) {
		n = utf8_decode(text, len, &cp);
		dpy.pending[dpy.npend++] = (int)cp;
	}
}

/* Run one script line; returns a UI_KEY_* for the app, or UI_KEY_NONE. */
static int
script_line(char *line)
{
	char path[4096];
	const char *dir = getenv("URIKAKE_TEST_DUMP_DIR");
	int cols, rows, ms;

	dpy.npend = dpy.ipend = 0;
	if (!strncmp(line, "keys ", 5))
		queue_keys(line + 5);
	else if (!strncmp(line, "type ", 5))
		queue_text(line + 5);
	else if (sscanf(line, "resize %dx%d", &cols, &rows) == 2) {
		resizeterm(rows, cols);
		return UI_KEY_RESIZE;
	} else if (!strcmp(line, "poll")) {
		return UI_KEY_POLL;
	} else if (!strcmp(line, "settle")) {
		return UI_KEY_SETTLE;
	} else if (sscanf(line, "sleep %d", &ms) == 1) {
		dpy.wake = now_ms() + ms;
	} else if (!strncmp(line, "sh ", 3) && system(line + 3) != 0) {
		fprintf(stderr, "urikake: test script: '%s' failed\n", line + 3);
	}
	if (!strncmp(line, "dump ", 5)) {
		snprintf(path, sizeof path, "%s/%s.screen", dir && *dir ? dir : ".", line + 5);
		display_dump(path, NULL);
	}
	return UI_KEY_NONE;
}

/* Wait up to ms for fd to become readable (only the time, for fd -1). */
static void
wait_fd(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	poll(&p, fd >= 0 ? 1 : 0, ms);
}

/* The next key of the script; while a "sleep" lasts, UI_KEY_NONE after
 * poll_ms or when fd becomes readable, as from the terminal. */
static int
script_key(int poll_ms, int fd)
{
	double left;
	char *nl;
	int r;

	for (;;) {
		if ((left = dpy.wake - now_ms()) > 0) {
			wait_fd(fd, (int)(left < poll_ms ? left : poll_ms) + 1);
			return UI_KEY_NONE;
		}
		if (dpy.ipend < dpy.npend)
			return dpy.pending[dpy.ipend++];
		if (!dpy.line || !*dpy.line)
			return UI_KEY_EOF;
		if ((nl = strchr(dpy.line, '\n')))
			*nl++ = '\0';
		r = script_line(dpy.line);
		dpy.line = nl;
		if (r != UI_KEY_NONE)
			return r;
	}
}

static int
normalise(int rc, wint_t ch)
{
	if (rc == KEY_CODE_YES) {
		if (ch == KEY_RESIZE)
			return UI_KEY_RESIZE;
		if (ch == KEY_ENTER)
			return UI_KEY_ENTER;
		return UI_KEY_FN + (int)ch;
	}
	if (ch == '\r')
		return UI_KEY_ENTER;
	if (ch == 127 || ch == 8)
		return UI_KEY_FN + KEY_BACKSPACE;
	return (int)ch;
}

/* A key from the terminal within ms, or UI_KEY_NONE. */
static int
term_key(int ms)
{
	wint_t ch;
	int rc;

	timeout(ms);
	rc = get_wch(&ch);
	if (rc == ERR)
		return UI_KEY_NONE;
	return normalise(rc, ch);
}

/* Wait for a key or for fd: curses may hold keys already read (a paste,
 * a key's escape sequence), so ask it first without waiting; then wait on
 * both descriptors, and let curses read the key that woke us (waiting as
 * usual for the rest of an escape sequence). */
static int
term_key_or_fd(int poll_ms, int fd)
{
	struct pollfd p[2] = { { .fd = STDIN_FILENO, .events = POLLIN },
			       { .fd = fd, .events = POLLIN } };
	int key = term_key(0), n;

	if (key != UI_KEY_NONE || poll_ms == 0)
		return key;
	n = poll(p, 2, poll_ms);
	if (n < 0 && errno == EINTR) /* a signal: the terminal resized, say */
		return term_key(0);
	if (n > 0 && p[0].revents)
		return term_key(poll_ms);
	return UI_KEY_NONE;
}

int
display_key(int poll_ms, int fd)
{
	if (dpy.script)
		return script_key(poll_ms, fd);
	if (fd >= 0)
		return term_key_or_fd(poll_ms, fd);
	return term_key(poll_ms);
}

/* Append the text of one screen cell; returns the cells it covers. */
static int
dump_cell(struct strbuf *sb, int y, int x)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attr;
	short pair;
	int w;

	if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wch, &attr, &pair, NULL) == ERR) {
		sb_addc(sb, ' ');
		return 1;
	}
	if (attr & A_ALTCHARSET) {
		sb_addc(sb, wch[0] == 'q' ? '-' : wch[0] == 'x' ? '|' : '+');
		return 1;
	}
	for (int i = 0; wch[i]; i++)
		utf8_append(sb, (uint32_t)wch[i]);
	if (!wch[0])
		sb_addc(sb, ' ');
	w = wch[0] ? wcwidth(wch[0]) : 1;
	return w == 2 ? 2 : 1;
}

enum ur_status
display_dump(const char *path, struct ur_err *err)
{
	struct strbuf sb;
	FILE *f = fopen(path, "w");

	if (!f)
		return ur_fail(err, UR_FAIL, _("cannot write %s"), path);
	sb_init(&sb);
	for (int y = 0; y < LINES; y++) {
		sb_reset(&sb);
		for (int x = 0; x < COLS;)
			x += dump_cell(&sb, y, x);
		while (sb.len && sb.buf[sb.len - 1] == ' ')
			sb.buf[--sb.len] = '\0';
		fprintf(f, "%s\n", sb.buf);
	}
	sb_free(&sb);
	fclose(f);
	return UR_OK;
}
