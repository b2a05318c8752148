/* mail: sending a document by e-mail — a MIME message composed with GMime
 * (a UTF-8 text part and one attachment, the subject and names as RFC 2047
 * encoded words) and handed to the system's mail transfer agent as a
 * `sendmail -t` compatible command (msmtp, postfix), whose error output is
 * kept for the message. Any later document (a statement, a letter, a
 * confirmation, a notice) goes out the same way. Prints nothing. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_MAIL_H
#define UR_SRC_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "strbuf.h"

/* A message to compose. Strings are UTF-8; names may be NULL or "". */
struct mail_msg {
	const char *from, *from_name; /* our address and name */
	const char *to, *to_name;     /* one address or a comma-separated list */
	const char *subject;
	const char *body;             /* text/plain */
	const char *file_name;        /* the attachment's name */
	const char *file_type;        /* its MIME type: "application/pdf" */
	const void *file;
	size_t file_len;
};

/** UR_OK when text is one e-mail address or a comma-separated list of
 *  them (each local@domain, or "Name <local@domain>"); UR_INPUT saying
 *  which part is not one otherwise. */
enum ur_status mail_address_check(const char *text, struct ur_err *err);

/** Compose m as a MIME message (multipart/mixed: the body as text/plain
 *  UTF-8, the file base64) with From, To, Subject, Date (now) and a new
 *  Message-ID, into out (replacing its contents); message_id (malloc'd,
 *  without <>) gets the Message-ID. UR_INPUT when an address is not one. */
enum ur_status mail_compose(const struct mail_msg *m, struct strbuf *out, char **message_id,
			    struct ur_err *err);

/** UR_OK when command (split as a shell would, run without one) names a
 *  program that exists; UR_INPUT when it is empty, cannot be split or its
 *  program is not found. */
enum ur_status mail_command_check(const char *command, struct ur_err *err);

/** Run command with the message on its standard input. UR_FAIL, with the
 *  command's own error output, when it cannot be started or does not exit
 *  with status 0: then the mail was not handed over. */
enum ur_status mail_send(const char *command, const void *msg, size_t len, struct ur_err *err);

#endif
