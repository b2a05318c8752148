/* draw: the only code that writes text to the screen. Every string is
 * sanitized, cut and padded by terminal cells (text.h), so CJK and
 * half-width kana stay aligned and nothing straddles the right edge; the
 * theme maps UI elements to colours or, without colour, to attributes. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_DRAW_H
#define UR_UI_DRAW_H

#include <stdbool.h>

#include "request.h"
#include "text.h"

/* UI elements: id, foreground, background, attributes with colour,
 * attributes without colour (monochrome fallback). */
#define THEME_INFO(E) \
	E(NORMAL, -1, -1, 0, 0) \
	E(TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD) \
	E(TAB, COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE) \
	E(TAB_ACTIVE, COLOR_BLACK, COLOR_CYAN, A_BOLD, A_BOLD) \
	E(HEADER, -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE) \
	E(CURSOR, COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE) \
	E(STATUS, COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE) \
	E(MESSAGE, -1, -1, 0, 0) \
	E(ERROR, COLOR_RED, -1, A_BOLD, A_BOLD) \
	E(BAND_A, COLOR_GREEN, -1, A_BOLD, A_BOLD) \
	E(BAND_B, COLOR_YELLOW, -1, 0, 0) \
	E(BAND_C, COLOR_RED, -1, 0, A_DIM) \
	E(LEASED, COLOR_MAGENTA, -1, 0, A_UNDERLINE) \
	E(MUTED, COLOR_BLUE, -1, 0, A_DIM) \
	E(BORDER, COLOR_CYAN, -1, 0, 0) \
	E(OVERLAY, -1, -1, 0, 0) \
	E(SELECTED, COLOR_GREEN, -1, A_BOLD, A_BOLD)

#define THEME_ENUM_(id, fg, bg, a, m) UI_##id,
enum ui_elem { THEME_INFO(THEME_ENUM_) UI_ELEM_COUNT };
#undef THEME_ENUM_

/** Choose colours (when the terminal has them and color is true) or the
 *  monochrome attributes, and the border style. Call after curses starts. */
void draw_init(bool color, bool ascii_borders);
/** Draw text at row y, column x, in exactly `cells` cells (cut with '~'
 *  or padded with spaces), aligned, in element e's look. */
void draw_text(int y, int x, int cells, const char *text, enum text_align a, enum ui_elem e);
/** Draw text over at most `rows` lines of `cells` cells from (y, x), each
 *  line ending at a space where it can (CJK text anywhere). */
void draw_wrapped(int y, int x, int rows, int cells, const char *text, enum ui_elem e);
/** Draw a printf-formatted text like draw_text. */
void draw_textf(int y, int x, int cells, enum text_align a, enum ui_elem e, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/** A horizontal line of `cells` cells (line drawing or '-'). */
void draw_hline(int y, int x, int cells, enum ui_elem e);
/** A box (line drawing or ASCII) with its inside cleared. */
void draw_box(int y, int x, int rows, int cols, enum ui_elem e);
/** The cells text takes on screen. */
int draw_width(const char *text);
/** Put the terminal's own cursor at (y, x) when the screen is next shown:
 *  a text field's insertion point, where an input method opens its
 *  candidate window. */
void draw_cursor_at(int y, int x);
/** Forget it (at the start of each redraw: no field, no cursor). */
void draw_cursor_reset(void);
/** Show the terminal cursor where draw_cursor_at put it, or hide it;
 *  call last, just before refresh. */
void draw_cursor_place(void);

/** Move *cursor in a list of n rows by a movement request (up, down,
 *  first, last, a page of page rows), kept within the list; false when req
 *  is no movement. */
bool draw_list_move(enum request req, long *cursor, long n, long page);
/** Scroll *top so that cursor is among the rows lines shown from it. */
void draw_list_scroll(long cursor, long *top, int rows);

#endif
