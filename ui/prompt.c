/* prompt: the one-line prompt on the message line (search, an amount, a
 * reason) with a wide-character-safe editor: app_prompt opens it,
 * prompt_key edits and accepts or cancels it, prompt_draw shows it. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "text.h"

void
app_prompt(struct app *a, const char *label, bool incremental, prompt_fn fn, void *ctx)
{
	a->prompt.active = true;
	a->prompt.incremental = incremental;
	sb_reset(&a->prompt.label);
	sb_adds(&a->prompt.label, label);
	sb_reset(&a->prompt.text);
	a->prompt.fn = fn;
	a->prompt.ctx = ctx;
}

void
prompt_draw(struct app *a, int y)
{
	int lw = draw_width(a->prompt.label.buf), tw, skip = 0;
	const char *t = a->prompt.text.buf;
	uint32_t cp;

	draw_text(y, 0, lw, a->prompt.label.buf, TEXT_LEFT, UI_HEADER);
	/* keep the end of a long text (and the cursor) in view */
	for (tw = draw_width(t); tw > COLS - lw - 2 && t[skip];) {
		size_t n = utf8_decode(t + skip, strlen(t + skip), &cp);

		tw -= text_cp_width(cp);
		skip += (int)n;
	}
	draw_text(y, lw, COLS - lw, t + skip, TEXT_LEFT, UI_MESSAGE);
	draw_text(y, lw + tw, 1, " ", TEXT_LEFT, UI_CURSOR);
	draw_cursor_at(y, lw + tw);
}

/* Remove the last character of the prompt text. */
static void
prompt_backspace(struct strbuf *t)
{
	while (t->len && ((unsigned char)t->buf[t->len - 1] & 0xC0) == 0x80)
		t->len--;
	if (t->len)
		t->len--;
	t->buf[t->len] = '\0';
}

bool
prompt_key(struct app *a, int key)
{
	prompt_fn fn = a->prompt.fn;
	void *ctx = a->prompt.ctx;

	if (key == UI_KEY_ESC || key == 7 /* C-g */) {
		a->prompt.active = false;
		fn(a, NULL, true, ctx);
	} else if (key == UI_KEY_ENTER) {
		a->prompt.active = false;
		fn(a, a->prompt.text.buf, true, ctx);
	} else if (key == UI_KEY_FN + KEY_BACKSPACE) {
		prompt_backspace(&a->prompt.text);
	} else if (key == 21 /* C-u */) {
		sb_reset(&a->prompt.text);
	} else if (key >= 0x20 && key < UI_KEY_FN && key != 0x7F) {
		utf8_append(&a->prompt.text, (uint32_t)key);
	} else {
		return true;
	}
	if (a->prompt.active && a->prompt.incremental)
		fn(a, a->prompt.text.buf, false, ctx);
	return true;
}
