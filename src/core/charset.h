/* charset: conversion of imported bytes to UTF-8 at the edge (iconv), the
 * character set names users may give, and encoding detection. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_CHARSET_H
#define UR_SRC_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "strbuf.h"

struct charset_conv;

/** Canonical name of a user-given character set name, compared ignoring
 *  case, '-' and '_': "UTF-8" (UTF8); "CP932" (Shift_JIS, SJIS, MS932,
 *  Windows-31J, CP932); "GB18030" (GBK, GB2312, CP936, GB18030); the
 *  strict variants "SHIFT_JIS-STRICT" and "GBK-STRICT". NULL when unknown. */
const char *charset_canonical(const char *name);

/** Convert the whole buffer in[0..n) from enc to UTF-8, appending to out.
 *  A leading byte order mark is dropped; UTF-8 input is validated. On a
 *  bad or incomplete sequence returns UR_INPUT with a message naming the
 *  byte offset and line, stores that offset in *bad_offset (may be NULL)
 *  and leaves out unchanged. An unknown enc is UR_USAGE. */
enum ur_status charset_to_utf8(const char *enc, const char *in, size_t n,
			       struct strbuf *out, size_t *bad_offset, struct ur_err *err);

/** Start a streaming conversion from enc to UTF-8 (memory independent of
 *  the input size). NULL with err set (UR_USAGE unknown name, UR_FAIL
 *  iconv unavailable) on failure. */
struct charset_conv *charset_conv_open(const char *enc, struct ur_err *err);

/** Convert the next chunk, appending UTF-8 to out; characters split across
 *  chunks are carried over. `last` marks the final chunk (an unfinished
 *  character is then an error). On a bad sequence returns UR_INPUT naming
 *  the absolute byte offset (also given by charset_conv_offset); text
 *  before it in this chunk has been appended. Once failed, every further
 *  call fails. */
enum ur_status charset_conv_feed(struct charset_conv *c, const char *in, size_t n,
				 bool last, struct strbuf *out, struct ur_err *err);

/** Absolute byte offset reached: of the bad sequence after a failure,
 *  otherwise of the first byte not yet converted. */
size_t charset_conv_offset(const struct charset_conv *c);

/** Free the converter (NULL is allowed). */
void charset_conv_close(struct charset_conv *c);

/** Guess the encoding of in[0..n): "UTF-8" when it is valid UTF-8 (with or
 *  without a byte order mark), when it is UTF-8 with a few bad bytes, or
 *  ASCII with a stray non-ASCII byte (too little to tell a legacy encoding
 *  by: its conversion then names the bad byte); otherwise "CP932" or
 *  "GB18030", whichever decodes into more plausible Japanese or Chinese
 *  text. At most the first 64 KiB are examined. A UTF-16 or UTF-32 file
 *  (see charset_refuse_unicode) is "UTF-8". */
const char *charset_detect(const char *in, size_t n);

/** UR_INPUT, saying so, when in[0..n) begins with a UTF-16 or UTF-32
 *  byte-order mark (urikake reads neither); UR_OK otherwise. */
enum ur_status charset_refuse_unicode(const char *in, size_t n, struct ur_err *err);

#endif
