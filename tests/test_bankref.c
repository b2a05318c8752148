/* Unit tests for bankref: references made for deposits the bank sent none. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bankref.h"
#include "tap.h"

TAP_SUITE(bankref)
{
	struct bankref b;
	char first[64], again[64];
	int distinct = 1;

	bankref_init(&b);
	snprintf(first, sizeof first, "%s", bankref_make(&b, 20543, 100000, "ﾃｽﾄ", ""));
	tap_ok(strncmp(first, "2026-03-31/100000/", 18) == 0, "date and amount lead: %s", first);
	tap_is_int((long long)strlen(first), 18 + 8 + 2, "then 8 hex digits and the count");
	tap_ok(strcmp(first + 26, "/1") == 0, "the first of its kind is 1");
	tap_ok(strcmp(bankref_make(&b, 20543, 100000, "ﾃｽﾄ", "") + 26, "/2") == 0,
	       "the same payer, day and amount again is 2");
	tap_ok(strcmp(bankref_make(&b, 20543, 100000, "ﾍﾞﾂ", ""), first) != 0,
	       "another payer gets another reference");
	tap_ok(strcmp(bankref_make(&b, 20543, 100000, "ﾃｽﾄ", "123"), first) != 0,
	       "the payer code counts");
	/* Enough keys to grow the table several times; each stays the 1st. */
	for (int i = 0; i < 5000; i++) {
		const char *r = bankref_make(&b, 20000 + i % 50, 1000 + i, "X", "");

		distinct &= strcmp(r + strlen(r) - 2, "/1") == 0;
	}
	tap_ok(distinct, "5,000 different deposits are each the first");
	snprintf(again, sizeof again, "%s", bankref_make(&b, 20543, 100000, "ﾃｽﾄ", ""));
	tap_ok(strcmp(again + 26, "/3") == 0, "counts survive the table growing: %s", again);
	bankref_free(&b);
}
