/* xalloc: allocation that never returns NULL (out of memory aborts, as in
 * htop and calcurse: there is no sensible recovery in an interactive tool). */
#ifndef UR_SRC_XALLOC_H
#define UR_SRC_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
