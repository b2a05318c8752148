/* pdf: A4 PDF documents drawn with pango and cairo — a font chosen per
 * document language and embedded (subset) by cairo, so CJK text prints
 * and displays the same everywhere — with the drawing primitives the
 * statement and letter layouts use. Geometry is in whole points from the
 * top-left corner. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_PDF_H
#define UR_SRC_STATEMENT_PDF_H

#include <stdbool.h>

#include "company.h"
#include "err.h"
#include "outfile.h"
#include "statement.h"

struct pdf;
struct dunning_letter;

#define PDF_PAGE_W 595 /* A4 in points */
#define PDF_PAGE_H 842
#define PDF_MARGIN 42
#define PDF_BODY_W (PDF_PAGE_W - 2 * PDF_MARGIN)
#define PDF_BOTTOM (PDF_PAGE_H - 48)

/** Start a PDF written into file (outfile.h; the caller commits it after
 *  pdf_close). */
enum ur_status pdf_open(struct outfile *file, struct pdf **out, struct ur_err *err);
/** Start a PDF written into buf (emptied first), complete after pdf_close:
 *  a document to attach to an e-mail. */
enum ur_status pdf_open_buffer(struct strbuf *buf, struct pdf **out, struct ur_err *err);
/** UR_FAIL, naming the file, once a write has failed (a full disk): a long
 *  batch stops at the first. */
enum ur_status pdf_check(const struct pdf *p, struct ur_err *err);
/** Finish the file (writing the embedded font subsets) and free p. UR_FAIL
 *  when cairo could not write it or a write failed. */
enum ur_status pdf_close(struct pdf *p, struct ur_err *err);
/** Pages drawn so far. */
int pdf_pages(const struct pdf *p);

/** Start a document on a new page in lang's font (company_font) with the
 *  header repeated on continuation pages. */
void pdf_begin(struct pdf *p, const struct company *c, enum stmt_lang lang,
	       const char *running_head);
/** on: lay the document out from here without drawing, counting its
 *  pages; off: back to its first page (still blank), now numbering the
 *  pages "n / N" when there is more than one. Draw the same between the
 *  two calls and after. */
void pdf_measure(struct pdf *p, bool on);
/** Finish the current document's last page. */
void pdf_end(struct pdf *p);

/* Text flags. */
#define PDF_BOLD 1u
#define PDF_RIGHT 2u
#define PDF_CENTER 4u
#define PDF_WRAP 8u  /* wrap within the width (else: cut with an ellipsis) */
#define PDF_GREY 16u /* grey ink */

/** Draw text at (x, y) in a box w points wide in size points; returns the
 *  height used, in points (rounded up). */
int pdf_text(struct pdf *p, int x, int y, int w, const char *text, int size, unsigned flags);
/** Height text would take (as pdf_text, drawing nothing). */
int pdf_text_height(struct pdf *p, int w, const char *text, int size, unsigned flags);
/** A line from (x1, y1) to (x2, y2), width in tenths of a point. */
void pdf_line(struct pdf *p, int x1, int y1, int x2, int y2, int tenths);
/** A rectangle outline (tenths > 0) and/or a light grey fill. */
void pdf_rect(struct pdf *p, int x, int y, int w, int h, int tenths, bool fill);
/** The current position on the page. */
int pdf_y(const struct pdf *p);
void pdf_set_y(struct pdf *p, int y);
/** Make room for h points: a new page (with the running head) when the
 *  rest of this one is too short. Returns true when it broke the page. */
bool pdf_need(struct pdf *p, int h);

/* A table row: n cells with widths (points) and aligns ('l', 'r', 'c'). */
struct pdf_cols {
	int n;
	const int *widths;
	const char *aligns;
};

/** Draw one row of cells at the current position (header rows shaded and
 *  bold) and move below it; breaks the page first when needed. A header
 *  row is drawn again at the top of each page until pdf_table_end, so cols
 *  and cells must stay valid until then. */
void pdf_row(struct pdf *p, const struct pdf_cols *cols, const char *const *cells,
	     bool header);
/** The table is finished: no header row on the following pages. */
void pdf_table_end(struct pdf *p);

#define PDF_SEAL 52 /* the side of the box for our seal */

/** Our name, address, phone, e-mail, registration number and contact
 *  person (company settings in lang) in a block w wide at (x, y), with a
 *  box for our seal at its right in languages that stamp documents;
 *  returns the y below it. */
int pdf_sender(struct pdf *p, int x, int y, int w, const struct company *c,
	       enum stmt_lang lang);
/** The statement s as its language's layout, on new pages. */
void pdf_statement(struct pdf *p, const struct statement *s, const struct company *c);
/** The dunning letter d, on new pages. */
void pdf_letter(struct pdf *p, const struct dunning_letter *d, const struct company *c);

#endif
