/* pdf_letter: a dunning or balance confirmation letter on A4 — date,
 * recipient and sender, the title, the expanded template text, the table
 * of overdue (open) invoices and the cut line above a reply slip. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dunning.h"
#include "pdf.h"
#include "render.h"
#include "words.h"

#define LINE_GAP 3 /* points between lines of text */

static void
letter_head(struct pdf *p, const struct dunning_letter *d, const struct company *c)
{
	const struct stmt_words *w = stmt_words(d->lang);
	const char *lang = stmt_lang_code(d->lang);
	char buf[512];
	int y = PDF_MARGIN, ly, ry, x = PDF_MARGIN + 300, rw = PDF_BODY_W - 300;

	if (*company_get(c, "letterhead", lang))
		y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, company_get(c, "letterhead", lang), 8,
			      PDF_CENTER | PDF_GREY | PDF_WRAP) + 8;
	stmt_date_long(d->date, d->lang, buf);
	y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, buf, 10, PDF_RIGHT) + 10;
	ly = y;
	if (*d->s->address)
		ly += pdf_text(p, PDF_MARGIN, ly, 280, d->s->address, 9, PDF_WRAP) + 4;
	snprintf(buf, sizeof buf, "%s%s%s", w->to_prefix, d->s->name, w->to_suffix);
	ly += pdf_text(p, PDF_MARGIN, ly, 280, buf, 12, PDF_BOLD | PDF_WRAP) + 2;
	pdf_line(p, PDF_MARGIN, ly, PDF_MARGIN + 280, ly, 6);
	ry = pdf_sender(p, x, y, rw, c, d->lang);
	y = (ly > ry ? ly : ry) + 24;
	y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, d->title, 16, PDF_BOLD | PDF_CENTER) + 18;
	pdf_set_y(p, y);
}

static void
letter_table(struct pdf *p, const struct dunning_letter *d)
{
	static const int widths[DUNNING_COLS] = { 110, 76, 76, 95, 95, 59 };
	const struct pdf_cols cols = { DUNNING_COLS, widths, DUNNING_ALIGN };
	static const int rw[] = { 60, 200, 150 };
	const struct pdf_cols rcols = { 3, rw, "llr" };
	struct dunning_cells c;

	for (size_t i = 0; i < d->nrows; i++)
		pdf_row(p, &rcols, (const char *[]){ "", d->rows[i].label, d->rows[i].amount },
			false);
	if (d->rows) {
		pdf_table_end(p);
		return;
	}

	for (long i = -1; i < (long)d->s->nitems; i++)
		if (dunning_cells(d, i, &c))
			pdf_row(p, &cols, c.cell, i < 0);
	pdf_table_end(p);
}

/* A dashed cut line across the page, its label small beneath it. The
 * reply slip below it needs its lines together: a new page when less
 * than a third of this one is left. */
static void
letter_cut(struct pdf *p, const char *label)
{
	int y;

	pdf_need(p, PDF_PAGE_H / 3);
	y = pdf_y(p) + 12;
	for (int x = PDF_MARGIN; x < PDF_MARGIN + PDF_BODY_W; x += 8)
		pdf_line(p, x, y, x + 4, y, 5);
	y += 3;
	if (*label)
		y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, label, 7, PDF_CENTER | PDF_GREY);
	pdf_set_y(p, y + 12);
}

static void
body(struct pdf *p, const struct dunning_letter *d, const struct company *c)
{
	letter_head(p, d, c);
	for (size_t i = 0; i < d->nlines; i++) {
		const struct dunning_line *l = &d->lines[i];
		unsigned fl = l->kind == DUNNING_RIGHT    ? PDF_RIGHT
			      : l->kind == DUNNING_CENTER ? PDF_CENTER
							  : 0;
		int h;

		if (l->kind == DUNNING_TABLE) {
			letter_table(p, d);
			continue;
		}
		if (l->kind == DUNNING_CUT) {
			letter_cut(p, l->text);
			continue;
		}
		if (!*l->text) {
			pdf_set_y(p, pdf_y(p) + 8);
			continue;
		}
		h = pdf_text_height(p, PDF_BODY_W, l->text, 10, PDF_WRAP);
		pdf_need(p, h);
		pdf_text(p, PDF_MARGIN, pdf_y(p), PDF_BODY_W, l->text, 10, PDF_WRAP | fl);
		pdf_set_y(p, pdf_y(p) + h + LINE_GAP);
	}
}

void
pdf_letter(struct pdf *p, const struct dunning_letter *d, const struct company *c)
{
	char head[512];

	snprintf(head, sizeof head, "%s — %s (%s)", d->title, d->s->name, d->s->code);
	pdf_begin(p, c, d->lang, head);
	pdf_measure(p, true);
	body(p, d, c);
	pdf_measure(p, false);
	body(p, d, c);
	pdf_end(p);
}
