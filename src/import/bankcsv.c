/* bankcsv: bank CSV exports through profiles — decoding, finding the
 * header row below title rows, mapping columns by name, skipping noise
 * rows and handing each credit row over as a bank_deposit. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bankcsv.h"
#include "charset.h"
#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "money.h"
#include "strbuf.h"
#include "xalloc.h"

/* Most memo columns a profile can join. */
#define BANKCSV_MAX_MEMO 8

/* The decoded file and where each of its lines starts in the original. */
struct bankcsv_text {
	struct strbuf utf8;   /* UTF-8, Excel ="..." cells unwrapped */
	uint64_t *line_off;   /* line_off[i] = byte offset of line i + 1 */
	size_t nlines;
};

/* Header positions of the profile's columns (-1 = absent). */
struct bankcsv_map {
	long idx[PROFILE_NCOLS];
	long memo[BANKCSV_MAX_MEMO];
	size_t nmemo;
	size_t need;          /* fields a data row must have */
	char *date_name;      /* header text of the date column */
};

/* One parse. */
struct bankcsv_run {
	const struct profile *p;
	struct bankcsv_text *t;
	struct csv_reader r;
	struct bankcsv_map map;
	char *account;        /* from an account_label title row */
	struct strbuf cell[PROFILE_NCOLS];
	struct strbuf scratch;
	bank_deposit_fn fn;
	void *ctx;
};

/* The cell text s without surrounding spaces, tabs, U+3000 and an Excel
 * ="..." wrapper, into out. */
static const char *
bankcsv_clean(const char *s, struct strbuf *out)
{
	size_t n;

	sb_reset(out);
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	if (n >= 3 && s[0] == '=' && s[1] == '"' && s[n - 1] == '"') {
		s += 2;
		n -= 3;
	}
	sb_add(out, s, n);
	return out->buf;
}

/* Whether cell matches a name or keyword: equal, or (prefix) starting with it. */
static bool
bankcsv_name_is(const char *cell, const char *name, bool prefix)
{
	size_t n = strlen(name);

	return prefix ? strncmp(cell, name, n) == 0 : strcmp(cell, name) == 0;
}

/* Offset in the original file of the start of line (1-based). */
static uint64_t
bankcsv_offset(const struct bankcsv_text *t, size_t line)
{
	if (line < 1 || line > t->nlines)
		return line > t->nlines && t->nlines ? t->line_off[t->nlines - 1] : 0;
	return t->line_off[line - 1];
}

static void
bankcsv_index_lines(struct bankcsv_text *t, const char *data, size_t len)
{
	size_t cap = 64;

	t->line_off = xmalloc(cap * sizeof *t->line_off);
	t->line_off[0] = 0;
	t->nlines = 1;
	if (!len)
		return;
	for (const char *p = data; (p = memchr(p, '\n', len - (size_t)(p - data))); ) {
		p++;
		if (t->nlines == cap) {
			cap *= 2;
			t->line_off = xrealloc(t->line_off, cap * sizeof *t->line_off);
		}
		t->line_off[t->nlines++] = (uint64_t)(p - data);
		if (p == data + len)
			break;
	}
}

