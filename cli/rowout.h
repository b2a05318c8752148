/* rowout: the records an `export` writes, one row at a time, as CSV (a
 * header line, then cells) or as a JSON array of objects — flushed to
 * standard output as it grows, so a long log is never held whole. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_CLI_ROWOUT_H
#define UR_CLI_ROWOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "strbuf.h"

struct rowout {
	struct strbuf out;
	int json, failed;
	size_t rows;
};

/** Start: format "csv" (csv_header is its first line) or "json"; a usage
 *  error (exit 2, said) for another format. */
int rowout_begin(struct rowout *x, const char *format, const char *csv_header);
/** Start a row (the JSON object's brace). */
void rowout_row(struct rowout *x);
/** A text cell; first opens the row's cells, last ends the CSV line. */
void rowout_cell(struct rowout *x, const char *key, const char *v, int first, int last);
/** A number cell: bare in JSON (null when !present), plain in CSV. */
void rowout_num(struct rowout *x, const char *key, const char *v, int present, int last);
/** A yes/no cell: true or false in JSON, yes or no in CSV (as the
 *  worklist's hold). */
void rowout_bool(struct rowout *x, const char *key, bool v, int last);
/** Money of currency cur as a number cell. */
void rowout_money(struct rowout *x, const char *key, int64_t v, const char *cur, int present,
		  int last);
/** A day as YYYY-MM-DD ("" for none). */
void rowout_date(struct rowout *x, const char *key, int32_t day);
/** End the row; flushes when enough has gathered. Nonzero: stop (a write
 *  failed), for a store walk's callback. */
int rowout_end_row(struct rowout *x);
/** Finish after the walk that returned rc (err its reason): the rest
 *  written; the exit status. */
int rowout_finish(struct rowout *x, int rc, const struct ur_err *err);

struct cli;
struct store;
/** A whole export: begin, open the database to read, walk(st, x, err)
 *  calling the row functions, finish; the exit status. */
int rowout_export(const struct cli *c, const char *format, const char *csv_header,
		  enum ur_status (*walk)(struct store *st, struct rowout *x, struct ur_err *err));

#endif
