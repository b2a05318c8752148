/* text: UTF-8 decoding and terminal cell widths — the single source of
 * truth for how wide a string is on screen, in tables and in statements. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_TEXT_H
#define UR_SRC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

enum text_align { TEXT_LEFT, TEXT_RIGHT, TEXT_CENTER };

/** Decode one character from s[0..n). Returns the bytes consumed (>= 1 when
 *  n > 0, 0 when n == 0). Invalid input (bad lead or continuation byte,
 *  overlong form, surrogate, > U+10FFFF, truncated) gives *cp = U+FFFD and
 *  consumes exactly one byte. Never reads past n. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/** True when s[0..n) is valid UTF-8; otherwise stores the offset of the
 *  first bad byte in *bad_offset (may be NULL). */
bool utf8_valid(const char *s, size_t n, size_t *bad_offset);

/** True when s[0..n) is a proper, so far valid prefix of a multi-byte
 *  character (the input ended in the middle of a character). */
bool utf8_truncated(const char *s, size_t n);

/** Append the UTF-8 encoding of cp (U+FFFD for surrogates and values
 *  above U+10FFFF). */
void utf8_append(struct strbuf *out, uint32_t cp);

/** Terminal cells of one code point, independent of the process locale and
 *  in agreement with glibc's wcwidth() under C.UTF-8: 2 for East-Asian wide
 *  and full-width characters, 0 for combining marks and zero-width
 *  characters, 1 otherwise (including controls; callers draw those through
 *  text_sanitize). East-Asian ambiguous characters are 1, or 2 after
 *  text_set_ambiguous_wide(true). */
int text_cp_width(uint32_t cp);

/** Global setting: draw East-Asian ambiguous characters (○ × ※ ① ─ …)
 *  two cells wide. Off by default. */
void text_set_ambiguous_wide(bool wide);

/** Current value of the ambiguous-width setting. */
bool text_ambiguous_wide(void);

/** Cells of the NUL-terminated UTF-8 string s as text_sanitize shows it. */
int text_width(const char *s);

/** Cells of s[0..n) as text_sanitize shows it. */
int text_width_n(const char *s, size_t n);

/** Bytes of the NUL-terminated s that fit in max_cells cells without
 *  splitting a character (zero-width characters that follow the last
 *  fitting character are included). Stores the cells used in *cells_used
 *  (may be NULL). */
size_t text_fit(const char *s, int max_cells, int *cells_used);

/** Append s sanitized, cut and padded with spaces to exactly `cells` cells.
 *  A cut string ends with the ASCII marker '~' in the last cell, and a
 *  double-width character that would straddle the cut becomes a space.
 *  Alignment only applies when s fits. Nothing is appended when cells <= 0. */
void text_pad(struct strbuf *out, const char *s, int cells, enum text_align a);

/** Append s[0..n) with every control character made visible: C0 and DEL
 *  in caret notation ("^[" for ESC, "^I" for TAB, "^@" for NUL), C1
 *  controls, bidi embeddings/overrides/isolates (U+202A–202E, U+2066–2069)
 *  and the line/paragraph separators U+2028/2029 as "<U+XXXX>", invalid
 *  bytes as U+FFFD. The output never contains a byte < 0x20, 0x7F or a C1
 *  control. */
void text_sanitize(struct strbuf *out, const char *s, size_t n);

/** As text_sanitize, but a line feed stays a line feed: text of several
 *  lines (a message, a report) as a terminal may be given it. */
void text_sanitize_lines(struct strbuf *out, const char *s, size_t n);

#endif
