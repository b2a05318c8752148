/* demo_bank: the demo company's bank files — a Zengin 振込入金通知 in CP932
 * paying the Japanese customers' open invoices (bank-style half-width
 * kana payers, fees deducted, combined payments, strangers) and a CCB
 * account-detail CSV in GB18030 for the Chinese ones — and a large
 * Zengin file for the import benchmark. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_DEMO_BANK_H
#define UR_SRC_DEMO_BANK_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct store;

/* File names demo_bank_write creates in its directory. */
#define DEMO_BANK_ZENGIN "demo-furikomi.zengin"
#define DEMO_BANK_CSV "demo-ccb.csv"

struct demo_bank_counts {
	size_t zengin; /* deposits written to the Zengin file */
	size_t csv;    /* rows of money in written to the CSV */
};

/** Write dir/DEMO_BANK_ZENGIN and dir/DEMO_BANK_CSV (dir must exist) with
 *  deposits, dated in the days before today, that pay some of the open
 *  invoices in st, plus strangers' payments nobody can match. */
enum ur_status demo_bank_write(struct store *st, const char *dir, int32_t today,
			       struct demo_bank_counts *out, struct ur_err *err);

/** Write a Zengin 振込入金通知 file of n deposits to path, in header…trailer
 *  groups of at most 100,000, dated today; memory does not grow with n. */
enum ur_status demo_bank_big_file(const char *path, unsigned long n, int32_t today,
				  struct ur_err *err);

#endif
