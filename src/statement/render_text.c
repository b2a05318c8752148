/* render_text: statements as plain text padded by terminal cells (see
 * render.h) — the three layouts and the helpers the other renderers share. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "render.h"
#include "text.h"
#include "words.h"
#include "xalloc.h"

#define W RENDER_TEXT_WIDTH

void
render_money(int64_t v, const char *cur, enum stmt_lang lang, char buf[RENDER_MONEY_SIZE])
{
	char tmp[MONEY_BUFSZ];

	money_format(v, cur, MONEY_GROUP, tmp, sizeof tmp);
	if (lang == STMT_JA && tmp[0] == '-')
		snprintf(buf, RENDER_MONEY_SIZE, "△%s", tmp + 1);
	else
		snprintf(buf, RENDER_MONEY_SIZE, "%s", tmp);
}

static void
rstrip_line(struct strbuf *out, size_t start)
{
	while (out->len > start && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
	sb_addc(out, '\n');
}

void
render_row(struct strbuf *out, const char *const *cols, const int *widths, const char *aligns,
	   int n)
{
	size_t start = out->len;

	for (int i = 0; i < n; i++) {
		const char *t = cols[i] ? cols[i] : "";
		enum text_align a = aligns[i] == 'r' ? TEXT_RIGHT
				    : aligns[i] == 'c' ? TEXT_CENTER
						       : TEXT_LEFT;

		if (i)
			sb_addc(out, ' ');
		if (a == TEXT_RIGHT && text_width(t) > widths[i])
			text_sanitize(out, t, strlen(t)); /* amounts are never cut */
		else
			text_pad(out, t, widths[i], a);
	}
	rstrip_line(out, start);
}

void
render_lines(struct strbuf *out, const char *indent, const char *text)
{
	while (text && *text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		size_t start = out->len;

		sb_adds(out, indent);
		text_sanitize(out, text, n);
		rstrip_line(out, start);
		text = nl ? nl + 1 : text + n;
	}
}

/* Is cp a character that must not begin a line (、。，．」）！？ and the like)? */
static int
no_line_start(const char *p)
{
	static const char *const marks[] = { "、", "。", "，", "．", "」", "）", "！", "？",
					     "：", "；", ",", ".", ")" };

	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strncmp(p, marks[i], strlen(marks[i])) == 0)
			return (int)strlen(marks[i]);
	return 0;
}

void
render_wrap(struct strbuf *out, const char *text, int width)
{
	const char *nl;

	do {
		nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		char *line = xstrndup(text, n), *p = line;

		do {
			size_t fit = text_fit(p, width, NULL), cut = fit, k;

			if (p[fit]) {
				for (k = fit; k > fit / 2 && p[k] != ' '; k--)
					;
				if (p[k] == ' ' && (unsigned char)p[fit] < 0x80)
					cut = k;
				cut += no_line_start(p + cut);
			}
			size_t start = out->len;

			text_sanitize(out, p, cut);
			rstrip_line(out, start);
			p += cut;
			while (*p == ' ')
				p++;
		} while (*p);
		free(line);
		text = nl ? nl + 1 : NULL;
	} while (text);
}

static void
centered(struct strbuf *out, const char *s)
{
	size_t start = out->len;

	text_pad(out, s, W, TEXT_CENTER);
	rstrip_line(out, start);
}

static void
heading(struct strbuf *out, const char *title, enum stmt_lang lang)
{
	sb_addc(out, '\n');
	sb_adds(out, lang == STMT_EN ? "" : "■ ");
	sb_adds(out, title);
	sb_addc(out, '\n');
}

/* Two columns: what identifies the customer, and the dates. */
static void
head(struct strbuf *out, const struct statement *s, const struct company *c)
{
	const struct stmt_words *w = stmt_words(s->lang);
	static const int widths[] = { 40, 37 };
	char l[3][256], r[3][256], d1[STMT_DATE_SIZE], d2[STMT_DATE_SIZE];
	const char *lang = stmt_lang_code(s->lang);

	if (*company_get(c, "letterhead", lang))
		render_lines(out, "", company_get(c, "letterhead", lang));
	centered(out, w->title);
	sb_addc(out, '\n');
	snprintf(l[0], sizeof l[0], "%s%s%s", w->to_prefix, s->name, w->to_suffix);
	snprintf(l[1], sizeof l[1], "%s%s%s", w->account, w->colon, s->code);
	l[2][0] = '\0';
	stmt_date_long(s->to, s->lang, d1);
	snprintf(r[0], sizeof r[0], "%s%s%s", w->issued, w->colon, d1);
	stmt_date_short(s->from, s->lang, d1);
	stmt_date_short(s->to, s->lang, d2);
	snprintf(r[1], sizeof r[1], "%s%s%s%s%s", w->period, w->colon, d1, w->period_sep, d2);
	snprintf(r[2], sizeof r[2], "%s%s%s", w->currency, w->colon, s->currency);
	for (int i = 0; i < 3; i++) {
		const char *cols[] = { l[i], r[i] };

		render_row(out, cols, widths, "ll", 2);
	}
}

