/* render: statements as plain text (e-mail bodies, terminal preview),
 * aligned by terminal cells, and the shared pieces of every rendering. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_RENDER_H
#define UR_SRC_STATEMENT_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "company.h"
#include "statement.h"
#include "strbuf.h"

/* Width of the plain-text rendering in terminal cells. */
#define RENDER_TEXT_WIDTH 78

/** Append the statement s as plain text in its language to out: the
 *  Japanese 合計請求書 layout (ja), the 对账单 with its confirmation slip
 *  (zh_CN) or the statement of account (en). Lines end in '\n' and carry
 *  no trailing spaces. */
void render_statement_text(const struct statement *s, const struct company *c,
			   struct strbuf *out);

/* Size of a buffer for render_money. */
#define RENDER_MONEY_SIZE 48

/** v (minor units of cur) grouped, as documents in lang write it: ja
 *  marks negatives with △. */
void render_money(int64_t v, const char *cur, enum stmt_lang lang,
		  char buf[RENDER_MONEY_SIZE]);

/** Append a row: each cols[i] padded to widths[i] cells with aligns[i]
 *  ('l', 'r' or 'c'), separated by one space, trailing spaces dropped, '\n'.
 *  Right-aligned cells (amounts) too wide are written whole, never cut. */
void render_row(struct strbuf *out, const char *const *cols, const int *widths,
		const char *aligns, int n);

/** Append text, each line of it prefixed with indent (sanitized). */
void render_lines(struct strbuf *out, const char *indent, const char *text);

/** Append text wrapped to width cells: at a space in Latin text, anywhere
 *  in CJK text, never starting a line with 、。，」 and the like. */
void render_wrap(struct strbuf *out, const char *text, int width);

#endif
