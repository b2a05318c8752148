/* terms: customer payment terms (NET30, 20/+1/10 = 20日締め翌月10日払い, …)
 * — parsing, canonical text, and the due date of an invoice. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_TERMS_H
#define UR_SRC_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "calendar.h"
#include "err.h"

/* close_day / pay_day value meaning the month end (末日); 31 is the same. */
#define TERMS_EOM 31
/* Limits of the numbers in the syntax. */
#define TERMS_NET_MAX 999
#define TERMS_MONTHS_MAX 12
/* Size of a buffer that holds any canonical terms text. */
#define TERMS_TEXT_SIZE 24

enum terms_kind {
	TERMS_NONE,  /* no terms: due on the issue date */
	TERMS_NET,   /* NET<days>: issue date + days */
	TERMS_CLOSE, /* CLOSE/+MONTHS/PAYDAY: 締日 / 回収月 / 回収日 */
};

enum terms_shift {
	TERMS_SHIFT_NONE, /* a due date on a bank holiday stays */
	TERMS_SHIFT_PREV, /* :prev — moves to the previous business day */
	TERMS_SHIFT_NEXT, /* :next — moves to the next business day */
};

struct terms {
	enum terms_kind kind;
	int net_days;  /* TERMS_NET: 0–TERMS_NET_MAX */
	int close_day; /* TERMS_CLOSE: 1–30 or TERMS_EOM */
	int months;    /* TERMS_CLOSE: months after the closing month, 0–12 */
	int pay_day;   /* TERMS_CLOSE: 1–30 or TERMS_EOM */
	enum terms_shift shift;
};

/** Parse terms text (case-insensitive): "" (none), NET<days>, or
 *  CLOSE/+MONTHS/PAYDAY with CLOSE and PAYDAY 1–31 or EOM, each optionally
 *  followed by :prev or :next. UR_INPUT with a message when invalid. */
enum ur_status terms_parse(const char *text, struct terms *out,
			   struct ur_err *err);

/** Write the canonical text of t ("NET30", "EOM/+1/EOM", "20/+1/10:next",
 *  "" for none); terms_parse reads it back to the same struct. */
void terms_format(const struct terms *t, char *buf, size_t n);

/** The due date of an invoice issued on issue under terms t, with the
 *  holiday rule applied using region's bank calendar. */
int32_t terms_due_date(const struct terms *t, int32_t issue,
		       enum cal_region region);

#endif
