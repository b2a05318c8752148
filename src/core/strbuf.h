/* strbuf: a growable, always NUL-terminated byte string. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STRBUF_H
#define UR_SRC_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf {
	char *buf; /* NUL-terminated; NULL only after sb_detach */
	size_t len;
	size_t cap;
};

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
/** Empty the buffer, keeping its memory. */
void sb_reset(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/** Give back the memory sb grew into but does not use (a text kept long). */
void sb_fit(struct strbuf *sb);
/** Hand the string to the caller (who frees it). sb is left empty without
 *  memory of its own: adding to it again allocates anew, sb_free is a no-op. */
char *sb_detach(struct strbuf *sb);

/** Append the rest of stream f to sb; false on a read error (errno says why). */
bool sb_read_stream(struct strbuf *sb, FILE *f);
/** Append the whole file at path to sb; false when it cannot be opened or
 *  read (errno says why; ENOENT: it does not exist). */
bool sb_read_file(struct strbuf *sb, const char *path);
/** The whole file at path, NUL-terminated (caller frees), or NULL when it
 *  cannot be read. */
char *sb_slurp(const char *path);

#endif
