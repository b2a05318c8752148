/* field: a one-line text editor for forms — the cursor moves by character
 * (a byte offset always on a character boundary), the text is shown by
 * terminal cells and scrolled so the cursor stays in view, so Japanese
 * and Chinese text edits and displays correctly. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_FIELD_H
#define UR_UI_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

struct field {
	struct strbuf text;
	size_t cur;    /* byte offset of the cursor */
	size_t scroll; /* byte offset of the first character shown */
};

/** An empty field. */
void field_init(struct field *f);
void field_free(struct field *f);
/** Replace the text (cursor at its end). */
void field_set(struct field *f, const char *text);
/** Handle an editing key: a character to insert, Backspace, Delete,
 *  Left, Right, Home (or C-a), End, C-k (delete to the end), C-u (delete
 *  to the start). Returns false when the key is not an editing key. */
bool field_key(struct field *f, int key);
/** Draw the field at (y, x) in w cells; with focus, mark the cursor cell
 *  and put the terminal cursor there (for input methods). */
void field_draw(struct field *f, int y, int x, int w, bool focus);

#endif
