/* glyphgrid: whether the PDF code draws every character it writes.
 *
 *   glyphgrid draw LANG OUT.pdf < TEXT   each distinct character of TEXT
 *                                        in a grid, regular then bold, in
 *                                        LANG's document font (pdf.c)
 *   glyphgrid check PAGE.pgm... < TEXT   the grid's pages rasterised by
 *                                        `pdftoppm -gray -r 72`: names every
 *                                        cell with no ink, exit 1 if any
 *
 * The text layer (pdftotext) can hold a character the embedded font
 * subset cannot draw (a broken CFF subset draws nothing): drawn alone in
 * its own cell, such a character leaves the cell blank. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "company.h"
#include "outfile.h"
#include "pdf.h"
#include "strbuf.h"

#define CELL_W 24 /* points; 72 dpi makes them pixels */
#define CELL_H 28
#define GLYPH_SIZE 16
#define COLS (PDF_BODY_W / CELL_W)
#define ROWS ((PDF_BOTTOM - PDF_MARGIN) / CELL_H)
#define INK 224 /* a grey level darker than this is ink (thin strokes are grey) */

/* The distinct characters of the standard input, but spaces and controls,
 * each as its own NUL-terminated UTF-8 string in *chars; returns count. */
static size_t
read_chars(char (**chars)[5])
{
	struct strbuf in;
	size_t n = 0, len;
	char c;

	sb_init(&in);
	while (fread(&c, 1, 1, stdin) == 1)
		sb_addc(&in, c);
	*chars = calloc(in.len + 1, sizeof **chars);
	for (size_t i = 0; i < in.len; i += len) {
		unsigned char b = (unsigned char)in.buf[i];
		size_t k;

		len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
		if (i + len > in.len || b <= ' ' || b == 0x7F)
			continue;
		memcpy((*chars)[n], in.buf + i, len);
		for (k = 0; k < n && strcmp((*chars)[k], (*chars)[n]) != 0; k++)
			;
		if (k == n && strcmp((*chars)[n], "\xE3\x80\x80") != 0) /* ideographic space */
			n++;
		else
			memset((*chars)[n], 0, 5);
	}
	sb_free(&in);
	return n;
}

static int
draw(const char *lang, const char *path)
{
	struct outfile f;
	struct company co;
	struct ur_err err = { 0 };
	struct pdf *p;
	char(*chars)[5];
	size_t n = read_chars(&chars);
	int lg = stmt_lang_parse(lang);

	if (lg < 0 || company_parse("", "none", &co, &err) != UR_OK ||
	    outfile_open(&f, path, 0644, OUTFILE_REPLACE, &err) != UR_OK ||
	    pdf_open(&f, &p, &err) != UR_OK) {
		fprintf(stderr, "glyphgrid: %s\n", lg < 0 ? "unknown language" : err.msg);
		return 2;
	}
	pdf_begin(p, &co, (enum stmt_lang)lg, NULL);
	for (size_t i = 0; i < 2 * n; i++) {
		int cell = (int)(i % (COLS * ROWS));

		if (i && cell == 0)
			pdf_need(p, PDF_PAGE_H); /* a new page */
		pdf_text(p, PDF_MARGIN + cell % COLS * CELL_W, PDF_MARGIN + cell / COLS * CELL_H,
			 CELL_W, chars[i / 2], GLYPH_SIZE, PDF_CENTER | (i % 2 ? PDF_BOLD : 0));
	}
	company_free(&co);
	free(chars);
	if (pdf_close(p, &err) != UR_OK || outfile_commit(&f, &err) != UR_OK) {
		fprintf(stderr, "glyphgrid: %s\n", err.msg);
		return 2;
	}
	return 0;
}

/* A binary PGM (P5, 8 bits) read whole; NULL when it is not one. */
static unsigned char *
read_pgm(const char *path, int *w, int *h)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *px = NULL;
	int max;

	if (fp && fscanf(fp, "P5 %d %d %d", w, h, &max) == 3 && max == 255 && fgetc(fp) != EOF) {
		px = malloc((size_t)*w * (size_t)*h);
		if (fread(px, 1, (size_t)*w * (size_t)*h, fp) != (size_t)*w * (size_t)*h) {
			free(px);
			px = NULL;
		}
	}
	if (fp)
		fclose(fp);
	return px;
}

static int
inked(const unsigned char *px, int w, int h, int cell)
{
	int x0 = PDF_MARGIN + cell % COLS * CELL_W, y0 = PDF_MARGIN + cell / COLS * CELL_H;

	for (int y = y0 + 1; y < y0 + CELL_H - 1 && y < h; y++)
		for (int x = x0 + 1; x < x0 + CELL_W - 1 && x < w; x++)
			if (px[y * w + x] < INK)
				return 1;
	return 0;
}

static int
check(char **pages, int npages)
{
	char(*chars)[5];
	size_t n = read_chars(&chars), blank = 0;
	unsigned char *px = NULL;
	int w = 0, h = 0, page = -1;

	for (size_t i = 0; i < 2 * n; i++) {
		int pg = (int)(i / (COLS * ROWS));

		if (pg != page) {
			free(px);
			page = pg;
			px = pg < npages ? read_pgm(pages[pg], &w, &h) : NULL;
			if (!px) {
				fprintf(stderr, "glyphgrid: page %d: no 72 dpi PGM\n", pg + 1);
				free(chars);
				return 2;
			}
		}
		if (!inked(px, w, h, (int)(i % (COLS * ROWS)))) {
			printf("%s (%s) not drawn\n", chars[i / 2], i % 2 ? "bold" : "regular");
			blank++;
		}
	}
	printf("%zu characters, %zu cells blank\n", n, blank);
	free(px);
	free(chars);
	return blank ? 1 : 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "draw") == 0)
		return draw(argv[2], argv[3]);
	if (argc >= 3 && strcmp(argv[1], "check") == 0)
		return check(argv + 2, argc - 2);
	fprintf(stderr, "usage: glyphgrid draw LANG OUT.pdf < TEXT\n"
			"       glyphgrid check PAGE.pgm... < TEXT\n");
	return 2;
}
