/* money: amounts as int64_t minor units of an ISO 4217 currency — parsing
 * the ways people write them, overflow-checked arithmetic and formatting. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_MONEY_H
#define UR_SRC_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* money_format flags */
#define MONEY_PLAIN 0u /* "1234567", "1234.50", "-1000" (CSV) */
#define MONEY_GROUP 1u /* "1,234,567", "1,234.50" */

/* Large enough for any int64_t amount with separators and a NUL. */
#define MONEY_BUFSZ 40

/* The largest magnitude money_parse accepts, in minor units (15 digits):
 * far above any real invoice, and small enough that sums of many such
 * amounts cannot overflow int64_t (in C or in SQL). */
#define MONEY_MAX INT64_C(999999999999999)

/** Number of minor-unit digits of currency cur (JPY 0, CNY 2, ...);
 *  -1 when the code is not in the table. */
int money_exponent(const char *cur);

/** True when cur is a currency code urikake knows. */
bool money_currency_known(const char *cur);

/** Parse an amount written for currency cur into minor units. Accepts
 *  thousands separators (groups of three), a currency sign (¥ ￥ $) or suffix
 *  (円 元), full-width digits and punctuation, a leading minus or the Japanese
 *  negative marks △ ▲, and surrounding spaces (also U+3000). Exact: no
 *  rounding; extra fractional digits must be zeros. Magnitudes above
 *  MONEY_MAX minor units are refused. UR_INPUT on bad input. */
enum ur_status money_parse(const char *text, const char *cur, int64_t *out,
			   struct ur_err *err);

/** *out = a + b; false (and *out untouched) on overflow. */
bool money_add(int64_t a, int64_t b, int64_t *out);

/** *out = a - b; false (and *out untouched) on overflow. */
bool money_sub(int64_t a, int64_t b, int64_t *out);

/** Write v (minor units of cur) as text: MONEY_PLAIN or MONEY_GROUP. An
 *  unknown currency is written as a plain count of minor units. buf is
 *  always NUL-terminated (truncated if size is too small). */
void money_format(int64_t v, const char *cur, unsigned flags, char *buf,
		  size_t size);

/* The units of compact amounts: the first is `step` major units, each next
 * one `step` times the one before — K M B (step 1000) or 万 億 (10000). */
struct money_units {
	unsigned step;
	int n;              /* units in name, 1 to 3 */
	const char *name[3];
};

/** Write v (minor units of cur) for a narrow column of `cells` terminal
 *  cells: like MONEY_GROUP when that fits, else the most precise form in
 *  units that does ("298.7万", "1,291万", "24.4億", "1.2M"; rounded half
 *  away from zero), else the largest unit without decimals. For display
 *  only: exact amounts belong in details, exports and documents. */
void money_format_compact(int64_t v, const char *cur, const struct money_units *u, int cells,
			  char *buf, size_t size);

#endif
