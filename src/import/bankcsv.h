/* bankcsv: bank account-detail CSV exports (Japanese and Chinese online
 * banking) read through a profile (profile.h) into bank_deposit records. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_IMPORT_BANKCSV_H
#define UR_SRC_IMPORT_BANKCSV_H

#include <stddef.h>

#include "bank.h"
#include "err.h"
#include "profile.h"

/* How many records at the top of a file may come before the header row. */
#define BANKCSV_HEADER_SCAN 50

/** Parse the CSV export data[0..len) laid out as profile p says and call fn
 *  once per credit row. The bytes are decoded from p->encoding ("auto":
 *  detected); title rows above the header row, the profile's skip rows,
 *  repeated header rows and empty rows are ignored, debits are checked and
 *  skipped. UR_INPUT "LINE N (byte B): reason" (the caller adds the file
 *  name) for undecodable bytes, malformed CSV, a row with too few fields,
 *  an unparsable date or amount; UR_INPUT naming the expected keywords
 *  when no header row is found; fn's status when it stops the parse. */
enum ur_status bankcsv_parse(const char *data, size_t len, const struct profile *p,
			     bank_deposit_fn fn, void *ctx, struct ur_err *err);

/** The name of the profile of set whose header keywords all occur in one
 *  of the first rows of head[0..n) (the start of a file), preferring the
 *  profile with the most keywords; NULL when none matches. */
const char *bankcsv_sniff(const char *head, size_t n, const struct profile_set *set);

#endif
