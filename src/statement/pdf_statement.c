/* pdf_statement: the statement layouts on A4 — the Japanese 合計請求書
 * (summary boxes 前回御請求額 … 今回御請求額, payments, invoices), the
 * Chinese 对账单 (ledger and a confirmation slip to sign and stamp) and the
 * English statement of account (ledger) — sharing the heading, sender,
 * tax, aging and bank sections. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pdf.h"
#include "render.h"
#include "words.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define RIGHT_X (PDF_MARGIN + 290) /* the sender's block */
#define RIGHT_W (PDF_BODY_W - 290)

static const char *
lang_of(const struct statement *s)
{
	return stmt_lang_code(s->lang);
}

/* One labelled line of the sender's block, when value is set. */
static int
sender_line(struct pdf *p, int x, int y, int w, const struct stmt_words *wd, const char *label,
	    const char *value)
{
	char buf[512];

	if (!*value)
		return 0;
	snprintf(buf, sizeof buf, "%s%s%s", label, wd->colon, value);
	return pdf_text(p, x, y, w, buf, 8, 0);
}

int
pdf_sender(struct pdf *p, int x, int y, int w, const struct company *c, enum stmt_lang lang)
{
	const struct stmt_words *wd = stmt_words(lang);
	const char *code = stmt_lang_code(lang);
	const char *reg = lang == STMT_ZH ? company_get(c, "registration.zh_CN", NULL)
					  : company_get(c, "registration", code);
	int top = y, tw = wd->seal ? w - PDF_SEAL - 6 : w;

	y += pdf_text(p, x, y, tw, company_get(c, "name", code), 11, PDF_BOLD | PDF_WRAP) + 2;
	y += pdf_text(p, x, y, tw, company_get(c, "address", code), 8, PDF_WRAP);
	y += sender_line(p, x, y, tw, wd, wd->tel, company_get(c, "phone", code));
	y += pdf_text(p, x, y, tw, company_get(c, "email", code), 8, 0);
	y += sender_line(p, x, y, tw, wd, wd->registration, reg);
	y += sender_line(p, x, y, tw, wd, wd->contact, company_get(c, "contact", code));
	if (wd->seal) {
		/* room for our stamp (角印 / 公司盖章), beside the name it goes over */
		pdf_rect(p, x + w - PDF_SEAL, top, PDF_SEAL, PDF_SEAL, 4, false);
		pdf_text(p, x + w - PDF_SEAL, top + PDF_SEAL / 2 - 6, PDF_SEAL, wd->seal, 8,
			 PDF_CENTER | PDF_GREY);
		if (y < top + PDF_SEAL)
			y = top + PDF_SEAL;
	}
	return y;
}

/* The customer's address, in Japanese with the postal code on a line of
 * its own as on an envelope. */
static int
recipient_address(struct pdf *p, const struct statement *s, int y, int w)
{
	char postal[STMT_POSTAL_SIZE];
	const char *rest = s->lang == STMT_JA ? stmt_postal_split(s->address, postal) : s->address;

	if (s->lang == STMT_JA && *postal)
		y += pdf_text(p, PDF_MARGIN, y, w, postal, 9, 0);
	if (*rest)
		y += pdf_text(p, PDF_MARGIN, y, w, rest, 9, PDF_WRAP);
	return *s->address ? y + 4 : y;
}

/* The right-aligned dated line "label：date" of the heading. */
static int
date_line(struct pdf *p, int y, const struct stmt_words *w, const char *label, int32_t day,
	  enum stmt_lang lang, unsigned flags)
{
	char buf[256], d[STMT_DATE_SIZE];

	stmt_date_long(day, lang, d);
	snprintf(buf, sizeof buf, "%s%s%s", label, w->colon, d);
	return pdf_text(p, RIGHT_X, y, RIGHT_W, buf, 9, PDF_RIGHT | flags);
}

