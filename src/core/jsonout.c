/* jsonout: JSON string escaping and key/value helpers. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jsonout.h"

void
jsonout_str(struct strbuf *out, const char *s)
{
	const char *run;

	if (!s)
		s = "";
	sb_addc(out, '"');
	for (run = s; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		sb_add(out, run, (size_t)(s - run));
		run = s + 1;
		switch (c) {
		case '"': sb_adds(out, "\\\""); break;
		case '\\': sb_adds(out, "\\\\"); break;
		case '\n': sb_adds(out, "\\n"); break;
		case '\r': sb_adds(out, "\\r"); break;
		case '\t': sb_adds(out, "\\t"); break;
		default: sb_addf(out, "\\u%04x", c); break;
		}
	}
	sb_add(out, run, (size_t)(s - run));
	sb_addc(out, '"');
}

void
jsonout_key(struct strbuf *out, const char *key, int first)
{
	if (!first)
		sb_addc(out, ',');
	jsonout_str(out, key);
	sb_addc(out, ':');
}

void
jsonout_pair(struct strbuf *out, const char *key, const char *value, int first)
{
	jsonout_key(out, key, first);
	jsonout_str(out, value);
}
