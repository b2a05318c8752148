/* err: status codes shared by the core and the command line, and the
 * error record that every fallible core function fills instead of printing. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_ERR_H
#define UR_SRC_ERR_H

/* The values are the CLI exit codes (doc/cli-contract.md): keep them stable. */
enum ur_status {
	UR_OK = 0,
	UR_FAIL = 1,     /* I/O or database failure */
	UR_USAGE = 2,    /* bad command line */
	UR_INPUT = 3,    /* input rejected: nothing was written */
	UR_CONFLICT = 4, /* another user changed it first */
};

struct ur_err {
	enum ur_status status;
	char msg[1024]; /* translated, UTF-8, no trailing newline */
};

/** Record a failure in err (may be NULL) and return st, so callers can write
 *  `return ur_fail(err, UR_INPUT, _("%s:%zu: bad date"), file, line);`. */
enum ur_status ur_fail(struct ur_err *err, enum ur_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/** Reset err to UR_OK with an empty message. */
void ur_err_clear(struct ur_err *err);

#endif
