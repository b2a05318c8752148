/* bankimport: one bank file into the store — format and encoding chosen
 * (or guessed), the file's SHA-256 recorded, every deposit folded and
 * inserted, duplicates counted and cancellations applied, all in one
 * transaction that is rolled back on any error. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_BANKIMPORT_H
#define UR_SRC_BANKIMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct store;

/* Called now and then with the bytes of the file read so far. */
typedef void (*bankimport_progress_fn)(size_t done, size_t total, void *ctx);

struct bankimport_opts {
	const char *format;      /* NULL or "auto", "zengin-transfer",
				    "zengin-transfer-b", "zengin-statement",
				    "csv:PROFILE", "camt053", "camt054" */
	const char *encoding;    /* NULL or "auto", else a charset name (CSV) */
	const char *profile_dir; /* the user's bank profiles, or NULL */
	const char *name;        /* the file name recorded and used in messages
				    (NULL: the path) */
	int32_t today;           /* resolves Zengin 和暦 dates */
	bankimport_progress_fn progress; /* may be NULL */
	void *progress_ctx;
	bool company_chosen; /* the current company was asked for: with accounts
				registered, a record no company owns goes to it */
};

/* The deposits of a routed file that went to one company. */
struct bankimport_company {
	char *code;
	unsigned long deposits;
};

struct bankimport_result {
	char format[48];         /* chosen: "zengin-transfer", "csv:ccb", "camt053" … */
	char encoding[16];       /* "CP932", "GB18030", "UTF-8" */
	unsigned long added;     /* new deposits */
	unsigned long unchanged; /* deposits (and cancellations) imported before */
	unsigned long reversed;  /* earlier deposits reversed by cancellations */
	unsigned long voided;    /* allocations voided by those reversals */
	int file_seen;           /* the same bytes were imported before */
	struct bankimport_company *companies; /* with accounts registered: where the
						 records went, in file order */
	int ncompanies;
};

/** The formats --format accepts, for messages: "auto, zengin-transfer, …". */
const char *bankimport_formats(void);

/** Free what r holds (its companies). */
void bankimport_result_free(struct bankimport_result *r);

/** Import the bank file at path as o says, filling r (free it with
 *  bankimport_result_free). When companies own receiving accounts
 *  (store_company_account_add), each record goes to the owner of the
 *  account it was paid into and the file is recorded once per company it
 *  touches; a record no company owns goes to the current company when
 *  o->company_chosen, else the file is refused (UR_INPUT). Errors: UR_USAGE for
 *  an unknown format, profile or encoding; UR_INPUT "NAME:RECORD N (byte
 *  B): reason" (or LINE, ENTRY) for a rejected file, and when no format
 *  fits, naming what was tried; UR_FAIL for I/O and database failures.
 *  On any error the database is left as it was. */
enum ur_status bankimport_file(struct store *st, const char *path,
			       const struct bankimport_opts *o, struct bankimport_result *r,
			       struct ur_err *err);

#endif
