/* mailout: documents by e-mail, as the commands' --email and the
 * interface's e-mail key both send them — the mail settings (mail-from,
 * mail-command) and the addressee's address checked, the document
 * rendered once into memory as a PDF, its subject and covering text in
 * the reader's language (docmail.h), the MIME message composed (mail.h),
 * handed to the mail command and, to a customer, logged as a contact
 * naming the document, its SHA-256 and the Message-ID. Nothing is logged
 * when the mail command refuses the message. Prints nothing. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_RUN_MAILOUT_H
#define UR_SRC_RUN_MAILOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "company.h"
#include "docmail.h"
#include "dunning.h"
#include "err.h"
#include "statement.h"
#include "strbuf.h"

struct digest;
struct store;

/* One run of mails: set st, company, day and what the contacts log
 * (level, title, next_date), then mailout_setup. */
struct mailout {
	struct store *st;     /* the customers' addresses; the contact log */
	const struct company *company;
	int32_t day;          /* the day in file names and of the contacts */
	bool dry_run;         /* the messages are written, not sent: no
				 mail-command needed */
	int level;            /* the dunning level logged (0: a statement) */
	const char *title;    /* the document's title (NULL: the statement's or
				 the letter's of its level) */
	int32_t next_date;    /* the follow-up date logged (0: none) */
	/* state */
	const char *from;     /* mail-from (or email) from the settings */
	const char *command;  /* mail-command */
	char *id;             /* the Message-ID of the message composed */
	size_t sent;          /* mails handed over (or written) */
	size_t logged;        /*   of them, logged as contacts */
	char *sent_file;      /* the attachment's name of the last one */
	struct strbuf pdf, msg, subject, body;
};

/* One mail: where it goes, what it carries, the contact it is logged as.
 * Every string is its own (mailout_to_free). */
struct mailout_to {
	char *code;           /* the word in file names: a customer's code, a rep */
	char *address, *name;
	char *title;          /* the document's */
	struct docmail dm;    /* the covering text (title and customer: the above) */
	char *file_name;      /* the attachment's */
	int64_t customer_id;  /* 0: to one of us, no contact logged */
};

/** Read m->company's mail settings: mail-from (else email), checked, and
 *  mail-command unless m->dry_run, its program found. UR_INPUT saying
 *  which and how to set it in file (the settings file, named in the
 *  message). */
enum ur_status mailout_setup(struct mailout *m, const char *file, struct ur_err *err);

/** Customer code's e-mail address into *address (malloc'd; NULL when it
 *  has none). UR_INPUT, naming the customer, when it is not one. */
enum ur_status mailout_address(struct mailout *m, const char *code, char **address,
			       struct ur_err *err);

/** Sales rep's address from co (rep-email.REP) into *address (co's),
 *  checked. UR_INPUT saying how to set it in file when it has none or it
 *  is not one. */
enum ur_status mailout_rep_address(const struct company *co, const char *rep, const char *file,
				   const char **address, struct ur_err *err);

/** Statement s, or letter d when set, ready to go to its customer as
 *  KIND-CODE-DAY.pdf: *t filled, the PDF rendered into m->pdf, the
 *  subject and text into m->subject and m->body. UR_INPUT when the
 *  customer has no address, or one that is not one. */
enum ur_status mailout_doc(struct mailout *m, const char *kind, const struct statement *s,
			   const struct dunning_letter *d, struct mailout_to *t,
			   struct ur_err *err);

/** Digest g of day, in lang, ready to go to sales rep at address as
 *  KIND-REP-DAY.pdf (logged as no contact), as mailout_doc. */
enum ur_status mailout_digest_doc(struct mailout *m, const char *kind, const struct digest *g,
				  enum stmt_lang lang, int32_t day, const char *rep,
				  const char *address, struct mailout_to *t,
				  struct ur_err *err);

/** The message of t, m->pdf attached, into m->msg; its Message-ID into
 *  m->id. */
enum ur_status mailout_compose(struct mailout *m, const struct mailout_to *t,
			       struct ur_err *err);

/** Hand m->msg to the mail command and, to a customer, log it as a
 *  contact on m->day. UR_FAIL with the command's own message when it
 *  refuses (nothing logged); UR_FAIL saying the mail went but is not in
 *  the contact log when logging fails. */
enum ur_status mailout_deliver(struct mailout *m, const struct mailout_to *t,
			       struct ur_err *err);

/** Count the message of t as written instead (--dry-run). */
void mailout_written(struct mailout *m, const struct mailout_to *t);

void mailout_to_free(struct mailout_to *t);
void mailout_free(struct mailout *m);

#endif
