/* store_json: the small JSON writer the store's audit rows use ({"key":
 * value, …} with strings escaped for JSON and nothing else). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "store_priv.h"

void
store_json_begin(struct strbuf *sb)
{
	sb_reset(sb);
	sb_addc(sb, '{');
}

static int
json_plain(unsigned char c)
{
	return c >= 0x20 && c != 0x7f && c != '"' && c != '\\';
}

/* Runs of plain bytes are copied whole: every confirmation audits a few
 * of these objects. */
static void
json_quote(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	while (*s) {
		size_t n = 0;
		unsigned char c;

		while (s[n] && json_plain((unsigned char)s[n]))
			n++;
		sb_add(sb, s, n);
		s += n;
		if (!(c = (unsigned char)*s))
			break;
		if (c == '"' || c == '\\') {
			sb_addc(sb, '\\');
			sb_addc(sb, (char)c);
		} else {
			sb_addf(sb, "\\u%04x", c);
		}
		s++;
	}
	sb_addc(sb, '"');
}

static void
json_key(struct strbuf *sb, const char *key)
{
	if (sb->len > 1)
		sb_addc(sb, ',');
	json_quote(sb, key);
	sb_addc(sb, ':');
}

void
store_json_str(struct strbuf *sb, const char *key, const char *value)
{
	json_key(sb, key);
	if (value && *value)
		json_quote(sb, value);
	else
		sb_adds(sb, "null");
}

void
store_json_int(struct strbuf *sb, const char *key, int64_t value)
{
	char digits[24], *p = digits + sizeof digits;
	uint64_t u = value < 0 ? -(uint64_t)value : (uint64_t)value;

	json_key(sb, key);
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (value < 0)
		*--p = '-';
	sb_add(sb, p, (size_t)(digits + sizeof digits - p));
}

void
store_json_end(struct strbuf *sb)
{
	sb_addc(sb, '}');
}
