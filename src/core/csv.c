/* csv: RFC 4180 records out of UTF-8 text, and formula-safe cells into it. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "xalloc.h"

#define CSV_CHUNK (64 * 1024)
#define CSV_EOF (-1)
#define CSV_ERR (-2)

static void
csv_init(struct csv_reader *r, const char *name)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->line = 1;
	sb_init(&r->text);
	sb_init(&r->names);
}

void
csv_open_mem(struct csv_reader *r, const char *name, const char *data, size_t len)
{
	csv_init(r, name);
	r->p = data;
	r->end = data + len;
	r->win = data;
}

void
csv_open_fn(struct csv_reader *r, const char *name, csv_read_fn fn, void *ctx)
{
	csv_init(r, name);
	r->fn = fn;
	r->ctx = ctx;
	r->chunk = xmalloc(CSV_CHUNK);
	r->p = r->end = r->win = r->chunk;
}

void
csv_close(struct csv_reader *r)
{
	free(r->chunk);
	free(r->offs);
	free(r->name_offs);
	sb_free(&r->text);
	sb_free(&r->names);
	r->chunk = NULL;
	r->offs = NULL;
	r->name_offs = NULL;
	r->nnames = 0;
}

void
csv_name_columns(struct csv_reader *r)
{
	free(r->name_offs);
	sb_reset(&r->names);
	sb_add(&r->names, r->text.buf, r->text.len);
	r->name_offs = xmalloc((r->nfields ? r->nfields : 1) * sizeof *r->name_offs);
	if (r->nfields)
		memcpy(r->name_offs, r->offs, r->nfields * sizeof *r->offs);
	r->nnames = r->nfields;
}

/* The control character that byte b ends (prev: the byte before it in
 * the same text, or 0), or -1: C1 characters are two bytes, C2 80–C2 9F. */
static long
csv_ctl_at(unsigned char b, unsigned char prev, bool lines_ok)
{
	if (b == '\t' || (lines_ok && (b == '\n' || b == '\r')))
		return -1;
	if (b < 0x20 || b == 0x7f)
		return b;
	if (prev == 0xc2 && b >= 0x80 && b <= 0x9f)
		return b;
	return -1;
}

long
csv_control_char(const char *s, size_t len, bool lines_ok, size_t *at)
{
	const unsigned char *u = (const unsigned char *)s;
	long cp;

	for (size_t i = 0; i < len; i++)
		if ((cp = csv_ctl_at(u[i], i ? u[i - 1] : 0, lines_ok)) >= 0) {
			if (at)
				*at = cp >= 0x80 ? i - 1 : i;
			return cp;
		}
	return -1;
}

/* Refuse a control character in the raw bytes [s, e) about to join the
 * current field (whose text so far may end with the lead byte of a C1). */
static int
csv_check_span(struct csv_reader *r, const char *s, const char *e, struct ur_err *err)
{
	size_t field = r->nfields - 1, start = r->offs[field];
	unsigned char prev = r->text.len > start ? (unsigned char)r->text.buf[r->text.len - 1] : 0;
	long cp = -1;

	for (; s < e && cp < 0; s++) {
		cp = csv_ctl_at((unsigned char)*s, prev, true);
		prev = (unsigned char)*s;
	}
	if (cp < 0)
		return 0;
	if (field < r->nnames)
		ur_fail(err, UR_INPUT, _("%s:%zu: control character U+%04lX in column '%s'"),
			r->name, r->line, (unsigned long)cp, r->names.buf + r->name_offs[field]);
	else
		ur_fail(err, UR_INPUT, _("%s:%zu: control character U+%04lX in field %zu"),
			r->name, r->line, (unsigned long)cp, field + 1);
	return -1;
}