/* Title, recipient (left), dates and sender (right). */
static void
heading(struct pdf *p, const struct statement *s, const struct company *c)
{
	const struct stmt_words *w = stmt_words(s->lang);
	const char *lang = lang_of(s);
	char buf[512], d1[STMT_DATE_SIZE], d2[STMT_DATE_SIZE];
	int y = PDF_MARGIN, ly, ry;

	if (*company_get(c, "letterhead", lang))
		y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, company_get(c, "letterhead", lang), 8,
			      PDF_CENTER | PDF_GREY | PDF_WRAP) + 4;
	y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, w->title, 20, PDF_BOLD | PDF_CENTER) + 4;
	pdf_line(p, PDF_MARGIN + 170, y, PDF_MARGIN + PDF_BODY_W - 170, y, 10);
	y += 16;
	ly = recipient_address(p, s, y, 270);
	snprintf(buf, sizeof buf, "%s%s%s", w->to_prefix, s->name, w->to_suffix);
	ly += pdf_text(p, PDF_MARGIN, ly, 270, buf, 13, PDF_BOLD | PDF_WRAP) + 2;
	pdf_line(p, PDF_MARGIN, ly, PDF_MARGIN + 270, ly, 8);
	ly += 6;
	snprintf(buf, sizeof buf, "%s%s%s", w->account, w->colon, s->code);
	ly += pdf_text(p, PDF_MARGIN, ly, 270, buf, 9, 0);

	ry = y + date_line(p, y, w, w->issued, s->to, s->lang, 0);
	if (w->closing)
		ry += date_line(p, ry, w, w->closing, s->to, s->lang, 0);
	stmt_date_short(s->from, s->lang, d1);
	stmt_date_short(s->to, s->lang, d2);
	snprintf(buf, sizeof buf, "%s%s%s%s%s", w->period, w->colon, d1, w->period_sep, d2);
	ry += pdf_text(p, RIGHT_X, ry, RIGHT_W, buf, 9, PDF_RIGHT);
	if (w->deadline)
		ry += date_line(p, ry, w, w->deadline, s->deadline, s->lang, PDF_BOLD);
	snprintf(buf, sizeof buf, "%s%s%s", w->currency, w->colon, s->currency);
	ry += pdf_text(p, RIGHT_X, ry, RIGHT_W, buf, 9, PDF_RIGHT) + 10;
	ry = pdf_sender(p, RIGHT_X, ry, RIGHT_W, c, s->lang);
	y = (ly > ry ? ly : ry) + 14;
	y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, w->intro, 9, PDF_WRAP) + 10;
	pdf_set_y(p, y);
}

/* A row of labelled boxes; the last one (the amount to pay) stands out. */
static void
boxes(struct pdf *p, const struct statement *s, const char *const *labels,
      const int64_t *values, int n)
{
	int bw = PDF_BODY_W / n, y = pdf_y(p), x;
	char m[RENDER_MONEY_SIZE];

	for (int i = 0; i < n; i++) {
		x = PDF_MARGIN + i * bw;
		pdf_rect(p, x, y, bw, 18, 6, true);
		pdf_rect(p, x, y + 18, bw, 26, i == n - 1 ? 16 : 6, false);
		pdf_text(p, x + 2, y + 4, bw - 4, labels[i], 8, PDF_CENTER | PDF_BOLD);
		render_money(values[i], s->currency, s->lang, m);
		pdf_text(p, x + 4, y + 24, bw - 8, m, i == n - 1 ? 11 : 10,
			 PDF_RIGHT | (i == n - 1 ? PDF_BOLD : 0));
	}
	pdf_set_y(p, y + 44 + 10);
}

static void
section(struct pdf *p, const char *title)
{
	pdf_need(p, 40);
	pdf_set_y(p, pdf_y(p) + pdf_text(p, PDF_MARGIN, pdf_y(p), PDF_BODY_W, title, 10, PDF_BOLD)
			     + 3);
}

static void
ja_summary(struct pdf *p, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	const char *labels[] = { w->previous, w->received, w->adjusted, w->carried,
				 w->sales, w->tax, w->current };
	const int64_t values[] = { s->previous, s->received, s->fees + s->adjusted, s->carried,
				   s->sales, s->tax, s->billed };

	boxes(p, s, labels, values, (int)COUNT(values));
}

