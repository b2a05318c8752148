/* money: parsing, arithmetic and formatting of int64_t minor-unit amounts. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "money.h"
#include "text.h"
#include "textnorm.h"

struct currency {
	const char code[4];
	int exponent;
};

static const struct currency currencies[] = {
	{ "JPY", 0 }, { "CNY", 2 }, { "USD", 2 }, { "EUR", 2 },
	{ "KRW", 0 }, { "HKD", 2 }, { "TWD", 2 }, { "GBP", 2 },
};

/* Longest amount text accepted, in characters after normalization. */
#define NORM_MAX 64

int
money_exponent(const char *cur)
{
	size_t i;

	if (!cur)
		return -1;
	for (i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
		if (strcmp(cur, currencies[i].code) == 0)
			return currencies[i].exponent;
	return -1;
}

bool
money_currency_known(const char *cur)
{
	return money_exponent(cur) >= 0;
}

bool
money_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r))
		return false;
	*out = r;
	return true;
}

bool
money_sub(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_sub_overflow(a, b, &r))
		return false;
	*out = r;
	return true;
}

/* The class of one character of an amount (textnorm_fold): a digit, ',',
 * '.', '-' or '+' (signs, incl. △ ▲), '$' (any currency sign), 'u' (円 元
 * suffix) or '?' for anything else. */
static char
amount_char_class(unsigned long cp)
{
	if ((cp >= '0' && cp <= '9') || cp == ',' || cp == '.' || cp == '-' ||
	    cp == '+' || cp == '$')
		return (char)cp;
	switch (cp) {
	case 0x2212: /* − minus sign */
	case 0x25b2: /* ▲ */
	case 0x25b3: /* △ */
		return '-';
	case 0xa5:   /* ¥ */
	case 0xffe5: /* ￥ */
		return '$';
	case 0x5186: /* 円 */
	case 0x5143: /* 元 */
		return 'u';
	default:
		return '?';
	}
}

/* Parser state over a normalized amount; acc is the magnitude so far. */
struct amount_scan {
	const char *p;
	int64_t acc;
	int exponent;
	const char *text;
	const char *cur;
	struct ur_err *err;
};

static enum ur_status
scan_not_amount(struct amount_scan *sc)
{
	return ur_fail(sc->err, UR_INPUT, _("\"%s\" is not an amount"),
		       sc->text);
}

static enum ur_status
scan_too_large(struct amount_scan *sc)
{
	char max[MONEY_BUFSZ];

	money_format(MONEY_MAX, sc->cur, MONEY_GROUP, max, sizeof max);
	return ur_fail(sc->err, UR_INPUT, _("amount \"%s\" is too large (at most %s)"),
		       sc->text, max);
}

/* Append a digit to the magnitude; false once it passes MONEY_MAX (acc
 * stays far from the int64_t limit: at most 10 * MONEY_MAX + 9). */
static bool
acc_push(struct amount_scan *sc, int digit)
{
	sc->acc = sc->acc * 10 + digit;
	return sc->acc <= MONEY_MAX;
}

/* The integer part: digits, optionally grouped by threes with commas. */
static enum ur_status
scan_integer(struct amount_scan *sc)
{
	int group = 0, groups = 0;

	if (*sc->p < '0' || *sc->p > '9')
		return scan_not_amount(sc);
	for (;; sc->p++) {
		if (*sc->p >= '0' && *sc->p <= '9') {
			if (!acc_push(sc, *sc->p - '0'))
				return scan_too_large(sc);
			group++;
		} else if (*sc->p == ',') {
			if (group == 0 || (groups == 0 && group > 3) ||
			    (groups > 0 && group != 3))
				break;
			groups++;
			group = 0;
		} else {
			break;
		}
	}
	if (*sc->p == ',' || (groups > 0 && group != 3))
		return ur_fail(sc->err, UR_INPUT,
			       _("\"%s\": thousands separators must group three digits"),
			       sc->text);
	return UR_OK;
}

/* The fractional part after '.': digits beyond the currency's exponent
 * must be zeros; missing ones are filled in. */
static enum ur_status
scan_fraction(struct amount_scan *sc, const char *cur)
{
	int k = 0;

	if (*sc->p == '.') {
		sc->p++;
		if (*sc->p < '0' || *sc->p > '9')
			return scan_not_amount(sc);
		for (; *sc->p >= '0' && *sc->p <= '9'; sc->p++, k++) {
			if (k < sc->exponent) {
				if (!acc_push(sc, *sc->p - '0'))
					return scan_too_large(sc);
			} else if (*sc->p != '0') {
				return ur_fail(sc->err, UR_INPUT,
					       _("\"%s\" has more decimal places than %s allows (%d)"),
					       sc->text, cur, sc->exponent);
			}
		}
	}
	for (; k < sc->exponent; k++)
		if (!acc_push(sc, 0))
			return scan_too_large(sc);
	return UR_OK;
}