/* Make sure a byte is available: 1 yes, 0 end of input, -1 read error. */
static int
csv_fill(struct csv_reader *r, struct ur_err *err)
{
	long n;

	if (r->p < r->end)
		return 1;
	if (!r->fn)
		return 0;
	r->consumed += (size_t)(r->end - r->win);
	n = r->fn(r->ctx, r->chunk, CSV_CHUNK, err);
	if (n < 0)
		return -1;
	r->p = r->win = r->chunk;
	r->end = r->chunk + n;
	return n > 0;
}

/* The next byte without consuming it, CSV_EOF or CSV_ERR. */
static int
csv_peek(struct csv_reader *r, struct ur_err *err)
{
	int st = csv_fill(r, err);

	if (st <= 0)
		return st < 0 ? CSV_ERR : CSV_EOF;
	return (unsigned char)*r->p;
}

static void
csv_skip_bom(struct csv_reader *r, struct ur_err *err)
{
	long n = 1;

	r->started = 1;
	while (r->fn && r->end - r->p < 3 && n > 0) {
		n = r->fn(r->ctx, unconst(r->end), CSV_CHUNK - (size_t)(r->end - r->chunk), err);
		if (n > 0)
			r->end += n;
	}
	if (r->end - r->p >= 3 && memcmp(r->p, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3;
}

static void
csv_new_field(struct csv_reader *r)
{
	if (r->nfields == r->offs_cap) {
		r->offs_cap = r->offs_cap ? r->offs_cap * 2 : 16;
		r->offs = xrealloc(r->offs, r->offs_cap * sizeof *r->offs);
	}
	r->offs[r->nfields++] = r->text.len;
}

/* Consume a line end (CRLF, LF or a lone CR) at r->p, if there is one. */
static int
csv_eat_eol(struct csv_reader *r, struct ur_err *err)
{
	int c = csv_peek(r, err);

	if (c == '\r') {
		r->p++;
		c = csv_peek(r, err);
		if (c == CSV_ERR)
			return -1;
		if (c == '\n')
			r->p++;
	} else if (c == '\n') {
		r->p++;
	} else {
		return c == CSV_ERR ? -1 : 0;
	}
	r->line++;
	return 1;
}

/* An unquoted field: bytes up to , CR LF or the end. Returns the byte that
 * ended it (not consumed), CSV_EOF, or CSV_ERR. */
static int
csv_unquoted(struct csv_reader *r, struct ur_err *err)
{
	for (;;) {
		const char *s = r->p;
		int c;

		while (s < r->end && *s != ',' && *s != '\r' && *s != '\n' && *s != '"')
			s++;
		if (csv_check_span(r, r->p, s, err) < 0)
			return CSV_ERR;
		sb_add(&r->text, r->p, (size_t)(s - r->p));
		r->p = s;
		c = csv_peek(r, err);
		if (c == '"') {
			ur_fail(err, UR_INPUT, _("%s:%zu: quote inside an unquoted field"),
				r->name, r->line);
			return CSV_ERR;
		}
		if (c == ',' || c == '\r' || c == '\n' || c < 0)
			return c;
	}
}

/* A quoted field, r->p on the opening quote. Returns the byte after the
 * closing quote (not consumed), CSV_EOF, or CSV_ERR. */
static int
csv_quoted(struct csv_reader *r, struct ur_err *err)
{
	int c;

	r->p++;
	for (;;) {
		const char *s;

		if ((c = csv_peek(r, err)) < 0)
			break;
		for (s = r->p; s < r->end && *s != '"' && *s != '\n'; s++)
			;
		if (csv_check_span(r, r->p, s, err) < 0)
			return CSV_ERR;
		sb_add(&r->text, r->p, (size_t)(s - r->p));
		r->p = s;
		if (s == r->end)
			continue;
		r->p++;
		if (*s == '\n') {
			r->line++;
			sb_addc(&r->text, '\n');
			continue;
		}
		if ((c = csv_peek(r, err)) != '"')
			goto closed;
		r->p++;
		sb_addc(&r->text, '"');
	}
	if (c == CSV_EOF)
		ur_fail(err, UR_INPUT, _("%s:%zu: quoted field not closed before the end of the file"),
			r->name, r->rec_line);
	return CSV_ERR;
closed:
	if (c == ',' || c == '\r' || c == '\n' || c == CSV_EOF || c == CSV_ERR)
		return c;
	ur_fail(err, UR_INPUT, _("%s:%zu: unexpected character after a closing quote"),
		r->name, r->line);
	return CSV_ERR;
}

/* Parse fields of one record whose first byte is c (not a line end). */
static int
csv_record(struct csv_reader *r, int c, struct ur_err *err)
{
	for (;;) {
		csv_new_field(r);
		c = c == '"' ? csv_quoted(r, err) : csv_unquoted(r, err);
		if (c == CSV_ERR)
			return -1;
		sb_addc(&r->text, '\0');
		if (c != ',')
			break;
		r->p++;
		if ((c = csv_peek(r, err)) == CSV_ERR)
			return -1;
	}
	if (c != CSV_EOF && csv_eat_eol(r, err) < 0)
		return -1;
	return 1;
}

int
csv_next(struct csv_reader *r, struct ur_err *err)
{
	int c, eol;

	if (!r->started)
		csv_skip_bom(r, err);
	r->nfields = 0;
	sb_reset(&r->text);
	for (;;) {
		r->rec_line = r->line;
		if ((c = csv_peek(r, err)) == CSV_ERR)
			return -1;
		if (c == CSV_EOF)
			return 0;
		if ((eol = csv_eat_eol(r, err)) < 0)
			return -1;
		if (eol == 0)
			return csv_record(r, c, err);
	}
}

size_t
csv_nfields(const struct csv_reader *r)
{
	return r->nfields;
}

const char *
csv_field(const struct csv_reader *r, size_t i)
{
	return i < r->nfields ? r->text.buf + r->offs[i] : "";
}

size_t
csv_field_len(const struct csv_reader *r, size_t i)
{
	size_t next;

	if (i >= r->nfields)
		return 0;
	next = i + 1 < r->nfields ? r->offs[i + 1] : r->text.len;
	return next - r->offs[i] - 1;
}

size_t
csv_line(const struct csv_reader *r)
{
	return r->rec_line;
}

size_t
csv_offset(const struct csv_reader *r)
{
	return r->consumed + (size_t)(r->p - r->win);
}

/* -digits or -digits.digits: a number a spreadsheet should see as such. */
static int
csv_plain_negative(const char *s)
{
	const char *d;

	if (*s++ != '-')
		return 0;
	for (d = s; *s >= '0' && *s <= '9'; s++)
		;
	if (s == d)
		return 0;
	if (*s == '.') {
		for (d = ++s; *s >= '0' && *s <= '9'; s++)
			;
		if (s == d)
			return 0;
	}
	return *s == '\0';
}

int
csv_is_formula(const char *s)
{
	/* a spreadsheet skips a leading tab or CR and runs what follows */
	return s && *s && strchr("=+-@\t\r", *s) && !csv_plain_negative(s);
}

void
csv_put(struct strbuf *out, const char *s)
{
	const char *q;

	if (!s)
		s = "";
	if (!strpbrk(s, ",\"\r\n")) {
		if (csv_is_formula(s))
			sb_addc(out, '\'');
		sb_adds(out, s);
		return;
	}
	sb_addc(out, '"');
	if (csv_is_formula(s))
		sb_addc(out, '\'');
	while ((q = strchr(s, '"')) != NULL) {
		sb_add(out, s, (size_t)(q - s) + 1);
		sb_addc(out, '"');
		s = q + 1;
	}
	sb_adds(out, s);
	sb_addc(out, '"');
}

void
csv_put_sep(struct strbuf *out, const char *s, int last)
{
	csv_put(out, s);
	sb_addc(out, last ? '\n' : ',');
}