/* Our details: name, address, phone, e-mail, registration number. */
static void
sender(struct strbuf *out, const struct statement *s, const struct company *c)
{
	const char *lang = stmt_lang_code(s->lang);
	const char *reg = s->lang == STMT_ZH ? company_get(c, "registration.zh_CN", NULL)
					     : company_get(c, "registration", lang);
	const char *indent = "                                              ";

	sb_addc(out, '\n');
	render_lines(out, indent, company_get(c, "name", lang));
	render_lines(out, indent, company_get(c, "address", lang));
	render_lines(out, indent, company_get(c, "phone", lang));
	render_lines(out, indent, company_get(c, "email", lang));
	if (*reg) {
		sb_adds(out, indent);
		sb_addf(out, "%s%s%s\n", stmt_words(s->lang)->registration, stmt_words(s->lang)->colon, reg);
	}
}

static void
amount_line(struct strbuf *out, const struct statement *s, const char *label, int64_t v)
{
	static const int widths[] = { 2, 26, 16 };
	char m[RENDER_MONEY_SIZE];
	const char *cols[] = { "", label, m };

	render_money(v, s->currency, s->lang, m);
	render_row(out, cols, widths, "llr", 3);
}

static void
summary(struct strbuf *out, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);

	sb_addc(out, '\n');
	amount_line(out, s, w->previous, s->previous);
	amount_line(out, s, w->received, s->received);
	amount_line(out, s, w->adjusted, s->fees + s->adjusted);
	amount_line(out, s, w->carried, s->carried);
	amount_line(out, s, w->sales, s->sales);
	amount_line(out, s, w->tax, s->tax);
	amount_line(out, s, w->current, s->billed);
}

/* ja: payments (with fees and adjustments), then invoices. */
static void
ja_details(struct strbuf *out, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	static const int pw[] = { 10, 34, 14, 14 }, iw[] = { 10, 15, 15, 12, 10, 10 };
	char d[STMT_DATE_SIZE], due[STMT_DATE_SIZE], a[RENDER_MONEY_SIZE], f[RENDER_MONEY_SIZE];
	char memo[256];

	heading(out, w->sec_payments, s->lang);
	render_row(out, (const char *[]){ w->c_date, w->c_memo, w->received, w->c_fee }, pw,
		   "llrr", 4);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct stmt_line *l = &s->lines[i];
		int pay = stmt_line_is_cash(l);

		if (l->kind == LEDGER_MOVE_INVOICE)
			continue;
		stmt_date_short(l->date, s->lang, d);
		render_money(stmt_line_cash(l), s->currency, s->lang, a);
		render_money(l->fee, s->currency, s->lang, f);
		snprintf(memo, sizeof memo, "%s%s%s", stmt_line_text(l, s->lang),
			 l->kind == LEDGER_MOVE_PAYMENT ? "" : " ",
			 l->kind == LEDGER_MOVE_PAYMENT ? "" : l->ref);
		render_row(out, (const char *[]){ d, memo, pay ? a : "",
						  pay ? (l->fee ? f : "") : a }, pw, "llrr", 4);
	}
	heading(out, w->sec_invoices, s->lang);
	render_row(out, (const char *[]){ w->c_date, w->c_number, w->c_memo, w->c_amount,
					  w->c_tax, w->c_due }, iw, "lllrrl", 6);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct stmt_line *l = &s->lines[i];

		if (l->kind != LEDGER_MOVE_INVOICE)
			continue;
		stmt_date_short(l->date, s->lang, d);
		stmt_date_short(l->due, s->lang, due);
		render_money(l->amount, s->currency, s->lang, a);
		render_money(l->tax, s->currency, s->lang, f);
		snprintf(memo, sizeof memo, "%s%s", l->rate == 8 ? w->reduced_mark : "",
			 stmt_line_text(l, s->lang));
		render_row(out, (const char *[]){ d, l->ref, memo, a, l->tax >= 0 ? f : "", due },
			   iw, "lllrrl", 6);
	}
}

/* zh_CN, en: one ledger with a running balance. */
static void
ledger(struct strbuf *out, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	static const int lw[] = { 10, 15, 15, 11, 11, 11 };
	char d[STMT_DATE_SIZE], a[RENDER_MONEY_SIZE], b[RENDER_MONEY_SIZE];

	heading(out, w->sec_ledger, s->lang);
	render_row(out, (const char *[]){ w->c_date, w->c_memo, w->c_number, w->c_debit,
					  w->c_credit, w->c_balance }, lw, "lllrrr", 6);
	stmt_date_short(s->from, s->lang, d);
	render_money(s->previous, s->currency, s->lang, b);
	render_row(out, (const char *[]){ d, w->m_opening, "", "", "", b }, lw, "lllrrr", 6);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct stmt_line *l = &s->lines[i];
		int debit = l->kind == LEDGER_MOVE_INVOICE || l->kind == LEDGER_MOVE_REFUND;

		stmt_date_short(l->date, s->lang, d);
		render_money(l->amount, s->currency, s->lang, a);
		render_money(l->balance + (l->kind == LEDGER_MOVE_PAYMENT ? l->fee : 0),
			     s->currency, s->lang, b);
		render_row(out, (const char *[]){ d, stmt_line_text(l, s->lang), l->ref,
			   debit ? a : "", debit ? "" : a, b }, lw, "lllrrr", 6);
		if (l->kind == LEDGER_MOVE_PAYMENT && l->fee) {
			render_money(l->fee, s->currency, s->lang, a);
			render_money(l->balance, s->currency, s->lang, b);
			render_row(out, (const char *[]){ "", w->m_fee, l->ref, "", a, b }, lw,
				   "lllrrr", 6);
		}
	}
	if (!s->nlines)
		render_row(out, (const char *[]){ "", w->none }, lw, "ll", 2);
}

