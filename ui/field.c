/* field: the forms' one-line editor (see field.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "draw.h"
#include "field.h"
#include "keymap.h"
#include "text.h"

void
field_init(struct field *f)
{
	sb_init(&f->text);
	f->cur = f->scroll = 0;
}

void
field_free(struct field *f)
{
	sb_free(&f->text);
}

void
field_set(struct field *f, const char *text)
{
	sb_reset(&f->text);
	sb_adds(&f->text, text ? text : "");
	f->cur = f->text.len;
	f->scroll = 0;
}

/* Offset of the character before / after byte offset i. */
static size_t
prev_char(const struct field *f, size_t i)
{
	while (i > 0 && ((unsigned char)f->text.buf[--i] & 0xC0) == 0x80)
		;
	return i;
}

static size_t
next_char(const struct field *f, size_t i)
{
	uint32_t cp;

	if (i >= f->text.len)
		return f->text.len;
	return i + utf8_decode(f->text.buf + i, f->text.len - i, &cp);
}

/* Remove bytes [from, to). */
static void
cut(struct field *f, size_t from, size_t to)
{
	memmove(f->text.buf + from, f->text.buf + to, f->text.len - to + 1);
	f->text.len -= to - from;
	f->cur = from;
	if (f->scroll > f->cur)
		f->scroll = f->cur;
}

static void
insert(struct field *f, uint32_t cp)
{
	struct strbuf ch;

	sb_init(&ch);
	utf8_append(&ch, cp);
	sb_adds(&f->text, ch.buf); /* grow, then move the tail */
	memmove(f->text.buf + f->cur + ch.len, f->text.buf + f->cur,
		f->text.len - ch.len - f->cur);
	memcpy(f->text.buf + f->cur, ch.buf, ch.len);
	f->cur += ch.len;
	sb_free(&ch);
}

bool
field_key(struct field *f, int key)
{
	switch (key) {
	case UI_KEY_FN + KEY_BACKSPACE:
		if (f->cur)
			cut(f, prev_char(f, f->cur), f->cur);
		return true;
	case UI_KEY_FN + KEY_DC: cut(f, f->cur, next_char(f, f->cur)); return true;
	case UI_KEY_FN + KEY_LEFT: f->cur = prev_char(f, f->cur); return true;
	case UI_KEY_FN + KEY_RIGHT: f->cur = next_char(f, f->cur); return true;
	case UI_KEY_FN + KEY_HOME:
	case 1: /* C-a */ f->cur = 0; return true;
	case UI_KEY_FN + KEY_END: f->cur = f->text.len; return true;
	case 11: /* C-k */ cut(f, f->cur, f->text.len); return true;
	case 21: /* C-u */ cut(f, 0, f->cur); return true;
	default: break;
	}
	if (key < 0x20 || key == 0x7F || key >= UI_KEY_FN || (key >= 0x80 && key < 0xA0))
		return false;
	insert(f, (uint32_t)key);
	return true;
}

/* The text with line breaks and tabs shown as spaces (same byte offsets). */
static void
flat_copy(const struct field *f, struct strbuf *out)
{
	sb_adds(out, f->text.buf);
	for (size_t i = 0; i < out->len; i++)
		if (out->buf[i] == '\n' || out->buf[i] == '\t' || out->buf[i] == '\r')
			out->buf[i] = ' ';
}

void
field_draw(struct field *f, int y, int x, int w, bool focus)
{
	struct strbuf t;
	size_t end;
	int cx;

	if (w < 2)
		return;
	sb_init(&t);
	flat_copy(f, &t);
	if (f->scroll > f->cur)
		f->scroll = f->cur;
	/* keep the cursor (and one cell for it) inside the field */
	while (text_width_n(t.buf + f->scroll, f->cur - f->scroll) > w - 2)
		f->scroll = next_char(f, f->scroll);
	draw_text(y, x, w, t.buf + f->scroll, TEXT_LEFT, focus ? UI_SELECTED : UI_OVERLAY);
	if (focus) {
		cx = text_width_n(t.buf + f->scroll, f->cur - f->scroll);
		end = next_char(f, f->cur);
		if (end > f->cur) {
			char ch[8];

			memcpy(ch, t.buf + f->cur, end - f->cur);
			ch[end - f->cur] = '\0';
			draw_text(y, x + cx, draw_width(ch) > 0 ? draw_width(ch) : 1, ch, TEXT_LEFT,
				  UI_CURSOR);
		} else {
			draw_text(y, x + cx, 1, " ", TEXT_LEFT, UI_CURSOR);
		}
		draw_cursor_at(y, x + cx);
	}
	sb_free(&t);
}