static void
ja_payments(struct pdf *p, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	static const int widths[] = { 80, 255, 90, 86 };
	const struct pdf_cols cols = { 4, widths, "llrr" };
	char d[STMT_DATE_SIZE], a[RENDER_MONEY_SIZE], f[RENDER_MONEY_SIZE], memo[256];
	int any = 0;

	section(p, w->sec_payments);
	pdf_row(p, &cols, (const char *[]){ w->c_date, w->c_memo, w->received, w->c_fee }, true);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct stmt_line *l = &s->lines[i];
		int pay = stmt_line_is_cash(l);

		if (l->kind == LEDGER_MOVE_INVOICE)
			continue;
		any = 1;
		stmt_date_short(l->date, s->lang, d);
		render_money(stmt_line_cash(l), s->currency, s->lang, a);
		render_money(l->fee, s->currency, s->lang, f);
		snprintf(memo, sizeof memo, "%s%s%s", stmt_line_text(l, s->lang),
			 l->kind == LEDGER_MOVE_PAYMENT ? "" : " ",
			 l->kind == LEDGER_MOVE_PAYMENT ? "" : l->ref);
		pdf_row(p, &cols, (const char *[]){ d, memo, pay ? a : "",
						    pay ? (l->fee ? f : "") : a }, false);
	}
	if (!any)
		pdf_row(p, &cols, (const char *[]){ "", w->none, "", "" }, false);
	pdf_table_end(p);
	pdf_set_y(p, pdf_y(p) + 8);
}

static void
ja_invoices(struct pdf *p, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	static const int widths[] = { 70, 100, 135, 86, 60, 60 };
	const struct pdf_cols cols = { 6, widths, "lllrrl" };
	char d[STMT_DATE_SIZE], due[STMT_DATE_SIZE], a[RENDER_MONEY_SIZE], t[RENDER_MONEY_SIZE];
	char memo[256];
	int any = 0;

	section(p, w->sec_invoices);
	pdf_row(p, &cols, (const char *[]){ w->c_date, w->c_number, w->c_memo, w->c_amount,
					    w->c_tax, w->c_due }, true);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct stmt_line *l = &s->lines[i];

		if (l->kind != LEDGER_MOVE_INVOICE)
			continue;
		any = 1;
		stmt_date_short(l->date, s->lang, d);
		stmt_date_short(l->due, s->lang, due);
		render_money(l->amount, s->currency, s->lang, a);
		render_money(l->tax, s->currency, s->lang, t);
		snprintf(memo, sizeof memo, "%s%s", l->rate == 8 ? w->reduced_mark : "",
			 stmt_line_text(l, s->lang));
		pdf_row(p, &cols, (const char *[]){ d, l->ref, memo, a, l->tax >= 0 ? t : "", due },
			false);
	}
	if (!any)
		pdf_row(p, &cols, (const char *[]){ "", "", w->none, "", "", "" }, false);
	pdf_table_end(p);
	pdf_set_y(p, pdf_y(p) + 8);
}

/* zh_CN, en: summary boxes and one ledger with a running balance. */
static void
ledger(struct pdf *p, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	const char *labels[] = { w->previous, w->sales, w->received, w->adjusted, w->current };
	const int64_t values[] = { s->previous, s->sales, s->received, s->fees + s->adjusted,
				   s->billed };
	static const int widths[] = { 66, 130, 95, 80, 80, 60 };
	const struct pdf_cols cols = { 6, widths, "lllrrr" };
	char d[STMT_DATE_SIZE], a[RENDER_MONEY_SIZE], b[RENDER_MONEY_SIZE];

	boxes(p, s, labels, values, (int)COUNT(values));
	section(p, w->sec_ledger);
	pdf_row(p, &cols, (const char *[]){ w->c_date, w->c_memo, w->c_number, w->c_debit,
					    w->c_credit, w->c_balance }, true);
	stmt_date_short(s->from, s->lang, d);
	render_money(s->previous, s->currency, s->lang, b);
	pdf_row(p, &cols, (const char *[]){ d, w->m_opening, "", "", "", b }, false);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct stmt_line *l = &s->lines[i];
		int debit = l->kind == LEDGER_MOVE_INVOICE || l->kind == LEDGER_MOVE_REFUND;
		int64_t fee = l->kind == LEDGER_MOVE_PAYMENT ? l->fee : 0;

		stmt_date_short(l->date, s->lang, d);
		render_money(l->amount, s->currency, s->lang, a);
		render_money(l->balance + fee, s->currency, s->lang, b);
		pdf_row(p, &cols, (const char *[]){ d, stmt_line_text(l, s->lang), l->ref,
						    debit ? a : "", debit ? "" : a, b }, false);
		if (fee) {
			render_money(fee, s->currency, s->lang, a);
			render_money(l->balance, s->currency, s->lang, b);
			pdf_row(p, &cols, (const char *[]){ "", w->m_fee, l->ref, "", a, b }, false);
		}
	}
	stmt_date_short(s->to, s->lang, d);
	render_money(s->current, s->currency, s->lang, b);
	pdf_row(p, &cols, (const char *[]){ d, w->m_closing, "", "", "", b }, true);
	pdf_table_end(p);
	pdf_set_y(p, pdf_y(p) + 8);
}

