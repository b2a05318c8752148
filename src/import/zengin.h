/* zengin: the streaming parser for 全銀協 200-byte deposit files —
 * 振込入金通知 (種別コード 01, format A or B) and 入出金取引明細 (種別コード 03,
 * credits only) — turning each kept data record into a struct bank_deposit. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_IMPORT_ZENGIN_H
#define UR_SRC_IMPORT_ZENGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bank.h"
#include "err.h"

/* Record length of both deposit formats, in bytes. */
#define ZENGIN_RECORD_LEN 200

/* 種別コード of a file. */
enum zengin_kind {
	ZENGIN_ANY = 0,       /* (in zengin_opts.expect) accept either kind */
	ZENGIN_TRANSFER = 1,  /* 01 振込入金通知 */
	ZENGIN_STATEMENT = 3, /* 03 入出金取引明細 */
};

struct zengin_opts {
	bool format_b;           /* 01 data records are format B (EDI情報 at 153) */
	enum zengin_kind expect; /* reject a file of the other kind; ZENGIN_ANY: either */
	int32_t today;           /* day number the headers' 作成日 is resolved against */
};

struct zengin_summary {
	enum zengin_kind kind;       /* of the file (ZENGIN_ANY until a header is read) */
	unsigned long groups;        /* header…trailer groups */
	unsigned long records;       /* 200-byte records of every kind */
	unsigned long deposits;      /* deposits handed to the callback */
	unsigned long cancellations; /* of which cancels = true */
	unsigned long skipped;       /* 03 debit records (入払区分 2), not handed over */
};

/** True when head (the first n bytes of a file) starts like a Zengin
 *  deposit file: a header record 1 + 種別コード 01/03 + コード区分, in JIS or
 *  in EBCDIC (so that the parser, not the format guesser, rejects EBCDIC). */
bool zengin_sniff(const char *head, size_t n);

/** Parse a whole Zengin deposit file from fd, reading it in 64 KiB chunks
 *  (memory does not depend on the file's size), and call fn for each kept
 *  data record (strings borrowed for the call only). sum (may be NULL)
 *  receives the counts read so far, also on failure.
 *  Errors: UR_INPUT with "RECORD N (byte B): reason" (N is the 1-based
 *  record, B the 0-based file offset of the offending field or byte, or of
 *  the record for errors of the record as a whole); UR_FAIL on a read
 *  error; fn's status and message when fn fails. Deposits already handed
 *  to fn before an error stay handed: callers import in one transaction. */
enum ur_status zengin_parse_fd(int fd, const struct zengin_opts *o, bank_deposit_fn fn,
			       void *ctx, struct zengin_summary *sum, struct ur_err *err);

/** zengin_parse_fd over the n bytes at buf. */
enum ur_status zengin_parse_mem(const char *buf, size_t n, const struct zengin_opts *o,
				bank_deposit_fn fn, void *ctx, struct zengin_summary *sum,
				struct ur_err *err);

#endif
