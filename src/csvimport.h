/* csvimport: customers and invoices from CSV text (CLI.md "CSV in") into
 * the store — validated, all or nothing, idempotent. */
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
 *  with one audit row. Any bad record rejects the whole text: UR_INPUT with
 *  "FILE:LINE: reason" and nothing written. */
enum ur_status csvimport_customers(struct store *st, const char *text, size_t len,
				   const struct csvimport_opts *o,
				   struct csvimport_counts *out, struct ur_err *err);
/** The same for invoices; customers must exist. A missing due date comes
 *  from the customer's terms (Chinese calendar for CNY customers), a
 *  missing currency is the customer's. */
enum ur_status csvimport_invoices(struct store *st, const char *text, size_t len,
				  const struct csvimport_opts *o,
				  struct csvimport_counts *out, struct ur_err *err);

#endif