static void
tax_table(struct pdf *p, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	static const int widths[] = { 140, 125, 125, 121 };
	const struct pdf_cols cols = { 4, widths, "lrrr" };
	char label[64], a[RENDER_MONEY_SIZE], t[RENDER_MONEY_SIZE], n[RENDER_MONEY_SIZE];

	if (!s->nrates)
		return;
	section(p, w->sec_tax);
	pdf_row(p, &cols, (const char *[]){ "", w->base, w->c_tax, w->tax_incl }, true);
	for (int i = 0; i < s->nrates; i++) {
		const struct stmt_rate *r = &s->rates[i];
		int known = r->rate != STMT_RATE_UNKNOWN;

		stmt_rate_label(r->rate, s->lang, label, sizeof label);
		if (r->rate == 8 && *w->reduced_mark)
			snprintf(label, sizeof label, "%s8%s%s", w->rate_pre, w->rate_post,
				 w->reduced_mark);
		render_money(r->amount - r->tax, s->currency, s->lang, n);
		render_money(r->tax, s->currency, s->lang, t);
		render_money(r->amount, s->currency, s->lang, a);
		pdf_row(p, &cols, (const char *[]){ label, known ? n : "", known ? t : "", a },
			false);
		if (r->rate == 8 && *w->reduced_note)
			pdf_set_y(p, pdf_y(p) + pdf_text(p, PDF_MARGIN, pdf_y(p) + 2, PDF_BODY_W,
							 w->reduced_note, 8, 0) + 2);
	}
	if (s->tax_unknown)
		pdf_set_y(p, pdf_y(p) + pdf_text(p, PDF_MARGIN, pdf_y(p) + 2, PDF_BODY_W,
						 w->tax_unknown_note, 8, 0) + 2);
	if (s->tax_rounding) {
		char note[256];

		render_money(s->tax_rounding, s->currency, s->lang, t);
		snprintf(note, sizeof note, "%s%s%s", w->tax_total_note, t,
			 s->lang == STMT_EN ? ")" : "）");
		pdf_set_y(p, pdf_y(p) + pdf_text(p, PDF_MARGIN, pdf_y(p) + 2, PDF_BODY_W, note, 8,
						 PDF_WRAP) + 2);
	}
	pdf_table_end(p);
	pdf_set_y(p, pdf_y(p) + 8);
}

static void
aging(struct pdf *p, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	static const int widths[] = { 103, 102, 102, 102, 102 };
	const struct pdf_cols cols = { STMT_AGING_BUCKETS, widths, "rrrrr" };
	char m[STMT_AGING_BUCKETS][RENDER_MONEY_SIZE], d[STMT_DATE_SIZE], title[256];
	const char *cells[STMT_AGING_BUCKETS];

	stmt_date_short(s->to, s->lang, d);
	snprintf(title, sizeof title, "%s %s%s%s", w->sec_aging, w->as_of_pre, d,
		 w->as_of_post);
	section(p, title);
	pdf_row(p, &cols, w->aging, true);
	for (int i = 0; i < STMT_AGING_BUCKETS; i++) {
		render_money(s->aging[i], s->currency, s->lang, m[i]);
		cells[i] = m[i];
	}
	pdf_row(p, &cols, cells, false);
	if (s->on_account) {
		static const int ow[] = { 409, 102 };
		const struct pdf_cols oc = { 2, ow, "lr" };

		render_money(-s->on_account, s->currency, s->lang, m[0]);
		pdf_row(p, &oc, (const char *[]){ w->on_account, m[0] }, false);
	}
	pdf_table_end(p);
	pdf_set_y(p, pdf_y(p) + 8);
}

