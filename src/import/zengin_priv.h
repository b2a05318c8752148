/* zengin_priv: the parser state shared by the framing (zengin.c) and the
 * record layouts and grammar (zengin_rec.c). Private to the Zengin parser. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_IMPORT_ZENGIN_PRIV_H
#define UR_SRC_IMPORT_ZENGIN_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "zengin.h"

#define REC ZENGIN_RECORD_LEN
/* Room for a decoded C field of n bytes (half-width kana: 3 UTF-8 bytes). */
#define UTF8_ROOM(n) (3 * (n) + 1)

/* Where the grammar is: before the first header, inside a group, between
 * a trailer and the next header (or the end record), after the end. */
enum zg_state { ZG_START, ZG_GROUP, ZG_BETWEEN, ZG_END };

/* What a group's data records add up to, for its trailer. [0] is
 * transfers (01) or credits (03), [1] cancellations (01) or debits (03). */
struct zg_totals {
	int64_t count[2];
	int64_t sum[2];
	int64_t records;
};

/* The strings of the deposit being built (decoded, NUL-terminated). */
struct zg_text {
	char ref[UTF8_ROOM(8)];
	char code[UTF8_ROOM(10)];
	char name[UTF8_ROOM(48)];
	char rbank[UTF8_ROOM(15)];
	char rbranch[UTF8_ROOM(15)];
	char edi[UTF8_ROOM(20)];
};

/* The state of one parse. */
struct zengin_parser {
	const struct zengin_opts *o;
	bank_deposit_fn fn;
	void *ctx;
	struct ur_err *err;
	struct zengin_summary sum;
	enum zg_state state;
	unsigned long recno;   /* number of the record being read, 1-based */
	uint64_t rec_off;      /* its offset in the file */
	uint64_t pos;          /* offset of the next byte fed */
	uint64_t line_start;   /* offset just after the last line break */
	size_t have;           /* bytes of a record split across chunks, in rec */
	unsigned char rec[REC];
	int32_t reiwa, heisei; /* first days of 令和 and of 平成 */
	int32_t anchor;        /* the group's 作成日 (or today) */
	struct zg_totals tot;
	char bank[5], branch[4], account[11];
	struct zg_text t;
};

/** Fail with UR_INPUT and "RECORD recno (byte off): " + the formatted reason. */
enum ur_status zengin_fail(struct zengin_parser *p, unsigned long recno, uint64_t off,
			   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/** Read one complete 200-byte record r (p->recno, p->rec_off set): check
 *  it, follow the grammar, hand a deposit to p->fn; advances p->recno. */
enum ur_status zengin_record(struct zengin_parser *p, const unsigned char *r);

#endif
