/* draw: cell-exact text output and the theme (see draw.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <string.h>

#include "draw.h"
#include "strbuf.h"

static attr_t attrs[UI_ELEM_COUNT];
static bool ascii;
static int cursor_y = -1, cursor_x = -1; /* the text cursor; -1: none */

void
draw_init(bool color, bool ascii_borders)
{
	static const struct {
		short fg, bg;
		attr_t a, mono;
	} theme[UI_ELEM_COUNT] = {
#define THEME_ROW_(id, fg, bg, a, m) { fg, bg, a, m },
		THEME_INFO(THEME_ROW_)
#undef THEME_ROW_
	};
	bool use = color && has_colors() && start_color() == OK;

	ascii = ascii_borders;
	if (use)
		use_default_colors();
	for (int i = 0; i < UI_ELEM_COUNT; i++) {
		attrs[i] = theme[i].mono;
		if (!use || (theme[i].fg < 0 && theme[i].bg < 0))
			continue;
		if (init_pair((short)(i + 1), theme[i].fg, theme[i].bg) == OK)
			attrs[i] = COLOR_PAIR(i + 1) | theme[i].a;
	}
}

int
draw_width(const char *text)
{
	return text_width(text);
}

void
draw_text(int y, int x, int cells, const char *text, enum text_align a, enum ui_elem e)
{
	struct strbuf sb;

	if (cells <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (x + cells > COLS)
		cells = COLS - x;
	sb_init(&sb);
	text_pad(&sb, text ? text : "", cells, a);
	attrset(attrs[e]);
	mvaddstr(y, x, sb.buf);
	attrset(A_NORMAL);
	sb_free(&sb);
}

void
draw_wrapped(int y, int x, int rows, int cells, const char *text, enum ui_elem e)
{
	struct strbuf line;

	sb_init(&line);
	for (int r = 0; r < rows && *text; r++) {
		size_t n = text_fit(text, cells, NULL), cut = n;

		while (text[n] && cut > 0 && text[cut] != ' ')
			cut--; /* a line ends at a space when it has one */
		if (text[n] && cut > 0)
			n = cut;
		sb_reset(&line);
		sb_add(&line, text, n);
		draw_text(y + r, x, cells, line.buf, TEXT_LEFT, e);
		text += n;
		text += strspn(text, " ");
	}
	sb_free(&line);
}

void
draw_textf(int y, int x, int cells, enum text_align a, enum ui_elem e, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	sb_init(&sb);
	if (n > 0) {
		char buf[n + 1];

		va_start(ap, fmt);
		vsnprintf(buf, sizeof buf, fmt, ap);
		va_end(ap);
		sb_adds(&sb, buf);
	}
	draw_text(y, x, cells, sb.buf, a, e);
	sb_free(&sb);
}

void
draw_hline(int y, int x, int cells, enum ui_elem e)
{
	if (cells <= 0 || y < 0 || y >= LINES)
		return;
	attrset(attrs[e]);
	mvhline(y, x, ascii ? '-' : ACS_HLINE, cells);
	attrset(A_NORMAL);
}

void
draw_box(int y, int x, int rows, int cols, enum ui_elem e)
{
	if (rows < 2 || cols < 2)
		return;
	for (int r = 1; r < rows - 1; r++)
		draw_text(y + r, x + 1, cols - 2, "", TEXT_LEFT, UI_OVERLAY);
	attrset(attrs[e]);
	mvhline(y, x + 1, ascii ? '-' : ACS_HLINE, cols - 2);
	mvhline(y + rows - 1, x + 1, ascii ? '-' : ACS_HLINE, cols - 2);
	mvvline(y + 1, x, ascii ? '|' : ACS_VLINE, rows - 2);
	mvvline(y + 1, x + cols - 1, ascii ? '|' : ACS_VLINE, rows - 2);
	mvaddch(y, x, ascii ? '+' : ACS_ULCORNER);
	mvaddch(y, x + cols - 1, ascii ? '+' : ACS_URCORNER);
	mvaddch(y + rows - 1, x, ascii ? '+' : ACS_LLCORNER);
	mvaddch(y + rows - 1, x + cols - 1, ascii ? '+' : ACS_LRCORNER);
	attrset(A_NORMAL);
}

void
draw_cursor_at(int y, int x)
{
	cursor_y = y;
	cursor_x = x;
}

void
draw_cursor_reset(void)
{
	cursor_y = cursor_x = -1;
}

void
draw_cursor_place(void)
{
	if (cursor_y < 0) {
		curs_set(0);
		return;
	}
	curs_set(1);
	move(cursor_y, cursor_x);
}

bool
draw_list_move(enum request req, long *cursor, long n, long page)
{
	switch (req) {
	case REQ_MOVE_UP: --*cursor; break;
	case REQ_MOVE_DOWN: ++*cursor; break;
	case REQ_FIRST: *cursor = 0; break;
	case REQ_LAST: *cursor = n - 1; break;
	case REQ_PAGE_UP: *cursor -= page; break;
	case REQ_PAGE_DOWN: *cursor += page; break;
	default: return false;
	}
	if (*cursor >= n)
		*cursor = n - 1;
	if (*cursor < 0)
		*cursor = 0;
	return true;
}

void
draw_list_scroll(long cursor, long *top, int rows)
{
	if (cursor < *top)
		*top = cursor;
	if (cursor >= *top + rows)
		*top = cursor - rows + 1;
}
