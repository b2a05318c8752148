/* digest: the daily digest as text and PDF (see digest.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "date.h"
#include "digest.h"
#include "i18n.h"
#include "money.h"
#include "outfile.h"
#include "pdf.h"
#include "text.h"
#include "xalloc.h"

/* Text widths in cells (the note has its own line); PDF widths in points. */
static const int text_widths[DIGEST_COLS - 1] = { 14, 10, 10, 24, 18, 6 };
static const int pdf_widths[DIGEST_COLS - 1] = { 80, 62, 56, 160, 95, 58 };
static const char pdf_aligns[DIGEST_COLS - 1] = { 'l', 'l', 'l', 'l', 'r', 'c' };

void
digest_init(struct digest *g, const char *title, const char *subtitle)
{
	memset(g, 0, sizeof *g);
	g->title = xstrdup(title);
	g->subtitle = xstrdup(subtitle);
}

void
digest_add(struct digest *g, const char *const cells[DIGEST_COLS])
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 32;
		g->rows = xrealloc(g->rows, g->cap * sizeof *g->rows);
	}
	for (int i = 0; i < DIGEST_COLS; i++)
		g->rows[g->n][i] = xstrdup(cells[i] ? cells[i] : "");
	g->n++;
}

void
digest_free(struct digest *g)
{
	for (size_t r = 0; r < g->n; r++)
		for (int i = 0; i < DIGEST_COLS; i++)
			free(g->rows[r][i]);
	free(g->rows);
	free(g->title);
	free(g->subtitle);
	memset(g, 0, sizeof *g);
}

void
digest_init_worklist(struct digest *g, const char *rep, int32_t day)
{
	char d[DATE_ISO_SIZE];
	struct strbuf title, sub;

	sb_init(&title);
	sb_init(&sub);
	date_format_iso(day, d);
	if (rep && *rep)
		sb_addf(&title, _("Customers to call for %s"), rep);
	else
		sb_adds(&title, _("Worklist"));
	sb_addf(&sub, _("%s: follow-ups, promises and dunning levels that need a call today"), d);
	digest_init(g, title.buf, sub.buf);
	sb_free(&title);
	sb_free(&sub);
}

static const char *
digest_todo(const struct worklist_item *w)
{
	switch (w->kind) {
	case WORK_FOLLOW_UP: return _("Follow-up");
	case WORK_PROMISE_DUE: return _("Promise due");
	case WORK_PROMISE_BROKEN: return _("Promise broken");
	default: return contact_level_name(w->level);
	}
}

void
digest_add_item(struct digest *g, const struct worklist_item *w)
{
	char d[DATE_ISO_SIZE], amt[MONEY_BUFSZ + 8], rating[16];
	const char *cells[DIGEST_COLS];
	struct strbuf note;

	sb_init(&note);
	date_format_iso(w->date, d);
	money_format(w->amount, w->currency, MONEY_GROUP, amt, MONEY_BUFSZ);
	snprintf(amt + strlen(amt), sizeof amt - strlen(amt), " %s", w->currency);
	snprintf(rating, sizeof rating, "%c%s", w->rating.grade, w->hold ? "!" : "");
	if (w->hold)
		sb_addf(&note, "%s ", _("On credit hold."));
	rating_reasons(&w->rating, &note);
	if (*w->note)
		sb_addf(&note, " — %s", w->note);
	cells[0] = digest_todo(w);
	cells[1] = d;
	cells[2] = w->customer;
	cells[3] = w->name;
	cells[4] = amt;
	cells[5] = rating;
	cells[6] = note.buf;
	digest_add(g, cells);
	sb_free(&note);
}

const char *
digest_heading(int col)
{
	static const char *const heads[DIGEST_COLS] = {
		N_("To do"), N_("Date"), N_("Customer"), N_("Name"), N_("Amount"),
		N_("Rating"), N_("Note"),
	};

	return col >= 0 && col < DIGEST_COLS ? _(heads[col]) : "";
}

