/* jsonout: writing JSON text (string literals, keys) into a strbuf, for
 * exports, reports and audit records. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_JSONOUT_H
#define UR_SRC_JSONOUT_H

#include "strbuf.h"

/** Append s (UTF-8; NULL = "") as a quoted JSON string, escaping quotes,
 *  backslashes and every control character. */
void jsonout_str(struct strbuf *out, const char *s);
/** Append ,"key": (no comma when first is non-zero). */
void jsonout_key(struct strbuf *out, const char *key, int first);
/** Append ,"key":"value" (no comma when first is non-zero). */
void jsonout_pair(struct strbuf *out, const char *key, const char *value, int first);

#endif
