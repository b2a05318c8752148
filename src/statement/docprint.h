/* docprint: putting a document on paper — writing a statement or a dunning
 * letter as a PDF file and handing a file to CUPS with lp (the printer from
 * the company settings, else lp's default), capturing lp's reply. Runs lp
 * as a child process; prints nothing itself. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_DOCPRINT_H
#define UR_SRC_DOCPRINT_H

#include "company.h"
#include "err.h"
#include "statement.h"
#include "strbuf.h"

struct dunning_letter;
struct pdf;

/** Draw statement s, or the dunning letter d when d is set (with our
 *  details from c), into p. */
void docprint_draw(struct pdf *p, const struct statement *s, const struct dunning_letter *d,
		   const struct company *c);

/** Write statement s, or the dunning letter d when d is set (with our
 *  details from c), as an A4 PDF at path, whole or not at all (outfile.h),
 *  replacing the file of an earlier print (path is the program's own name
 *  for it, docprint_file_name); *pages (may be NULL) gets its page count.
 *  UR_FAIL when the file cannot be written. */
enum ur_status docprint_pdf(const struct statement *s, const struct dunning_letter *d,
			    const struct company *c, const char *path, int *pages,
			    struct ur_err *err);

/** Run `lp [-d printer] -- path` (printer NULL or "": lp's default) with
 *  no terminal input; job gets lp's first line of output ("request id is
 *  …"). UR_FAIL when lp is not installed or fails, the message saying why
 *  and that the file is kept at path. */
enum ur_status docprint_lp(const char *path, const char *printer, struct strbuf *job,
			   struct ur_err *err);

/** The file name for customer code's document kind ("statement") on day:
 *  KIND-CODE-YYYY-MM-DD.pdf, the code made safe for a file name
 *  (malloc'd). */
char *docprint_file_name(const char *kind, const char *code, int32_t day);

#endif
