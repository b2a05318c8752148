/* collate: sort keys for customer names (collate.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "collate.h"
#include "text.h"

/* data/pinyin.txt, compiled in (src/pinyin_data.c). */
extern const char ur_pinyin[];
extern const unsigned long ur_pinyin_len;

/* The Han characters data/pinyin.txt ranks all lie in [PY_FIRST, PY_END). */
#define PY_FIRST 0x3000u
#define PY_END 0xFB00u

static uint16_t py_rank[PY_END - PY_FIRST];
static pthread_once_t py_once = PTHREAD_ONCE_INIT;

/* Fill py_rank from the table: the nth character listed gets rank n. */
static void
py_load(void)
{
	const char *p = ur_pinyin, *end = ur_pinyin + ur_pinyin_len;
	unsigned rank = 0;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *stop = eol ? eol : end;

		if (*p != '#') {
			while (p < stop) {
				uint32_t cp;

				p += utf8_decode(p, (size_t)(stop - p), &cp);
				if (cp >= PY_FIRST && cp < PY_END && !py_rank[cp - PY_FIRST])
					py_rank[cp - PY_FIRST] = (uint16_t)++rank;
			}
		}
		p = stop + (eol != NULL);
	}
}

unsigned
collate_pinyin_rank(uint32_t cp)
{
	pthread_once(&py_once, py_load);
	return cp >= PY_FIRST && cp < PY_END ? py_rank[cp - PY_FIRST] : 0;
}

/* A Han character's token: a byte no UTF-8 uses (so it sorts after every
 * other character), then the rank in two bytes that are never NUL. */
static void
key_han(struct strbuf *out, unsigned rank)
{
	char t[3] = { (char)0xF5, (char)(0x20 + rank / 128), (char)(0x20 + rank % 128) };

	sb_add(out, t, sizeof t);
}

/* The plain kana of a voiced katakana cp (ガ → カ, パ → ハ, ヴ → ウ) and
 * its mark in *mark (1 ゛, 2 ゜); cp itself and 0 for any other. */
static uint32_t
kana_plain(uint32_t cp, int *mark)
{
	static const uint32_t handakuten[] = { 0x30D1, 0x30D4, 0x30D7, 0x30DA, 0x30DD };
	static const uint32_t dakuten[] = { 0x30AC, 0x30AE, 0x30B0, 0x30B2, 0x30B4, 0x30B6,
					    0x30B8, 0x30BA, 0x30BC, 0x30BE, 0x30C0, 0x30C2,
					    0x30C5, 0x30C7, 0x30C9, 0x30D0, 0x30D3, 0x30D6,
					    0x30D9, 0x30DC };

	*mark = 0;
	if (cp == 0x30F4) {
		*mark = 1;
		return 0x30A6;
	}
	for (size_t i = 0; i < sizeof handakuten / sizeof *handakuten; i++)
		if (cp == handakuten[i]) {
			*mark = 2;
			return cp - 2;
		}
	for (size_t i = 0; i < sizeof dakuten / sizeof *dakuten; i++)
		if (cp == dakuten[i]) {
			*mark = 1;
			return cp - 1;
		}
	return cp;
}

/* The key is two levels, as in a Japanese dictionary: the characters with
 * voicing marks taken off (カトウ before ガス before キ), then, after a
 * byte below every character, the marks (ハハ before ババ before パパ). */
void
collate_name_key(const char *folded, struct strbuf *out)
{
	size_t n = strlen(folded);
	struct strbuf marks;

	sb_init(&marks);
	sb_reset(out);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(folded + i, n - i, &cp);
		unsigned rank = collate_pinyin_rank(cp);
		int mark;
		uint32_t plain = kana_plain(cp, &mark);

		if (rank)
			key_han(out, rank);
		else if (mark)
			utf8_append(out, plain);
		else
			sb_add(out, folded + i, len);
		sb_addc(&marks, (char)('0' + mark));
		i += len;
	}
	sb_addc(out, '\x01');
	sb_add(out, marks.buf, marks.len);
	sb_free(&marks);
}
