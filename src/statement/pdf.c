/* pdf: the A4 PDF surface, fonts per document language and the drawing
 * primitives (see pdf.h). Layouts: pdf_statement.c, pdf_letter.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pdf.h"
#include "xalloc.h"

#define ROW_H 14  /* points per table row */
#define ROW_PAD 3 /* points of padding inside a cell */

struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontDescription *font;
	struct outfile *file; /* NULL: written into memory */
	char *head; /* running head of the current document */
	/* the header row of the table being drawn, repeated after a page break */
	const struct pdf_cols *hcols;
	const char *const *hcells;
	int y, pages;
	bool page_open;
	/* pdf_measure: laying the document out without drawing, counting its
	 * pages (doc_pages) so that each page can say "n / N" */
	bool dry;
	int doc_first, doc_pages, dry_pages;
};

/* cairo's output: every write checked, a failure ends the document. */
static cairo_status_t
pdf_write(void *file, const unsigned char *data, unsigned int length)
{
	return outfile_write(file, data, length, NULL) == UR_OK ? CAIRO_STATUS_SUCCESS
								 : CAIRO_STATUS_WRITE_ERROR;
}

/* cairo's output into memory (pdf_open_buffer). */
static cairo_status_t
pdf_write_mem(void *buf, const unsigned char *data, unsigned int length)
{
	sb_add(buf, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* A PDF written through write(closure); name is what messages call it. */
static enum ur_status
pdf_new(cairo_write_func_t write, void *closure, const char *name, struct pdf **out,
	struct ur_err *err)
{
	struct pdf *p = xcalloc(1, sizeof *p);
	cairo_font_options_t *fo;

	p->surface = cairo_pdf_surface_create_for_stream(write, closure, PDF_PAGE_W, PDF_PAGE_H);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS) {
		ur_fail(err, UR_FAIL, _("%s: cannot create the PDF file: %s"), name,
			cairo_status_to_string(cairo_surface_status(p->surface)));
		cairo_surface_destroy(p->surface);
		free(p);
		return UR_FAIL;
	}
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_STRING);
	p->cr = cairo_create(p->surface);
	p->layout = pango_cairo_create_layout(p->cr);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pango_layout_get_context(p->layout), fo);
	cairo_font_options_destroy(fo);
	p->font = pango_font_description_from_string("Noto Sans CJK JP");
	*out = p;
	return UR_OK;
}

enum ur_status
pdf_open(struct outfile *file, struct pdf **out, struct ur_err *err)
{
	enum ur_status rc = pdf_new(pdf_write, file, file->path, out, err);

	if (rc == UR_OK)
		(*out)->file = file;
	return rc;
}

enum ur_status
pdf_open_buffer(struct strbuf *buf, struct pdf **out, struct ur_err *err)
{
	sb_reset(buf);
	return pdf_new(pdf_write_mem, buf, "PDF", out, err);
}

/* The file's write error first (it says why), else cairo's. */
static enum ur_status
pdf_status(struct outfile *file, cairo_status_t st, struct ur_err *err)
{
	if (file && outfile_status(file, err) != UR_OK)
		return UR_FAIL;
	if (st != CAIRO_STATUS_SUCCESS)
		return ur_fail(err, UR_FAIL, _("cannot write %s: %s"), file ? file->path : "PDF",
			       cairo_status_to_string(st));
	return UR_OK;
}

enum ur_status
pdf_check(const struct pdf *p, struct ur_err *err)
{
	return pdf_status(p->file, cairo_surface_status(p->surface), err);
}

enum ur_status
pdf_close(struct pdf *p, struct ur_err *err)
{
	struct outfile *file = p->file;
	cairo_status_t st;

	pdf_end(p);
	g_object_unref(p->layout);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	st = cairo_surface_status(p->surface);
	cairo_surface_destroy(p->surface);
	pango_font_description_free(p->font);
	free(p->head);
	free(p);
	return pdf_status(file, st, err);
}

int
pdf_pages(const struct pdf *p)
{
	return p->pages;
}

/* "n / N" under the body of a document of more than one page. */
static void
page_number(struct pdf *p)
{
	char buf[32];

	if (p->doc_pages < 2)
		return;
	snprintf(buf, sizeof buf, "%d / %d", p->pages - p->doc_first + 1, p->doc_pages);
	pdf_text(p, PDF_MARGIN, PDF_PAGE_H - 34, PDF_BODY_W, buf, 8, PDF_CENTER | PDF_GREY);
}

static void
new_page(struct pdf *p)
{
	p->y = PDF_MARGIN;
	if (p->dry) {
		p->dry_pages++;
		return;
	}
	if (p->page_open)
		cairo_show_page(p->cr);
	p->page_open = true;
	p->pages++;
	page_number(p);
}

void
pdf_begin(struct pdf *p, const struct company *c, enum stmt_lang lang, const char *running_head)
{
	PangoContext *ctx = pango_layout_get_context(p->layout);
	const char *code = stmt_lang_code(lang);

	pdf_end(p);
	pango_font_description_set_family(p->font, company_font(c, code));
	pango_context_set_language(ctx, pango_language_from_string(lang == STMT_ZH ? "zh-cn"
								   : lang == STMT_JA ? "ja"
										      : "en"));
	pango_layout_context_changed(p->layout);
	free(p->head);
	p->head = xstrdup(running_head ? running_head : "");
	pdf_table_end(p);
	p->doc_pages = 0;
	new_page(p);
	p->doc_first = p->pages;
}

