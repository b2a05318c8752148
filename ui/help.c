/* help: the help overlay and the hint bar, built from the action table and
 * the keymap, so they always show the keys that really work. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"

/* A line of the help overlay: a heading, an action, or a blank. */
struct help_line {
	const char *heading;      /* translated, or NULL */
	const struct req_info *r; /* the action, or NULL */
};

#define HELP_MAX_LINES (3 * REQ_COUNT + 3)

/* Is req on the hint bar? */
static bool
hinted(enum request req)
{
	for (const struct req_hint *h = req_hints(); h->label; h++)
		if (h->req == req)
			return true;
	return false;
}

/* Add the line of action r, after a blank line and the heading when *shown
 * is false; returns the new count. */
static int
help_put(struct help_line *out, int n, const char *heading, bool *shown,
	 const struct req_info *r)
{
	if (!*shown && n)
		out[n++] = (struct help_line){ NULL, NULL };
	if (!*shown)
		out[n++] = (struct help_line){ heading, NULL };
	*shown = true;
	out[n++] = (struct help_line){ NULL, r };
	return n;
}

/* Does section sec run req, by a key of its own (own) or a generic one? */
static bool
runs(struct app *a, enum keymap_section sec, enum request req, bool own)
{
	char keys[128];

	return keymap_keys_for(a->km, sec, req, keys, sizeof keys) &&
	       keymap_section_runs(a->km, sec, req) == own;
}

/* The overlay's lines: first the keys of the pane (or form) itself under
 * its name, those of the hint bar leading in its order, then the generic
 * keys by group. Returns how many. */
static int
help_lines(struct app *a, enum keymap_section sec, struct help_line *out)
{
	const char *title = a->modal ? _("Forms") : _(a->views[a->cur].ops->title);
	const struct req_info *r;
	bool shown = false;
	int n = 0;

	for (const struct req_hint *h = req_hints(); h->label; h++)
		for (r = req_table(); r->help; r++)
			if (r->name && r->req == h->req && runs(a, sec, r->req, true))
				n = help_put(out, n, title, &shown, r);
	for (r = req_table(); r->help && n < HELP_MAX_LINES - 3; r++)
		if (r->name && !hinted(r->req) && runs(a, sec, r->req, true))
			n = help_put(out, n, title, &shown, r);
	for (r = req_table(); r->help && n < HELP_MAX_LINES - 3; r++) {
		if (!r->name) {
			title = _(r->help);
			shown = false;
		} else if (runs(a, sec, r->req, false)) {
			n = help_put(out, n, title, &shown, r);
		}
	}
	return n;
}

/* Scroll the overlay's lines for a moving key; false for any other key
 * (which closes it). The draw clamps help_top. */
bool
help_key(struct app *a, int key)
{
	int page = a->help_page > 1 ? a->help_page : 1;

	switch (keymap_lookup(a->km, KM_GENERIC, key)) {
	case REQ_MOVE_UP: a->help_top--; break;
	case REQ_MOVE_DOWN: a->help_top++; break;
	case REQ_PAGE_UP: a->help_top -= page; break;
	case REQ_PAGE_DOWN: a->help_top += page; break;
	case REQ_HALF_UP: a->help_top -= page / 2; break;
	case REQ_HALF_DOWN: a->help_top += page / 2; break;
	case REQ_FIRST: a->help_top = 0; break;
	case REQ_LAST: a->help_top = HELP_MAX_LINES; break;
	default: return false;
	}
	return true;
}

static void
help_line_draw(struct app *a, enum keymap_section sec, int y, int x, int cw,
	       const struct help_line *l)
{
	int kw = 16;
	char keys[128];

	if (l->heading)
		draw_text(y, x, cw - 4, l->heading, TEXT_LEFT, UI_HEADER);
	if (!l->r)
		return;
	keymap_keys_for(a->km, sec, l->r->req, keys, sizeof keys);
	draw_text(y, x, kw, keys, TEXT_LEFT, UI_SELECTED);
	draw_text(y, x + kw + 1, cw - kw - 5, _(l->r->help), TEXT_LEFT, UI_OVERLAY);
}

void
help_draw(struct app *a)
{
	enum keymap_section sec = a->modal ? KM_FORM : a->views[a->cur].ops->section;
	struct help_line lines[HELP_MAX_LINES];
	int n = help_lines(a, sec, lines), rows = LINES - 3, ncols = COLS >= 120 ? 2 : 1;
	int cw = COLS / ncols, h = rows - 2, page = h * ncols;
	char pos[64];

	a->help_page = h;
	if (a->help_top > n - page)
		a->help_top = n - page;
	if (a->help_top < 0)
		a->help_top = 0;
	draw_box(1, 0, rows, COLS, UI_BORDER);
	draw_text(1, 2, COLS - 4, _(" Keys (moving keys scroll, any other key closes) "), TEXT_LEFT,
		  UI_HEADER);
	for (int i = 0; i < page && a->help_top + i < n; i++)
		help_line_draw(a, sec, 2 + i % h, i / h * cw + 2, cw, &lines[a->help_top + i]);
	if (n > page) {
		snprintf(pos, sizeof pos, " %d-%d/%d ", a->help_top + 1,
			 a->help_top + page < n ? a->help_top + page : n, n);
		draw_text(rows, COLS - 2 - draw_width(pos), draw_width(pos), pos, TEXT_LEFT,
			  UI_HEADER);
	}
}

/* The first key of req in sec, without the brackets of "<Enter>". */
static void
hint_key(struct app *a, enum keymap_section sec, enum request req, char *buf, size_t size)
{
	char keys[64], *end;

	keymap_keys_for(a->km, sec, req, keys, sizeof keys);
	if ((end = strchr(keys, ' ')))
		*end = '\0';
	if (keys[0] == '<' && keys[1] && keys[strlen(keys) - 1] == '>') {
		keys[strlen(keys) - 1] = '\0';
		snprintf(buf, size, "%s", keys + 1);
	} else {
		snprintf(buf, size, "%s", keys);
	}
}

/* The hints of the section's own actions (own) or of the generic ones,
 * from x while they fit before right, drawn when draw is set; returns the
 * cells they take. */
static int
hints_run(struct app *a, enum keymap_section sec, bool own, int y, int x, int right, bool draw)
{
	char key[64];
	int start = x;

	for (const struct req_hint *h = req_hints(); h->label; h++) {
		const char *label = _(h->label);
		int kw, lw = draw_width(label);

		if (keymap_section_runs(a->km, sec, h->req) != own)
			continue;
		hint_key(a, sec, h->req, key, sizeof key);
		kw = draw_width(key);
		if (!key[0] || x + (x > start ? 2 : 0) + kw + 1 + lw > right)
			continue;
		x += x > start ? 2 : 0;
		if (draw) {
			draw_text(y, x, kw, key, TEXT_LEFT, UI_SELECTED);
			draw_text(y, x + kw + 1, lw, label, TEXT_LEFT, UI_NORMAL);
		}
		x += kw + 1 + lw;
	}
	return x - start;
}

void
hints_draw(struct app *a, int y)
{
	enum keymap_section sec = a->views[a->cur].ops->section;
	int generic = hints_run(a, sec, false, y, 0, COLS, false);

	draw_text(y, 0, COLS, "", TEXT_LEFT, UI_NORMAL);
	hints_run(a, sec, true, y, 0, COLS - generic - 3, true);
	hints_run(a, sec, false, y, COLS - generic - 1, COLS, true);
}