/* Leading signs and currency signs, in either order, at most one of each. */
static enum ur_status
scan_prefix(struct amount_scan *sc, bool *negative)
{
	bool sign = false, symbol = false;

	for (;; sc->p++) {
		if (*sc->p == '-' || *sc->p == '+') {
			if (sign)
				return ur_fail(sc->err, UR_INPUT,
					       _("\"%s\" has more than one sign"),
					       sc->text);
			sign = true;
			*negative = *sc->p == '-';
		} else if (*sc->p == '$' && !symbol) {
			symbol = true;
		} else if (*sc->p != ' ') {
			return UR_OK;
		}
	}
}

enum ur_status
money_parse(const char *text, const char *cur, int64_t *out,
	    struct ur_err *err)
{
	char norm[NORM_MAX + 1];
	struct amount_scan sc = { .text = text, .cur = cur, .err = err };
	bool negative = false;
	enum ur_status st;
	int len;

	sc.exponent = money_exponent(cur);
	if (sc.exponent < 0)
		return ur_fail(err, UR_INPUT, _("unknown currency \"%s\""),
			       cur ? cur : "");
	len = textnorm_fold(text, norm, NORM_MAX, amount_char_class);
	if (len == 0)
		return ur_fail(err, UR_INPUT, _("empty amount"));
	if (len < 0)
		return scan_too_large(&sc);
	sc.p = norm;
	if ((st = scan_prefix(&sc, &negative)) != UR_OK ||
	    (st = scan_integer(&sc)) != UR_OK ||
	    (st = scan_fraction(&sc, cur)) != UR_OK)
		return st;
	if (*sc.p == 'u')
		sc.p++;
	if (*sc.p != '\0')
		return scan_not_amount(&sc);
	*out = negative ? -sc.acc : sc.acc;
	return UR_OK;
}

/* Write the decimal digits of v backwards ending at end; return the start.
 * With group, a comma goes between every three digits. */
static char *
put_digits(uint64_t v, bool group, char *end)
{
	int n = 0;

	do {
		if (group && n > 0 && n % 3 == 0)
			*--end = ',';
		*--end = (char)('0' + v % 10);
		v /= 10;
		n++;
	} while (v);
	return end;
}

void
money_format(int64_t v, const char *cur, unsigned flags, char *buf,
	     size_t size)
{
	char tmp[MONEY_BUFSZ];
	char *end = tmp + sizeof tmp - 1, *p;
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t scale = 1;
	int exponent = money_exponent(cur), i;
	size_t len;

	if (size == 0)
		return;
	for (i = 0; i < exponent; i++)
		scale *= 10;
	*end = '\0';
	p = end;
	if (exponent > 0) {
		uint64_t frac = mag % scale;

		for (i = 0; i < exponent; i++, frac /= 10)
			*--p = (char)('0' + frac % 10);
		*--p = '.';
	}
	p = put_digits(mag / scale, flags & MONEY_GROUP, p);
	if (v < 0)
		*--p = '-';
	len = (size_t)(end - p);
	if (len >= size)
		len = size - 1;
	memcpy(buf, p, len);
	buf[len] = '\0';
}

/* mag / div rounded half away from zero, in tenths when tenths is set,
 * grouped, with sign and unit. */
static void
put_scaled(uint64_t mag, uint64_t div, bool tenths, bool neg, const char *unit, char *buf,
	   size_t size)
{
	char tmp[MONEY_BUFSZ], *end = tmp + sizeof tmp - 1, *p = end;
	uint64_t step = tenths ? div / 10 : div, q = mag / step + (mag % step >= (step + 1) / 2);

	*end = '\0';
	if (tenths) {
		*--p = (char)('0' + q % 10);
		*--p = '.';
		q /= 10;
	}
	p = put_digits(q, true, p);
	snprintf(buf, size, "%s%s%s", neg ? "-" : "", p, unit);
}

void
money_format_compact(int64_t v, const char *cur, const struct money_units *u, int cells,
		     char *buf, size_t size)
{
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, div = 1;
	int exponent = money_exponent(cur);

	money_format(v, cur, MONEY_GROUP, buf, size);
	if (size == 0 || text_width(buf) <= cells)
		return;
	for (int i = 0; i < exponent; i++)
		div *= 10;
	for (int k = 0; k < u->n; k++) {
		div *= u->step;
		for (int tenths = 1; tenths >= 0; tenths--) {
			put_scaled(mag, div, tenths, v < 0, u->name[k], buf, size);
			if (text_width(buf) <= cells)
				return;
		}
	}
}
