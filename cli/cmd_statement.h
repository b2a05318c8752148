/* cmd_statement: the `statement` and `dunning` commands, and the document
 * output they share (cmd_docout.c): text or PDF, to standard output, one
 * file, or one file per customer in a directory, and printing with lp. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_CLI_CMD_STATEMENT_H
#define UR_CLI_CMD_STATEMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "company.h"
#include "dunning.h"
#include "outfile.h"
#include "statement.h"

/** `urikake statement CUSTOMER… | --all-open [--from D] [--to D]
 *  [--format pdf|txt] [--lang L] [-o PATH | --print] [--force] [--company FILE]`. */
int cmd_statement(const struct cli *c, int argc, char **argv);
/** `urikake dunning CUSTOMER… | --all-overdue --level N [--format pdf|txt]
 *  [--lang L] [-o PATH] [--print] [--force] [--company FILE] [--templates DIR]
 *  [--dry-run]`. */
int cmd_dunning(const struct cli *c, int argc, char **argv);

/** `urikake confirm send CUSTOMER… | --all --as-of DATE [--document
 *  confirmation|statement] [--format pdf|txt] [--lang L] [-o PATH | --print]
 *  [--force] [--company FILE] [--templates DIR] [--dry-run]` (argv[0] is
 *  "send"): the letters, then each recorded as a confirmation awaiting an
 *  answer. */
int cmd_confirm_send(const struct cli *c, int argc, char **argv);

enum docout_format { DOCOUT_TXT, DOCOUT_PDF };

/* Where documents go. Set fmt, out, print and kind (a file-name word such
 * as "statement"), then docout_open. */
struct docout {
	enum docout_format fmt;
	const char *out;  /* -o: a file or a directory; NULL: stdout (txt) or a default */
	bool print;       /* send each PDF written to lp */
	bool force;       /* replace existing files (a link itself, never its target) */
	const char *kind; /* "statement", "dunning" or "confirmation" */
	const struct company *company;
	/* state */
	bool dir;
	bool to_stdout;   /* text on standard output */
	char *path;       /* the single output file */
	struct pdf *pdf;  /* the single PDF */
	/* the files being written (outfile.h) and their names, for printing
	 * and the summary: each is complete in a temporary file before the
	 * next starts, and all are renamed into place by docout_close */
	struct outfile *written;
	char **files;
	size_t nfiles, docs;
	int pages;
};

/** Decide the format and target (a default file name uses first, the
 *  only customer's code, or "all"); start a single file. Prints errors. */
int docout_open(struct docout *o, const char *first, size_t count);
/** Write one document: a statement s, or the letter d when d is set. */
int docout_add(struct docout *o, const struct statement *s, const struct dunning_letter *d);
/** Finish the files and put them in place, say what was written, print
 *  them when asked. Nothing is reported written that is not on disk. */
int docout_close(struct docout *o);
/** Remove what was being written and free o (after a cancel or an error):
 *  no file is left in place. */
void docout_abort(struct docout *o);

/** The settings file: path, else $XDG_CONFIG_HOME/urikake/company, else
 *  ~/.config/urikake/company. Loads it into *co; prints errors. A missing
 *  default file gives empty settings and a note. */
int docout_company(const char *path, struct company *co);
/** $XDG_CONFIG_HOME/urikake/templates (or ~/.config/…), malloc'd, or NULL. */
char *docout_templates_dir(void);

#endif
