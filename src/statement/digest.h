/* digest: a sales rep's (or anyone's) daily digest of the worklist — a
 * title, a line under it and a table of what to do, one row per customer
 * call — as plain text or on A4 in the interface language, for printing
 * or saving (and, later, e-mailing). The caller fills the cells. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_DIGEST_H
#define UR_SRC_STATEMENT_DIGEST_H

#include <stddef.h>

#include "err.h"

#include "company.h"
#include "statement.h"
#include "strbuf.h"

/* To do, date, customer code, name, amount, rating, note. */
#define DIGEST_COLS 7

struct digest {
	char *title, *subtitle;
	char *(*rows)[DIGEST_COLS]; /* copies */
	size_t n, cap;
};

void digest_init(struct digest *g, const char *title, const char *subtitle);
/** Add a row (cells copied; NULL: empty). */
void digest_add(struct digest *g, const char *const cells[DIGEST_COLS]);
void digest_free(struct digest *g);
struct worklist_item;
/** A digest of the worklist of day: for rep ("": everyone's). */
void digest_init_worklist(struct digest *g, const char *rep, int32_t day);
/** Add worklist item w as a row: what to do (the dunning level's name for
 *  a crossing), the date, the customer, the amount (promised, or overdue),
 *  the rating (with "hold" when on credit hold), and its note with the
 *  rating's reasons. */
void digest_add_item(struct digest *g, const struct worklist_item *w);
/** The column headings, translated. */
const char *digest_heading(int col);

/** The digest as text lines: title, subtitle, then aligned columns (the
 *  note on a line of its own under its row). */
void digest_text(const struct digest *g, struct strbuf *out);

/** The interface language, for the digest's font. */
enum stmt_lang digest_lang(void);

/** Write g to path whole or not at all (outfile.h; an existing file is
 *  left alone): a PDF (headed with co's name) when path ends in .pdf,
 *  else text. UR_INPUT / UR_FAIL naming the file. */
enum ur_status digest_save(const struct digest *g, const char *path, const struct company *co,
			   struct ur_err *err);

struct pdf;
/** The digest on new pages in lang's font. */
void pdf_digest(struct pdf *p, const struct digest *g, const struct company *c,
		enum stmt_lang lang);

#endif