/* The line (1-based) holding byte offset off of the original file. */
static size_t
bankcsv_line_of(const struct bankcsv_text *t, uint64_t off)
{
	size_t lo = 0, hi = t->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->line_off[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

/* Copy UTF-8 in[0..n) to out, dropping the '=' of a field that starts
 * with =" (Excel's way of forcing text), so the CSV reader sees "...". */
static void
bankcsv_unwrap_excel(const char *in, size_t n, struct strbuf *out)
{
	bool quoted = false, at_start = true;

	for (size_t i = 0; i < n; i++) {
		char c = in[i];

		if (at_start && !quoted && c == '=' && i + 1 < n && in[i + 1] == '"')
			continue;
		if (c == '"')
			quoted = !quoted;
		at_start = !quoted && (c == ',' || c == '\n' || c == '\r');
		sb_addc(out, c);
	}
}

/* Decode data (profile encoding enc, "auto" = detect) into t. */
static enum ur_status
bankcsv_decode(struct bankcsv_text *t, const char *data, size_t len, const char *enc,
	       struct ur_err *err)
{
	struct strbuf raw;
	size_t bad = 0;
	struct ur_err e;

	sb_init(&t->utf8);
	bankcsv_index_lines(t, data, len);
	if (charset_refuse_unicode(data, len, &e) != UR_OK)
		return ur_fail(err, UR_INPUT, _("LINE %zu (byte %llu): %s"), (size_t)1, 0ull,
			       e.msg);
	if (strcmp(enc, "auto") == 0)
		enc = charset_detect(data, len);
	sb_init(&raw);
	if (charset_to_utf8(enc, data, len, &raw, &bad, &e) != UR_OK) {
		sb_free(&raw);
		if (e.status != UR_INPUT)
			return ur_fail(err, e.status, "%s", e.msg);
		return ur_fail(err, UR_INPUT, _("LINE %zu (byte %zu): bytes that are not valid %s"),
			       bankcsv_line_of(t, bad), bad, enc);
	}
	bankcsv_unwrap_excel(raw.buf, raw.len, &t->utf8);
	sb_free(&raw);
	return UR_OK;
}

static void
bankcsv_text_free(struct bankcsv_text *t)
{
	sb_free(&t->utf8);
	free(t->line_off);
}

/* A message for the current record: "LINE N (byte B): " + reason. */
static enum ur_status
bankcsv_reject(struct bankcsv_run *run, const char *reason, struct ur_err *err)
{
	size_t line = csv_line(&run->r);

	return ur_fail(err, UR_INPUT, _("LINE %zu (byte %llu): %s"), line,
		       (unsigned long long)bankcsv_offset(run->t, line), reason);
}

/* Rewrite the CSV reader's ":LINE: reason" (opened with an empty name) in
 * the "LINE N (byte B): reason" form. */
static enum ur_status
bankcsv_csv_error(struct bankcsv_run *run, struct ur_err *err)
{
	char reason[sizeof err->msg];
	const char *m = err->msg, *sep;
	size_t line = csv_line(&run->r);

	if (err->status != UR_INPUT)
		return err->status;
	if (m[0] == ':' && (sep = strstr(m + 1, ": "))) {
		line = strtoul(m + 1, NULL, 10);
		m = sep + 2;
	}
	snprintf(reason, sizeof reason, "%s", m);
	return ur_fail(err, UR_INPUT, _("LINE %zu (byte %llu): %s"), line,
		       (unsigned long long)bankcsv_offset(run->t, line), reason);
}

/* Index of the field of the current record named by one of names: an
 * exact match first, then a cell starting with the name; -1 if none. */
static long
bankcsv_find(struct bankcsv_run *run, const struct profile_list *names)
{
	for (int prefix = 0; prefix < 2; prefix++) {
		for (size_t k = 0; k < names->n; k++) {
			for (size_t i = 0; i < csv_nfields(&run->r); i++) {
				const char *c = bankcsv_clean(csv_field(&run->r, i), &run->scratch);

				if (*c && bankcsv_name_is(c, names->v[k], prefix))
					return (long)i;
			}
		}
	}
	return -1;
}

/* Whether keyword kw ("a|b|c") names a cell of the current record. */
static bool
bankcsv_has_keyword(const struct csv_reader *r, const char *kw, struct strbuf *tmp)
{
	for (size_t i = 0; i < csv_nfields(r); i++) {
		const char *c = bankcsv_clean(csv_field(r, i), tmp);
		const char *alt = kw;

		while (*c) {
			size_t n = strcspn(alt, "|");

			if (n && strncmp(c, alt, n) == 0)
				return true;
			if (!alt[n])
				break;
			alt += n + 1;
		}
	}
	return false;
}

/* Whether the current record holds every header keyword of p. */
static bool
bankcsv_is_header(const struct csv_reader *r, const struct profile *p, struct strbuf *tmp)
{
	for (size_t k = 0; k < p->header.n; k++) {
		if (!bankcsv_has_keyword(r, p->header.v[k], tmp))
			return false;
	}
	return true;
}

/* Look for our account number in a title row: "账号：123" in one cell, or
 * 账号 followed by the number in the next non-empty cell. */
static void
bankcsv_title_account(struct bankcsv_run *run)
{
	const struct profile_list *labels = &run->p->account_label;
	size_t nf = csv_nfields(&run->r);

	for (size_t i = 0; i < nf && !run->account; i++) {
		const char *cell = bankcsv_clean(csv_field(&run->r, i), &run->scratch);

		for (size_t k = 0; k < labels->n && !run->account; k++) {
			size_t n = strlen(labels->v[k]);
			const char *c;

			if (strncmp(cell, labels->v[k], n) != 0)
				continue;
			c = cell + n;
			c += strspn(c, ": \t");
			if (strncmp(c, "\xEF\xBC\x9A", 3) == 0) /* ： */
				c += 3;
			for (size_t j = i + 1; !*c && j < nf; j++)
				c = bankcsv_clean(csv_field(&run->r, j), &run->cell[PROFILE_ACCOUNT]);
			if (*c)
				run->account = xstrdup(c);
		}
	}
}

/* Map the profile's columns onto the header row now in the reader. */
static void
bankcsv_map_columns(struct bankcsv_run *run)
{
	struct bankcsv_map *m = &run->map;
	const struct profile *p = run->p;
	static const int required[] = { PROFILE_DATE, PROFILE_CREDIT, PROFILE_AMOUNT,
					PROFILE_DIRECTION };

	for (int c = 0; c < PROFILE_NCOLS; c++)
		m->idx[c] = c == PROFILE_MEMO ? -1 : bankcsv_find(run, &p->col[c]);
	m->nmemo = 0;
	for (size_t k = 0; k < p->col[PROFILE_MEMO].n && m->nmemo < BANKCSV_MAX_MEMO; k++) {
		struct profile_list one = { &p->col[PROFILE_MEMO].v[k], 1 };
		long i = bankcsv_find(run, &one);

		if (i >= 0)
			m->memo[m->nmemo++] = i;
	}
	m->need = 0;
	for (size_t k = 0; k < sizeof required / sizeof *required; k++) {
		if (m->idx[required[k]] >= 0 && (size_t)m->idx[required[k]] + 1 > m->need)
			m->need = (size_t)m->idx[required[k]] + 1;
	}
	if (m->idx[PROFILE_DATE] >= 0)
		m->date_name = xstrdup(bankcsv_clean(csv_field(&run->r,
				(size_t)m->idx[PROFILE_DATE]), &run->scratch));
}

/* The profile keywords, for "no header row" messages. */
static void
bankcsv_keywords(const struct profile *p, struct strbuf *out)
{
	for (size_t k = 0; k < p->header.n; k++) {
		if (k)
			sb_adds(out, ", ");
		sb_adds(out, p->header.v[k]);
	}
}

/* Read title rows up to and including the header row, then map columns. */
static enum ur_status
bankcsv_header(struct bankcsv_run *run, struct ur_err *err)
{
	const struct profile *p = run->p;
	struct strbuf kw;
	int rc;

	for (size_t n = 0; n < BANKCSV_HEADER_SCAN; n++) {
		if ((rc = csv_next(&run->r, err)) < 0)
			return bankcsv_csv_error(run, err);
		if (rc == 0)
			break;
		if (bankcsv_is_header(&run->r, p, &run->scratch)) {
			bankcsv_map_columns(run);
			csv_name_columns(&run->r);
			if (run->map.idx[PROFILE_DATE] < 0 ||
			    (run->map.idx[PROFILE_CREDIT] < 0 && run->map.idx[PROFILE_AMOUNT] < 0))
				return bankcsv_reject(run,
					_("the header row has no date column or no credit/amount column of the profile"),
					err);
			return UR_OK;
		}
		bankcsv_title_account(run);
	}
	sb_init(&kw);
	bankcsv_keywords(p, &kw);
	ur_fail(err, UR_INPUT,
		_("no header row found in the first %d rows: expected a row with the columns %s (profile %s)"),
		BANKCSV_HEADER_SCAN, kw.buf, p->name);
	sb_free(&kw);
	return UR_INPUT;
}

/* Cleaned text of profile column c in the current record ("" if absent). */
static const char *
bankcsv_col(struct bankcsv_run *run, int c)
{
	long i = run->map.idx[c];

	if (i < 0)
		return "";
	return bankcsv_clean(csv_field(&run->r, (size_t)i), &run->cell[c]);
}

/* Whether an amount cell says "no amount": empty, -, —, （空）. */
static bool
bankcsv_no_amount(const char *s)
{
	static const char *const none[] = { "", "-", "--", "\xE2\x80\x94", "\xEF\xBC\x8D",
					    "\xEF\xBC\x88\xE7\xA9\xBA\xEF\xBC\x89", "(\xE7\xA9\xBA)",
					    "\xE7\xA9\xBA" };

	for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
		if (strcmp(s, none[i]) == 0)
			return true;
	}
	return false;
}

/* Parse the amount of column c (0 when there is none). */
static enum ur_status
bankcsv_amount(struct bankcsv_run *run, int c, const char *cur, int64_t *out,
	       struct ur_err *err)
{
	const char *s = bankcsv_col(run, c);
	struct ur_err e;
	char reason[sizeof err->msg];

	*out = 0;
	if (bankcsv_no_amount(s))
		return UR_OK;
	if (*s == '+')
		s++;
	if (money_parse(s, cur, out, &e) == UR_OK)
		return UR_OK;
	snprintf(reason, sizeof reason, _("bad amount \"%s\": %s"), bankcsv_col(run, c), e.msg);
	return bankcsv_reject(run, reason, err);
}

/* The day of a date cell; a time after it or a compact timestamp of 14
 * or more digits (20260302101500) is ignored. */
static enum ur_status
bankcsv_date(struct bankcsv_run *run, int c, int32_t *out, struct ur_err *err)
{
	const char *s = bankcsv_col(run, c);
	char buf[64];
	size_t n = strcspn(s, " \tT");
	struct ur_err e;
	char reason[sizeof err->msg];

	if (strspn(s, "0123456789") == strlen(s) && strlen(s) >= 14)
		n = 8;
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (date_parse(buf, out, &e) == UR_OK)
		return UR_OK;
	snprintf(reason, sizeof reason, _("bad date \"%s\": %s"), s, e.msg);
	return bankcsv_reject(run, reason, err);
}

/* ISO 4217 code of a currency cell (人民币 → CNY); NULL if unknown. */
static const char *
bankcsv_currency(const char *s)
{
	static const char *const names[][2] = {
		{ "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81", "CNY" },             /* 人民币 */
		{ "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81\xE5\x85\x83", "CNY" }, /* 人民币元 */
		{ "RMB", "CNY" },
		{ "\xE5\x86\x86", "JPY" },                                     /* 円 */
		{ "\xE6\x97\xA5\xE5\x85\x83", "JPY" },                         /* 日元 */
		{ "\xE7\xBE\x8E\xE5\x85\x83", "USD" },                         /* 美元 */
	};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (strcmp(s, names[i][0]) == 0)
			return names[i][1];
	}
	return money_currency_known(s) ? s : NULL;
}