void
pdf_measure(struct pdf *p, bool on)
{
	if (on) {
		p->dry = true;
		p->dry_pages = 1;
	} else {
		p->dry = false;
		p->doc_pages = p->dry_pages;
		pdf_table_end(p);
		p->y = PDF_MARGIN;
		page_number(p);
	}
}

void
pdf_end(struct pdf *p)
{
	if (p->page_open)
		cairo_show_page(p->cr);
	p->page_open = false;
}

/* Set up the layout for text in a box w wide; no drawing. */
static void
prepare(struct pdf *p, int w, const char *text, int size, unsigned flags)
{
	PangoLayout *l = p->layout;

	pango_font_description_set_absolute_size(p->font, size * PANGO_SCALE);
	pango_font_description_set_weight(p->font, flags & PDF_BOLD ? PANGO_WEIGHT_BOLD
								    : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, p->font);
	pango_layout_set_width(l, w > 0 ? w * PANGO_SCALE : -1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_ellipsize(l, flags & PDF_WRAP || w <= 0 ? PANGO_ELLIPSIZE_NONE
								 : PANGO_ELLIPSIZE_END);
	pango_layout_set_alignment(l, flags & PDF_RIGHT    ? PANGO_ALIGN_RIGHT
				      : flags & PDF_CENTER ? PANGO_ALIGN_CENTER
							   : PANGO_ALIGN_LEFT);
	pango_layout_set_text(l, text ? text : "", -1);
}

int
pdf_text_height(struct pdf *p, int w, const char *text, int size, unsigned flags)
{
	int pw, ph;

	prepare(p, w, text, size, flags);
	pango_layout_get_size(p->layout, &pw, &ph);
	return (ph + PANGO_SCALE - 1) / PANGO_SCALE;
}

int
pdf_text(struct pdf *p, int x, int y, int w, const char *text, int size, unsigned flags)
{
	int h = pdf_text_height(p, w, text, size, flags);

	if (!text || !*text || p->dry)
		return h;
	if (flags & PDF_GREY)
		cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	else
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
	return h;
}

void
pdf_line(struct pdf *p, int x1, int y1, int x2, int y2, int tenths)
{
	if (p->dry)
		return;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, tenths / 10.0);
	cairo_move_to(p->cr, x1, y1);
	cairo_line_to(p->cr, x2, y2);
	cairo_stroke(p->cr);
}

void
pdf_rect(struct pdf *p, int x, int y, int w, int h, int tenths, bool fill)
{
	if (p->dry)
		return;
	cairo_rectangle(p->cr, x, y, w, h);
	if (fill) {
		cairo_set_source_rgb(p->cr, 0.9, 0.9, 0.9);
		if (tenths > 0)
			cairo_fill_preserve(p->cr);
		else
			cairo_fill(p->cr);
	}
	if (tenths > 0) {
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		cairo_set_line_width(p->cr, tenths / 10.0);
		cairo_stroke(p->cr);
	}
}

int
pdf_y(const struct pdf *p)
{
	return p->y;
}

void
pdf_set_y(struct pdf *p, int y)
{
	p->y = y;
}

bool
pdf_need(struct pdf *p, int h)
{
	if (p->y + h <= PDF_BOTTOM)
		return false;
	new_page(p);
	if (*p->head) {
		pdf_text(p, PDF_MARGIN, p->y, PDF_BODY_W, p->head, 8, PDF_GREY);
		p->y += 18;
	}
	if (p->hcols)
		pdf_row(p, p->hcols, p->hcells, true);
	return true;
}

void
pdf_table_end(struct pdf *p)
{
	p->hcols = NULL;
	p->hcells = NULL;
}

void
pdf_row(struct pdf *p, const struct pdf_cols *cols, const char *const *cells, bool header)
{
	int x = PDF_MARGIN, size = header ? 8 : 9;

	if (header) {
		p->hcols = NULL; /* not repeated before itself */
		pdf_need(p, 2 * ROW_H);
		p->hcols = cols;
		p->hcells = cells;
	} else {
		pdf_need(p, ROW_H);
	}
	if (header)
		pdf_rect(p, PDF_MARGIN, p->y, PDF_BODY_W, ROW_H, 0, true);
	for (int i = 0; i < cols->n; i++) {
		unsigned fl = header ? PDF_BOLD : 0;

		if (cols->aligns[i] == 'r')
			fl |= PDF_RIGHT;
		else if (cols->aligns[i] == 'c')
			fl |= PDF_CENTER;
		pdf_text(p, x + ROW_PAD, p->y + 2, cols->widths[i] - 2 * ROW_PAD, cells[i], size,
			 fl);
		x += cols->widths[i];
	}
	p->y += ROW_H;
	pdf_line(p, PDF_MARGIN, p->y, PDF_MARGIN + PDF_BODY_W, p->y, header ? 8 : 3);
}
