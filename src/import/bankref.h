/* bankref: references for deposits whose bank sent none. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_BANKREF_H
#define UR_SRC_BANKREF_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* The deposits of one file seen so far, by booking date, amount and payer. */
struct bankref {
	struct bankref_slot *slots; /* open addressing, cap a power of two */
	size_t cap, used;
	struct strbuf text;
};

void bankref_init(struct bankref *b);
void bankref_free(struct bankref *b);

/** A reference for a deposit without one: "YYYY-MM-DD/AMOUNT/PAYER/N", PAYER
 *  eight hex digits of a digest of the folded payer key and payer code, N
 *  the how-manieth deposit of that day, amount and payer in this file. It
 *  is the same when the file, or a later download overlapping it, is
 *  imported again; two payers on one day never share one. The string lives
 *  until the next call. */
const char *bankref_make(struct bankref *b, int32_t day, int64_t amount, const char *payer_key,
			 const char *payer_code);

#endif