static void
digest_text_row(struct strbuf *out, const char *const *cells)
{
	for (int i = 0; i < DIGEST_COLS - 1; i++) {
		if (i)
			sb_adds(out, "  ");
		text_pad(out, cells[i], text_widths[i], i == 4 ? TEXT_RIGHT : TEXT_LEFT);
	}
	sb_addc(out, '\n');
	if (*cells[DIGEST_COLS - 1])
		sb_addf(out, "    %s\n", cells[DIGEST_COLS - 1]);
}

void
digest_text(const struct digest *g, struct strbuf *out)
{
	const char *heads[DIGEST_COLS];

	sb_addf(out, "%s\n%s\n\n", g->title, g->subtitle);
	for (int i = 0; i < DIGEST_COLS; i++)
		heads[i] = i < DIGEST_COLS - 1 ? digest_heading(i) : "";
	digest_text_row(out, heads);
	for (size_t r = 0; r < g->n; r++)
		digest_text_row(out, (const char *const *)g->rows[r]);
}

static enum ur_status
digest_save_pdf(const struct digest *g, const char *path, const struct company *co,
		struct ur_err *err)
{
	struct outfile f;
	struct pdf *p;
	enum ur_status rc;

	if (outfile_open(&f, path, 0666, 0, err) != UR_OK)
		return err->status;
	if ((rc = pdf_open(&f, &p, err)) == UR_OK) {
		pdf_digest(p, g, co, digest_lang());
		rc = pdf_close(p, err);
	}
	rc = rc == UR_OK ? outfile_commit(&f, err) : rc;
	if (rc != UR_OK)
		outfile_abort(&f);
	return rc;
}

enum ur_status
digest_save(const struct digest *g, const char *path, const struct company *co,
	    struct ur_err *err)
{
	size_t n = strlen(path);
	struct strbuf sb;
	enum ur_status rc;

	if (n > 4 && strcmp(path + n - 4, ".pdf") == 0)
		return digest_save_pdf(g, path, co, err);
	sb_init(&sb);
	digest_text(g, &sb);
	rc = outfile_put(path, sb.buf, sb.len, 0666, 0, err);
	sb_free(&sb);
	return rc;
}

enum stmt_lang
digest_lang(void)
{
	/* TRANSLATORS: this language's code for documents: ja or zh_CN */
	int lang = stmt_lang_parse(_("en"));

	return lang < 0 ? STMT_EN : (enum stmt_lang)lang;
}

void
pdf_digest(struct pdf *p, const struct digest *g, const struct company *c,
	   enum stmt_lang lang)
{
	const struct pdf_cols cols = { DIGEST_COLS - 1, pdf_widths, pdf_aligns };
	const char *heads[DIGEST_COLS - 1];
	int y;

	pdf_begin(p, c, lang, g->title);
	y = PDF_MARGIN;
	y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, g->title, 16, PDF_BOLD) + 6;
	y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, g->subtitle, 10, PDF_WRAP) + 14;
	pdf_set_y(p, y);
	for (int i = 0; i < DIGEST_COLS - 1; i++)
		heads[i] = digest_heading(i);
	pdf_row(p, &cols, heads, true);
	for (size_t r = 0; r < g->n; r++) {
		const char *note = g->rows[r][DIGEST_COLS - 1];

		pdf_row(p, &cols, (const char *const *)g->rows[r], false);
		if (*note) {
			int h = pdf_text_height(p, PDF_BODY_W - 20, note, 8, PDF_WRAP);

			pdf_need(p, h + 4);
			pdf_set_y(p, pdf_y(p) + pdf_text(p, PDF_MARGIN + 20, pdf_y(p),
							 PDF_BODY_W - 20, note, 8,
							 PDF_WRAP | PDF_GREY) + 4);
		}
	}
	pdf_table_end(p);
	pdf_end(p);
}
