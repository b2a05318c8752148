/* xalloc: allocation that never returns NULL (out of memory aborts, as in
 * htop and calcurse: there is no sensible recovery in an interactive tool). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_XALLOC_H
#define UR_SRC_XALLOC_H

#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/** p without its const, for an interface typed char * that does not write
 *  through it (iconv, posix_spawn's argv, free of a string we own); the
 *  integer round trip says so to -Wcast-qual. */
static inline void *
unconst(const void *p)
{
	return (void *)(uintptr_t)p;
}

#endif