static void
tax_table(struct strbuf *out, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	static const int tw[] = { 14, 14, 14, 14 };
	char label[64], a[RENDER_MONEY_SIZE], t[RENDER_MONEY_SIZE], n[RENDER_MONEY_SIZE];

	if (!s->nrates)
		return;
	heading(out, w->sec_tax, s->lang);
	render_row(out, (const char *[]){ "", w->base, w->c_tax, w->tax_incl }, tw, "lrrr", 4);
	for (int i = 0; i < s->nrates; i++) {
		const struct stmt_rate *r = &s->rates[i];
		int known = r->rate != STMT_RATE_UNKNOWN;

		stmt_rate_label(r->rate, s->lang, label, sizeof label);
		if (r->rate == 8 && *w->reduced_mark)
			snprintf(label, sizeof label, "%s%d%s%s", w->rate_pre, 8, w->rate_post,
				 w->reduced_mark);
		render_money(r->amount - r->tax, s->currency, s->lang, n);
		render_money(r->tax, s->currency, s->lang, t);
		render_money(r->amount, s->currency, s->lang, a);
		render_row(out, (const char *[]){ label, known ? n : "", known ? t : "", a }, tw,
			   "lrrr", 4);
	}
	for (int i = 0; i < s->nrates; i++)
		if (s->rates[i].rate == 8 && *w->reduced_note)
			sb_addf(out, "%s\n", w->reduced_note);
	if (s->tax_unknown)
		sb_addf(out, "%s\n", w->tax_unknown_note);
	if (s->tax_rounding) {
		render_money(s->tax_rounding, s->currency, s->lang, t);
		sb_addf(out, "%s%s%s\n", w->tax_total_note, t, s->lang == STMT_EN ? ")" : "）");
	}
}

static void
aging(struct strbuf *out, const struct statement *s)
{
	const struct stmt_words *w = stmt_words(s->lang);
	static const int aw[] = { 14, 14, 14, 14, 14 };
	char m[STMT_AGING_BUCKETS][RENDER_MONEY_SIZE], d[STMT_DATE_SIZE], title[256];
	const char *cols[STMT_AGING_BUCKETS];

	stmt_date_short(s->to, s->lang, d);
	snprintf(title, sizeof title, "%s %s%s%s", w->sec_aging, w->as_of_pre, d,
		 w->as_of_post);
	heading(out, title, s->lang);
	render_row(out, w->aging, aw, "rrrrr", STMT_AGING_BUCKETS);
	for (int i = 0; i < STMT_AGING_BUCKETS; i++) {
		render_money(s->aging[i], s->currency, s->lang, m[i]);
		cols[i] = m[i];
	}
	render_row(out, cols, aw, "rrrrr", STMT_AGING_BUCKETS);
	if (s->on_account) {
		static const int ow[] = { 56, 14 };

		render_money(-s->on_account, s->currency, s->lang, m[0]);
		render_row(out, (const char *[]){ w->on_account, m[0] }, ow, "lr", 2);
	}
}

static void
slip(struct strbuf *out, const struct stmt_words *w)
{
	static const int sw[] = { 38, 38 };

	sb_addc(out, '\n');
	for (int i = 0; i < W; i++)
		sb_addc(out, '-');
	sb_addf(out, "\n%s\n%s\n%s\n\n", w->slip_title, w->slip_agree, w->slip_disagree);
	render_row(out, (const char *[]){ w->slip_seal, w->slip_signer }, sw, "ll", 2);
	sb_addf(out, "\n%s\n", w->slip_date);
}

void
render_statement_text(const struct statement *s, const struct company *c, struct strbuf *out)
{
	const struct stmt_words *w = stmt_words(s->lang);
	const char *bank = company_get(c, "bank", stmt_lang_code(s->lang));

	head(out, s, c);
	sender(out, s, c);
	sb_addf(out, "\n%s\n", w->intro);
	summary(out, s);
	if (s->lang == STMT_JA) {
		ja_details(out, s);
	} else {
		ledger(out, s);
	}
	tax_table(out, s);
	aging(out, s);
	if (*bank) {
		heading(out, w->sec_pay_to, s->lang);
		render_lines(out, "  ", bank);
	}
	if (w->slip_title)
		slip(out, w);
}
