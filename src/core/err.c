/* err: filling struct ur_err. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "err.h"

enum ur_status
ur_fail(struct ur_err *err, enum ur_status st, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return st;
	err->status = st;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return st;
}

void
ur_err_clear(struct ur_err *err)
{
	if (!err)
		return;
	err->status = UR_OK;
	err->msg[0] = '\0';
}