/* Whether the current record is noise: empty, a repeated header, or a
 * subtotal/carry row named by the profile in its first non-empty cells. */
static bool
bankcsv_skip_row(struct bankcsv_run *run)
{
	size_t seen = 0;

	for (size_t i = 0; i < csv_nfields(&run->r) && seen < 2; i++) {
		const char *c = bankcsv_clean(csv_field(&run->r, i), &run->scratch);

		if (!*c)
			continue;
		seen++;
		for (size_t k = 0; k < run->p->skip.n; k++) {
			if (bankcsv_name_is(c, run->p->skip.v[k], true))
				return true;
		}
	}
	if (seen == 0)
		return true;
	return run->map.date_name &&
	       strcmp(bankcsv_col(run, PROFILE_DATE), run->map.date_name) == 0;
}

/* The row's money in: > 0 for a credit row, 0 otherwise. Every amount
 * column present must parse. */
static enum ur_status
bankcsv_credit(struct bankcsv_run *run, const char *cur, int64_t *credit, struct ur_err *err)
{
	int64_t v;
	const struct profile_list *cv = &run->p->credit_values;

	if (bankcsv_amount(run, PROFILE_DEBIT, cur, &v, err) != UR_OK ||
	    bankcsv_amount(run, PROFILE_BALANCE, cur, &v, err) != UR_OK)
		return UR_INPUT;
	if (run->map.idx[PROFILE_CREDIT] >= 0) {
		if (bankcsv_amount(run, PROFILE_CREDIT, cur, credit, err) != UR_OK)
			return UR_INPUT;
	} else if (bankcsv_amount(run, PROFILE_AMOUNT, cur, credit, err) != UR_OK) {
		return UR_INPUT;
	} else if (run->map.idx[PROFILE_DIRECTION] >= 0) {
		const char *dir = bankcsv_col(run, PROFILE_DIRECTION);
		bool in = false;

		for (size_t k = 0; k < cv->n && !in; k++)
			in = strcmp(dir, cv->v[k]) == 0;
		if (!in)
			*credit = 0;
	}
	if (*credit < 0)
		*credit = 0;
	return UR_OK;
}

