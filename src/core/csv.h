/* csv: an RFC 4180 reader over UTF-8 text (in memory or pulled through a
 * read callback, one record at a time) and a writer helper that quotes and
 * neutralises formula-looking cells. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_CSV_H
#define UR_SRC_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "strbuf.h"

/* Pull more input: copy up to cap bytes into buf, return how many (0 = end
 * of input, -1 = read error, with err filled). */
typedef long (*csv_read_fn)(void *ctx, char *buf, size_t cap, struct ur_err *err);

struct csv_reader {
	const char *name;   /* file name used in messages */
	const char *p;      /* next unread byte of the current window */
	const char *end;    /* end of the current window */
	const char *win;    /* start of the current window */
	char *chunk;        /* window storage when reading through fn */
	size_t chunk_cap;
	csv_read_fn fn;     /* NULL: the whole input is in memory */
	void *ctx;
	size_t line;        /* physical line of the next byte (1-based) */
	size_t rec_line;    /* physical line where the current record began */
	size_t consumed;    /* bytes consumed before the current window */
	struct strbuf text; /* unescaped fields, each NUL-terminated */
	size_t *offs;       /* start of each field in text */
	size_t nfields;
	size_t offs_cap;
	int started;        /* BOM already checked */
	struct strbuf names; /* column names for messages (csv_name_columns) */
	size_t *name_offs;
	size_t nnames;
};

/** Read the len bytes at data (not copied: keep them alive). name is used
 *  in error messages ("FILE:LINE: reason"). A leading UTF-8 BOM is skipped. */
void csv_open_mem(struct csv_reader *r, const char *name, const char *data, size_t len);
/** Read through fn(ctx, …) in chunks; records may span chunks. */
void csv_open_fn(struct csv_reader *r, const char *name, csv_read_fn fn, void *ctx);
/** Free the reader's buffers (not the input). */
void csv_close(struct csv_reader *r);

/** Parse the next record. Returns 1 when a record was read, 0 at the end of
 *  the input, -1 on malformed input (err: UR_INPUT "FILE:LINE: reason") or a
 *  read error. Empty lines are skipped. Fields stay valid until the next call.
 *  Control characters are malformed input: C0 (NUL included) other than TAB
 *  (and CR, LF inside a quoted field), DEL and C1 (U+0080–U+009F). */
int csv_next(struct csv_reader *r, struct ur_err *err);
/** Name the columns after the fields of the current record (the header
 *  row), for later messages: "in column 'name'" instead of "in field 2". */
void csv_name_columns(struct csv_reader *r);
/** Number of fields of the current record. */
size_t csv_nfields(const struct csv_reader *r);
/** Field i of the current record (NUL-terminated; "" when i is out of range). */
const char *csv_field(const struct csv_reader *r, size_t i);
/** Length in bytes of field i ("" and 0 when out of range). */
size_t csv_field_len(const struct csv_reader *r, size_t i);
/** Physical line on which the current record began. */
size_t csv_line(const struct csv_reader *r);
/** Bytes of input consumed so far (for progress reports). */
size_t csv_offset(const struct csv_reader *r);

/** The first character of the UTF-8 text s[0..len) that csv_next refuses
 *  (see there), also LF and CR unless lines_ok: its code point, with its
 *  byte offset in *at (may be NULL); -1 when there is none. */
long csv_control_char(const char *s, size_t len, bool lines_ok, size_t *at);

/** Append one CSV cell: quoted when it contains a comma, quote, CR or LF,
 *  and prefixed with ' when it begins with = + - @, a tab or a CR (unless
 *  it is a plain negative number such as -1200 or -12.50). */
void csv_put(struct strbuf *out, const char *s);
/** As csv_put, then a comma (last = 0) or a newline (last = 1). */
void csv_put_sep(struct strbuf *out, const char *s, int last);
/** True when s would be neutralised by csv_put. */
int csv_is_formula(const char *s);

#endif
