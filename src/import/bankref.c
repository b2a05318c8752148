/* bankref: references for deposits whose bank sent none (a blank 照会番号, a
 * bank CSV without a serial column), so that re-importing a file or an
 * overlapping download recognises what is already there while two payments
 * of one day and amount from different payers stay two deposits. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bankref.h"
#include "date.h"
#include "xalloc.h"

struct bankref_slot {
	int32_t day;
	uint32_t payer;
	int64_t amount;
	unsigned long count; /* 0: empty slot */
};

void
bankref_init(struct bankref *b)
{
	b->cap = 64;
	b->used = 0;
	b->slots = xcalloc(b->cap, sizeof *b->slots);
	sb_init(&b->text);
}

void
bankref_free(struct bankref *b)
{
	free(b->slots);
	b->slots = NULL;
	b->cap = b->used = 0;
	sb_free(&b->text);
}

/* FNV-1a over s, continuing from h. */
static uint32_t
fnv(uint32_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static size_t
slot_of(const struct bankref *b, int32_t day, int64_t amount, uint32_t payer)
{
	uint64_t h = ((uint64_t)(uint32_t)day * 0x9e3779b97f4a7c15ull) ^ (uint64_t)amount ^
		     ((uint64_t)payer << 21);
	size_t i = (size_t)(h ^ (h >> 29)) & (b->cap - 1);

	while (b->slots[i].count && (b->slots[i].day != day || b->slots[i].amount != amount ||
				     b->slots[i].payer != payer))
		i = (i + 1) & (b->cap - 1);
	return i;
}

static void
grow(struct bankref *b)
{
	struct bankref_slot *old = b->slots;
	size_t n = b->cap;

	b->cap *= 2;
	b->slots = xcalloc(b->cap, sizeof *b->slots);
	for (size_t i = 0; i < n; i++)
		if (old[i].count)
			b->slots[slot_of(b, old[i].day, old[i].amount, old[i].payer)] = old[i];
	free(old);
}

const char *
bankref_make(struct bankref *b, int32_t day, int64_t amount, const char *payer_key,
	     const char *payer_code)
{
	uint32_t payer = fnv(fnv(2166136261u, payer_key) ^ 0x1f, payer_code);
	struct bankref_slot *s;
	char iso[DATE_ISO_SIZE];

	if (2 * (b->used + 1) > b->cap)
		grow(b);
	s = &b->slots[slot_of(b, day, amount, payer)];
	if (!s->count++) {
		s->day = day;
		s->amount = amount;
		s->payer = payer;
		b->used++;
	}
	date_format_iso(day, iso);
	sb_reset(&b->text);
	sb_addf(&b->text, "%s/%lld/%08x/%lu", iso, (long long)amount, (unsigned)payer, s->count);
	return b->text.buf;
}