static void
pay_to(struct pdf *p, const struct statement *s, const struct company *c)
{
	const char *bank = company_get(c, "bank", lang_of(s));
	int h;

	if (!*bank)
		return;
	h = pdf_text_height(p, PDF_BODY_W - 16, bank, 9, PDF_WRAP) + 12;
	section(p, stmt_words(s->lang)->sec_pay_to);
	pdf_need(p, h);
	pdf_rect(p, PDF_MARGIN, pdf_y(p), PDF_BODY_W, h, 6, false);
	pdf_text(p, PDF_MARGIN + 8, pdf_y(p) + 6, PDF_BODY_W - 16, bank, 9, PDF_WRAP);
	pdf_set_y(p, pdf_y(p) + h + 8);
}

/* 对账单: the slip below a cut line, to sign, stamp and send back. */
static void
slip(struct pdf *p, const struct statement *s, const struct company *c)
{
	const struct stmt_words *w = stmt_words(s->lang);
	char buf[512], m[RENDER_MONEY_SIZE];
	int y, h = 136;

	pdf_need(p, h);
	y = PDF_BOTTOM - h > pdf_y(p) ? PDF_BOTTOM - h : pdf_y(p);
	for (int x = PDF_MARGIN; x < PDF_MARGIN + PDF_BODY_W; x += 8)
		pdf_line(p, x, y, x + 4, y, 5);
	y += 8;
	pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, w->slip_title, 11, PDF_BOLD | PDF_CENTER);
	y += 18;
	render_money(s->current, s->currency, s->lang, m);
	snprintf(buf, sizeof buf, "%s%s  %s%s%s  %s%s%s %s", w->to_prefix,
		 company_get(c, "name", lang_of(s)), w->account, w->colon, s->code, w->current,
		 w->colon, m, s->currency);
	y += pdf_text(p, PDF_MARGIN, y, PDF_BODY_W, buf, 9, PDF_WRAP) + 4;
	pdf_rect(p, PDF_MARGIN, y, PDF_BODY_W, 90, 8, false);
	pdf_text(p, PDF_MARGIN + 10, y + 6, PDF_BODY_W - 20, w->slip_agree, 9, 0);
	pdf_text(p, PDF_MARGIN + 10, y + 22, PDF_BODY_W - 20, w->slip_disagree, 9, 0);
	pdf_text(p, PDF_MARGIN + 10, y + 56, 240, w->slip_seal, 9, 0);
	pdf_rect(p, PDF_MARGIN + 120, y + 40, 46, 46, 4, false);
	pdf_text(p, PDF_MARGIN + 260, y + 50, 240, w->slip_signer, 9, 0);
	pdf_text(p, PDF_MARGIN + 260, y + 70, 240, w->slip_date, 9, 0);
	pdf_set_y(p, y + 96);
}

static void
body(struct pdf *p, const struct statement *s, const struct company *c)
{
	const struct stmt_words *w = stmt_words(s->lang);

	heading(p, s, c);
	if (s->lang == STMT_JA) {
		ja_summary(p, s);
		ja_payments(p, s);
		ja_invoices(p, s);
	} else {
		ledger(p, s);
	}
	tax_table(p, s);
	aging(p, s);
	pay_to(p, s, c);
	if (w->slip_title)
		slip(p, s, c);
}

void
pdf_statement(struct pdf *p, const struct statement *s, const struct company *c)
{
	const struct stmt_words *w = stmt_words(s->lang);
	char head[512];

	snprintf(head, sizeof head, "%s — %s%s%s (%s)", w->title, w->to_prefix, s->name,
		 w->to_suffix, s->code);
	pdf_begin(p, c, s->lang, head);
	pdf_measure(p, true);
	body(p, s, c);
	pdf_measure(p, false);
	body(p, s, c);
	pdf_end(p);
}
