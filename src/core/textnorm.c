/* textnorm: folding typed amounts and dates to ASCII class characters. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "textnorm.h"

/* Decode one UTF-8 character at s into *cp; return its length in bytes.
 * A malformed byte decodes as U+FFFD of length 1. */
static size_t
decode(const unsigned char *s, unsigned long *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) {
		*cp = ((unsigned long)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
		return 2;
	}
	if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80) {
		*cp = ((unsigned long)(s[0] & 0x0f) << 12) |
		      ((unsigned long)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
		return 3;
	}
	*cp = 0xfffd;
	return 1;
}

/* One code point as a space or as its class. */
static char
fold_char(unsigned long cp, textnorm_class_fn cls)
{
	if (cp >= 0xff01 && cp <= 0xff5e)
		cp -= 0xfee0; /* full-width ASCII */
	if (cp == ' ' || cp == '\t' || cp == 0x3000)
		return ' ';
	return cls(cp);
}

int
textnorm_fold(const char *text, char *out, int max, textnorm_class_fn cls)
{
	const unsigned char *s = (const unsigned char *)text;
	unsigned long cp;
	int n = 0, start = 0;

	while (*s) {
		s += decode(s, &cp);
		if (n == max)
			return -1;
		out[n++] = fold_char(cp, cls);
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	while (start < n && out[start] == ' ')
		start++;
	memmove(out, out + start, (size_t)(n - start));
	out[n - start] = '\0';
	return n - start;
}