/* The cleaned text of column c, or NULL when it is empty. */
static const char *
bankcsv_opt(struct bankcsv_run *run, int c)
{
	const char *s = bankcsv_col(run, c);

	return *s ? s : NULL;
}

/* The memo columns present, joined by a space, into run->cell[PROFILE_MEMO]. */
static const char *
bankcsv_memo(struct bankcsv_run *run)
{
	struct strbuf *out = &run->cell[PROFILE_MEMO];

	sb_reset(out);
	for (size_t k = 0; k < run->map.nmemo; k++) {
		const char *c = bankcsv_clean(csv_field(&run->r, (size_t)run->map.memo[k]),
					      &run->scratch);

		if (!*c)
			continue;
		if (out->len)
			sb_addc(out, ' ');
		sb_adds(out, c);
	}
	return out->len ? out->buf : NULL;
}

/* Fill d's dates and currency from the current record. */
static enum ur_status
bankcsv_row_head(struct bankcsv_run *run, struct bank_deposit *d, struct ur_err *err)
{
	const char *cur = bankcsv_col(run, PROFILE_CURRENCY);

	if (bankcsv_date(run, PROFILE_DATE, &d->booking_date, err) != UR_OK)
		return UR_INPUT;
	d->value_date = d->booking_date;
	if (*bankcsv_col(run, PROFILE_VALUE_DATE) &&
	    bankcsv_date(run, PROFILE_VALUE_DATE, &d->value_date, err) != UR_OK)
		return UR_INPUT;
	d->currency = run->p->currency;
	if (*cur && !(d->currency = bankcsv_currency(cur))) {
		char reason[sizeof err->msg];

		snprintf(reason, sizeof reason, _("unknown currency \"%s\""), cur);
		return bankcsv_reject(run, reason, err);
	}
	return UR_OK;
}

