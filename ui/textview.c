/* textview: a text read in full over the panes (a contact log entry with
 * its whole note) — each line wrapped to the box, scrollable when longer
 * than the screen; any other key closes it. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "panes.h"
#include "text.h"
#include "xalloc.h"

/* A wrapped line: len bytes of the text from start, drawn indent cells in. */
struct tv_line {
	size_t start, len;
	int indent;
};

struct textview {
	char *title, *text; /* text: its lines each end in a NUL */
	size_t len;
	struct tv_line *line;
	size_t nlines, cap;
	int wrapped_at; /* the width the lines were cut for; 0: not yet */
	long top;
	size_t at; /* once wrapped, the first line shown is the one from here */
};

static void
tv_free(void *ctx)
{
	struct textview *t = ctx;

	free(t->title);
	free(t->text);
	free(t->line);
	free(t);
}

static void
tv_push(struct textview *t, size_t start, size_t len, int indent)
{
	if (t->nlines == t->cap)
		t->line = xrealloc(t->line, (t->cap = t->cap ? 2 * t->cap : 32) * sizeof *t->line);
	t->line[t->nlines++] = (struct tv_line){ start, len, indent };
}

/* One paragraph (a NUL-terminated line of the text) from start, cut into
 * lines of at most cells, at a space when the line has one; the lines
 * after the first indented as the paragraph is (a leading '>', the mark
 * of the selected item, counting as a space), while that leaves room. */
static void
tv_wrap_para(struct textview *t, size_t start, int cells)
{
	const char *p = t->text + start;
	int mark = *p == '>', hang = mark + (int)strspn(p + mark, " "), indent = 0;

	if (hang > cells / 2)
		hang = 0;
	if (!*p)
		tv_push(t, start, 0, 0);
	while (*p) {
		size_t fit = text_fit(p, cells - indent, NULL), cut;

		if (!fit) /* a box narrower than one character: the rest, cut */
			fit = strlen(p);
		for (cut = fit; p[fit] && cut > 0 && p[cut] != ' ';)
			cut--;
		if (p[fit] && cut > 0)
			fit = cut;
		tv_push(t, (size_t)(p - t->text), fit, indent);
		p += fit;
		p += strspn(p, " ");
		indent = hang;
	}
}

/* Cut the text into lines for a box cells wide (a text's closing newline
 * starts no empty last line). */
static void
tv_wrap(struct textview *t, int cells)
{
	t->nlines = 0;
	t->wrapped_at = cells;
	for (size_t i = 0; i <= t->len && (i < t->len || !i); i += strlen(t->text + i) + 1)
		tv_wrap_para(t, i, cells);
}

/* Rows of text the box shows at the current screen size. */
static long
tv_rows(void)
{
	return LINES - 6 > 1 ? LINES - 6 : 1;
}

static void
tv_draw(struct app *a, void *ctx)
{
	struct textview *t = ctx;
	int y = 1, rows = LINES - 3;
	long list = tv_rows();
	struct strbuf line;

	(void)a;
	if (t->wrapped_at != COLS - 4)
		tv_wrap(t, COLS - 4);
	if (t->at) {
		while (t->top + 1 < (long)t->nlines && t->line[t->top + 1].start <= t->at &&
		       (long)t->nlines - t->top > list)
			t->top++;
		t->at = 0;
	}
	draw_box(y, 0, rows, COLS, UI_BORDER);
	draw_text(y, 2, COLS - 4, t->title, TEXT_LEFT, UI_HEADER);
	sb_init(&line);
	for (long i = t->top; i < (long)t->nlines && i < t->top + list; i++) {
		sb_reset(&line);
		sb_add(&line, t->text + t->line[i].start, t->line[i].len);
		draw_text(y + 1 + (int)(i - t->top), 2, COLS - 4, "", TEXT_LEFT, UI_OVERLAY);
		draw_text(y + 1 + (int)(i - t->top), 2 + t->line[i].indent,
			  COLS - 4 - t->line[i].indent, line.buf, TEXT_LEFT, UI_OVERLAY);
	}
	sb_free(&line);
	draw_text(y + rows - 2, 2, COLS - 4,
		  (long)t->nlines > list ? _("j/k PgUp/PgDn scroll · any other key closes")
					 : _("Any key closes"),
		  TEXT_LEFT, UI_MUTED);
}

/* The moving keys scroll a text longer than the box; any other closes. */
static bool
tv_key(struct app *a, void *ctx, enum request req, int key)
{
	struct textview *t = ctx;
	long page = tv_rows(), max = (long)t->nlines - page;

	(void)a;
	(void)key;
	if (max <= 0)
		return false;
	switch (req) {
	case REQ_MOVE_UP: t->top--; break;
	case REQ_MOVE_DOWN: t->top++; break;
	case REQ_PAGE_UP: t->top -= page; break;
	case REQ_PAGE_DOWN: t->top += page; break;
	case REQ_FIRST: t->top = 0; break;
	case REQ_LAST: t->top = max; break;
	default: return false;
	}
	if (t->top > max)
		t->top = max;
	if (t->top < 0)
		t->top = 0;
	return true;
}

void
textview_open_at(struct app *a, const char *title, const char *text, size_t at)
{
	struct textview *t = xcalloc(1, sizeof *t);
	struct modal m = { tv_draw, tv_key, tv_free, t, NULL };

	t->at = at;
	t->title = xstrdup(title);
	t->text = xstrdup(text);
	t->len = strlen(t->text);
	for (char *nl = t->text; (nl = strchr(nl, '\n')); nl++)
		*nl = '\0';
	app_modal(a, &m);
}

void
textview_open(struct app *a, const char *title, const char *text)
{
	textview_open_at(a, title, text, 0);
}
