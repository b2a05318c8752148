/* help: the help overlay (built from the action table and the keymap, so
 * it always shows the keys that really work) and the one-line prompt with
 * a wide-character-safe editor. */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "text.h"

/* True when some action of the group starting at g has a key in sec. */
static bool
group_bound(struct app *a, enum keymap_section sec, const struct req_info *g)
{
	char keys[128];

	for (g++; g->help && g->name; g++)
		if (keymap_keys_for(a->km, sec, g->req, keys, sizeof keys))
			return true;
	return false;
}

void
help_draw(struct app *a)
{
	enum keymap_section sec = a->modal ? KM_FORM : a->views[a->cur].ops->section;
	const struct req_info *r;
	int y = 1, rows = LINES - 3, col = 0, ncols, cw, kw = 16;
	char keys[128];

	ncols = COLS >= 120 ? 2 : 1;
	cw = COLS / ncols;
	draw_box(y, 0, rows, COLS, UI_BORDER);
	draw_text(y, 2, COLS - 4, _(" Keys (any key closes) "), TEXT_LEFT, UI_HEADER);
	y++;
	for (r = req_table(); r->help && col < ncols; r++) {
		if (y >= rows) {
			y = 2;
			col++;
			if (col >= ncols)
				break;
		}
		if (!r->name) {
			if (!group_bound(a, sec, r))
				continue;
			if (y > 2)
				y++;
			if (y < rows)
				draw_text(y++, col * cw + 2, cw - 4, _(r->help), TEXT_LEFT, UI_HEADER);
			continue;
		}
		if (!keymap_keys_for(a->km, sec, r->req, keys, sizeof keys))
			continue;
		draw_text(y, col * cw + 2, kw, keys, TEXT_LEFT, UI_SELECTED);
		draw_text(y, col * cw + 2 + kw + 1, cw - kw - 5, _(r->help), TEXT_LEFT, UI_OVERLAY);
		y++;
	}
}

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
