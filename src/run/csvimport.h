/* csvimport: customers and invoices from CSV text (doc/cli-contract.md "Files in") into
 * the store — validated, all or nothing, idempotent. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_CSVIMPORT_H
#define UR_SRC_CSVIMPORT_H

#include <stddef.h>

#include "err.h"

struct store;

struct csvimport_counts {
	size_t added, updated, unchanged;
};

/* Progress: done and total bytes of the text; ctx as given. */
typedef void (*csvimport_progress_fn)(size_t done, size_t total, void *ctx);

struct csvimport_opts {
	const char *name;             /* file name, for messages and the audit log */
	csvimport_progress_fn progress; /* may be NULL */
	void *progress_ctx;
};

/** Upsert the customers of CSV text (UTF-8, header row) in one transaction
 *  with one audit row. Any bad record rejects the whole text: UR_INPUT (or
 *  UR_CONFLICT) with "FILE:LINE: reason" and nothing written — also a record
 *  with more fields than the header, a control character, or a line break
 *  outside address. Records whose cells are all empty are skipped. A column
 *  the file lacks keeps an existing customer's stored value; a column present
 *  with an empty cell empties it. */
enum ur_status csvimport_customers(struct store *st, const char *text, size_t len,
				   const struct csvimport_opts *o,
				   struct csvimport_counts *out, struct ur_err *err);
/** The same for invoices (line breaks only in memo); customers must exist.
 *  An empty due date comes from the customer's terms (Chinese calendar for
 *  CNY customers); without a due_date column an existing invoice keeps its
 *  due date unless its issue date or customer changes. A missing currency is
 *  the customer's. */
enum ur_status csvimport_invoices(struct store *st, const char *text, size_t len,
				  const struct csvimport_opts *o,
				  struct csvimport_counts *out, struct ur_err *err);

#endif
