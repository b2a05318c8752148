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
#include "mailout.h"
#include "outfile.h"
#include "statement.h"

/** `urikake statement CUSTOMER… | --all-open [--from D] [--to D]
 *  [--format pdf|txt] [--lang L] [-o PATH | --print | --email [--dry-run]]
 *  [--force] [--company FILE]`. */
int cmd_statement(const struct cli *c, int argc, char **argv);
/** `urikake dunning CUSTOMER… | --all-overdue --level N [--format pdf|txt]
 *  [--lang L] [-o PATH] [--print | --email] [--force] [--company FILE]
 *  [--templates DIR] [--dry-run]`. */
int cmd_dunning(const struct cli *c, int argc, char **argv);

/** `urikake confirm send CUSTOMER… | --all --as-of DATE [--document
 *  confirmation|statement] [--format pdf|txt] [--lang L] [-o PATH | --print
 *  | --email] [--force] [--company FILE] [--templates DIR] [--dry-run]`
 *  (argv[0] is "send"): the letters, then each recorded as a confirmation
 *  awaiting an answer (an e-mailed one as it goes). */
int cmd_confirm_send(const struct cli *c, int argc, char **argv);

enum docout_format { DOCOUT_TXT, DOCOUT_PDF };

/* E-mail delivery (--email, cmd_mail.c, through src/run/mailout.h): each
 * document as a PDF attached to a mail to the customer's address (a
 * digest: the sales rep's), handed to the company settings' mail-command
 * and, to a customer, logged as a contact — or, with dry_run, written as
 * DIR/KIND-CODE.eml. With -o DIR a copy of each PDF sent is kept there. */
/* Where documents go. Set fmt, out, print and kind (a file-name word such
 * as "statement"), then docout_open. */
struct docout {
	enum docout_format fmt;
	const char *out;  /* -o: a file or a directory; NULL: stdout (txt) or a default */
	bool print;       /* send each PDF written to lp */
	bool force;       /* replace existing files (a link itself, never its target) */
	const char *kind; /* "statement", "dunning" or "confirmation" */
	const struct company *company;
	struct mailout *mail; /* set: documents go by e-mail instead */
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

/** Our details into *co: the settings file at path (--company), else
 *  $XDG_CONFIG_HOME/urikake/company or ~/.config/urikake/company, else the
 *  company settings c's database carries (the demo's). Prints errors.
 *  None anywhere gives empty settings and a note. */
int docout_company(const struct cli *c, const char *path, struct company *co);
/** $XDG_CONFIG_HOME/urikake/templates (or ~/.config/…), malloc'd, or NULL. */
char *docout_templates_dir(void);
/** The settings file docout_company reads for path (malloc'd, or NULL). */
char *docout_company_file(const char *path);

/* For cmd_mail.c. */
/** Whether path is (or, ending in '/', names) a directory. */
bool docout_is_dir(const char *path);
/** DIR/KIND-CODE.EXT (no dir: KIND-CODE-DATE.EXT), ext NULL: .pdf or .txt
 *  by the format (malloc'd). */
char *docout_file_for(const struct docout *o, const char *dir, const char *code,
		      const char *ext);
/** Start the next file of o at path (committed by docout_close). */
int docout_start_file(struct docout *o, const char *path, struct outfile **f);

/** The options that go with --email: not --print, PDF, -o a directory
 *  (copies of the PDFs sent; required by dry_run for the .eml files).
 *  Prints a usage error (UR_USAGE) otherwise. */
int mailout_options(bool print, const char *format, const char *out, bool dry_run);
/** Check the mail settings in co (read from the file settings): mail-from
 *  (else email), and mail-command unless m->dry_run; m's company and day
 *  (today) set. Prints errors (UR_INPUT). */
int mailout_settings(struct mailout *m, const struct company *co, const char *settings);
/** Check the mail settings (mail-from; mail-command unless m->dry_run)
 *  and each customer's address before anything is sent; with all, the
 *  customers without an address are dropped from codes (freed when
 *  owned) and named. Prints errors (exit 3 for bad settings or an address
 *  that is not one). */
int mailout_prepare(struct mailout *m, const struct company *co, const char *settings,
		    const char **codes, size_t *ncodes, bool owned, bool all);
/** Send (or write) the document as docout_add does. */
int mailout_add(struct docout *o, const struct statement *s, const struct dunning_letter *d);
struct digest;
/** Send (or write) digest g of day in lang to sales rep at address, as
 *  the PDF docout_open's kind names ("digest"); logged as no contact. */
int mailout_digest(struct docout *o, const struct digest *g, enum stmt_lang lang, int32_t day,
		   const char *rep, const char *address);
/** Say how many mails went (or were written). */
void mailout_summary(const struct docout *o);

#endif
