/* text: UTF-8 decoding, visible forms of control characters, and string
 * widths, fitting and padding in terminal cells. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

/* Expected length of the sequence starting with lead byte b and the valid
 * range of its second byte (this encodes the overlong, surrogate and
 * > U+10FFFF rules); 0 for a byte that cannot start a sequence. */
static size_t
utf8_lead(unsigned char b, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (b >= 0xC2 && b <= 0xDF)
		return 2;
	if (b >= 0xE0 && b <= 0xEF) {
		if (b == 0xE0)
			*lo = 0xA0;
		else if (b == 0xED)
			*hi = 0x9F;
		return 3;
	}
	if (b >= 0xF0 && b <= 0xF4) {
		if (b == 0xF0)
			*lo = 0x90;
		else if (b == 0xF4)
			*hi = 0x8F;
		return 4;
	}
	return 0;
}

/* Whether the first m bytes of s (m <= the sequence length) are a valid
 * start of the sequence announced by s[0]. */
static bool
utf8_prefix_ok(const unsigned char *s, size_t m, unsigned char lo, unsigned char hi)
{
	size_t i;

	if (m >= 2 && (s[1] < lo || s[1] > hi))
		return false;
	for (i = 2; i < m; i++)
		if ((s[i] & 0xC0) != 0x80)
			return false;
	return true;
}

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo, hi;
	size_t len, i;
	uint32_t v;

	if (n == 0) {
		*cp = 0xFFFD;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	len = utf8_lead(u[0], &lo, &hi);
	if (len == 0 || len > n || !utf8_prefix_ok(u, len, lo, hi)) {
		*cp = 0xFFFD;
		return 1;
	}
	v = u[0] & (0x7F >> len);
	for (i = 1; i < len; i++)
		v = (v << 6) | (u[i] & 0x3F);
	*cp = v;
	return len;
}

bool
utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t len;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);
		if (len == 1) {
			if (bad_offset)
				*bad_offset = i;
			return false;
		}
		i += len;
	}
	return true;
}

bool
utf8_truncated(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo, hi;
	size_t len;

	if (n == 0)
		return false;
	len = utf8_lead(u[0], &lo, &hi);
	return len > n && utf8_prefix_ok(u, n, lo, hi);
}

void
utf8_append(struct strbuf *out, uint32_t cp)
{
	char b[4];

	if (cp >= 0xD800 && (cp < 0xE000 || cp > 0x10FFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		sb_addc(out, (char)cp);
		return;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		sb_add(out, b, 2);
		return;
	}
	if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		sb_add(out, b, 3);
		return;
	}
	b[0] = (char)(0xF0 | (cp >> 18));
	b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (char)(0x80 | (cp & 0x3F));
	sb_add(out, b, 4);
}

/* One character of input as it is shown: `len` input bytes become
 * out[0..outlen) taking `cells` cells. */
struct unit {
	size_t len;
	const char *out;
	size_t outlen;
	int cells;
	char buf[12];
};

static bool
shown_as_code(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

static void
unit_next(const char *s, size_t n, struct unit *u)
{
	uint32_t cp;

	u->len = utf8_decode(s, n, &cp);
	u->out = s;
	u->outlen = u->len;
	if (cp < 0x20 || cp == 0x7F) {
		u->buf[0] = '^';
		u->buf[1] = (char)(cp ^ 0x40);
		u->out = u->buf;
		u->outlen = 2;
		u->cells = 2;
	} else if (shown_as_code(cp)) {
		u->outlen = (size_t)snprintf(u->buf, sizeof(u->buf), "<U+%04X>", (unsigned)cp);
		u->out = u->buf;
		u->cells = (int)u->outlen;
	} else {
		if (cp == 0xFFFD && u->len == 1) {
			u->out = "\xEF\xBF\xBD";
			u->outlen = 3;
		}
		u->cells = text_cp_width(cp);
	}
}

int
text_width_n(const char *s, size_t n)
{
	long long w = 0;
	size_t i = 0;
	struct unit u;

	while (i < n) {
		unit_next(s + i, n - i, &u);
		w += u.cells;
		i += u.len;
	}
	return w > INT_MAX ? INT_MAX : (int)w;
}

int
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

size_t
text_fit(const char *s, int max_cells, int *cells_used)
{
	size_t n = strlen(s), i = 0;
	int used = 0;
	struct unit u;

	while (i < n) {
		unit_next(s + i, n - i, &u);
		if (u.cells > max_cells - used)
			break;
		used += u.cells;
		i += u.len;
	}
	if (cells_used)
		*cells_used = used;
	return i;
}

void
text_sanitize(struct strbuf *out, const char *s, size_t n)
{
	size_t i = 0;
	struct unit u;

	while (i < n) {
		unit_next(s + i, n - i, &u);
		sb_add(out, u.out, u.outlen);
		i += u.len;
	}
}

void
text_sanitize_lines(struct strbuf *out, const char *s, size_t n)
{
	const char *nl;

	while ((nl = memchr(s, '\n', n))) {
		text_sanitize(out, s, (size_t)(nl - s));
		sb_addc(out, '\n');
		n -= (size_t)(nl - s) + 1;
		s = nl + 1;
	}
	text_sanitize(out, s, n);
}

static void
add_spaces(struct strbuf *out, int k)
{
	while (k-- > 0)
		sb_addc(out, ' ');
}

void
text_pad(struct strbuf *out, const char *s, int cells, enum text_align a)
{
	int w, used, left;
	size_t len;

	if (cells <= 0)
		return;
	w = text_width(s);
	if (w > cells) {
		len = text_fit(s, cells - 1, &used);
		text_sanitize(out, s, len);
		add_spaces(out, cells - 1 - used);
		sb_addc(out, '~');
		return;
	}
	left = a == TEXT_RIGHT ? cells - w : a == TEXT_CENTER ? (cells - w) / 2 : 0;
	add_spaces(out, left);
	text_sanitize(out, s, strlen(s));
	add_spaces(out, cells - w - left);
}
