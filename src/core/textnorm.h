/* textnorm: short typed input (amounts, dates) folded to one ASCII class
 * character per code point, for the hand-written parsers. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_TEXTNORM_H
#define UR_SRC_TEXTNORM_H

/* The class character of one code point that is not a space. */
typedef char (*textnorm_class_fn)(unsigned long cp);

/** Fold the NUL-terminated UTF-8 text into out (max + 1 bytes): each code
 *  point becomes one character, full-width ASCII (U+FF01–FF5E) read as
 *  ASCII first; space, tab and U+3000 become ' ', any other code point
 *  cls(cp). A malformed byte reads as U+FFFD. Leading and trailing spaces
 *  are dropped and out is NUL-terminated. Returns its length, or -1 when the
 *  text has more than max code points (spaces included). */
int textnorm_fold(const char *text, char *out, int max, textnorm_class_fn cls);

#endif