/* Check and hand over the current data record. */
static enum ur_status
bankcsv_row(struct bankcsv_run *run, struct ur_err *err)
{
	struct bank_deposit d;
	size_t nf = csv_nfields(&run->r), line = csv_line(&run->r);
	char reason[sizeof err->msg];

	if (bankcsv_skip_row(run))
		return UR_OK;
	if (nf < run->map.need) {
		snprintf(reason, sizeof reason, _("%zu fields, expected at least %zu"), nf,
			 run->map.need);
		return bankcsv_reject(run, reason, err);
	}
	memset(&d, 0, sizeof d);
	if (bankcsv_row_head(run, &d, err) != UR_OK ||
	    bankcsv_credit(run, d.currency, &d.amount, err) != UR_OK)
		return UR_INPUT;
	if (d.amount == 0)
		return UR_OK;
	d.payer.acct_number = run->map.idx[PROFILE_ACCOUNT] >= 0 ? bankcsv_opt(run, PROFILE_ACCOUNT)
							      : run->account;
	d.payer.payer_name = bankcsv_opt(run, PROFILE_PAYER);
	/* struct deposit_payer has no payer account field: it identifies the
	 * payer, so it goes into payer_code. */
	d.payer.payer_code = bankcsv_opt(run, PROFILE_PAYER_ACCOUNT);
	d.payer.remit_bank = bankcsv_opt(run, PROFILE_PAYER_BANK);
	d.payer.remit_branch = bankcsv_opt(run, PROFILE_PAYER_BRANCH);
	d.payer.edi = bankcsv_memo(run);
	d.reference = bankcsv_opt(run, PROFILE_REFERENCE); /* none: bankimport makes one */
	d.record_no = line;
	d.byte_offset = bankcsv_offset(run->t, line);
	return run->fn(&d, run->ctx, err);
}

static void
bankcsv_run_free(struct bankcsv_run *run)
{
	csv_close(&run->r);
	for (int c = 0; c < PROFILE_NCOLS; c++)
		sb_free(&run->cell[c]);
	sb_free(&run->scratch);
	free(run->account);
	free(run->map.date_name);
}

enum ur_status
bankcsv_parse(const char *data, size_t len, const struct profile *p, bank_deposit_fn fn,
	      void *ctx, struct ur_err *err)
{
	struct bankcsv_text t;
	struct bankcsv_run run;
	enum ur_status rc;
	int more;

	memset(&t, 0, sizeof t);
	if ((rc = bankcsv_decode(&t, data, len, p->encoding, err)) != UR_OK) {
		bankcsv_text_free(&t);
		return rc;
	}
	memset(&run, 0, sizeof run);
	run.p = p;
	run.t = &t;
	run.fn = fn;
	run.ctx = ctx;
	for (int c = 0; c < PROFILE_NCOLS; c++)
		sb_init(&run.cell[c]);
	sb_init(&run.scratch);
	csv_open_mem(&run.r, "", t.utf8.buf, t.utf8.len);
	rc = bankcsv_header(&run, err);
	while (rc == UR_OK && (more = csv_next(&run.r, err)) != 0)
		rc = more < 0 ? bankcsv_csv_error(&run, err) : bankcsv_row(&run, err);
	bankcsv_run_free(&run);
	bankcsv_text_free(&t);
	return rc;
}

/* Decode the start of a file for sniffing: whole lines only, any encoding. */
static bool
bankcsv_sniff_text(const char *head, size_t n, struct strbuf *out)
{
	const char *nl = n ? memchr(head, '\n', n) : NULL;
	struct strbuf raw;
	bool ok;

	for (const char *p = nl; p; p = memchr(p + 1, '\n', n - (size_t)(p + 1 - head)))
		nl = p;
	if (nl)
		n = (size_t)(nl - head) + 1;
	sb_init(&raw);
	ok = charset_to_utf8(charset_detect(head, n), head, n, &raw, NULL, NULL) == UR_OK;
	if (ok)
		bankcsv_unwrap_excel(raw.buf, raw.len, out);
	sb_free(&raw);
	return ok;
}

const char *
bankcsv_sniff(const char *head, size_t n, const struct profile_set *set)
{
	struct strbuf text, tmp;
	struct csv_reader r;
	const struct profile *best = NULL;

	sb_init(&text);
	sb_init(&tmp);
	if (bankcsv_sniff_text(head, n, &text)) {
		csv_open_mem(&r, "", text.buf, text.len);
		for (size_t k = 0; k < BANKCSV_HEADER_SCAN && csv_next(&r, NULL) > 0; k++) {
			for (size_t i = 0; i < set->n; i++) {
				const struct profile *p = &set->v[i];

				if ((!best || p->header.n > best->header.n) &&
				    bankcsv_is_header(&r, p, &tmp))
					best = p;
			}
		}
		csv_close(&r);
	}
	sb_free(&text);
	sb_free(&tmp);
	return best ? best->name : NULL;
}
