/* fuzz_deposit: the deposit callback shared by the bank-file libFuzzer
 * harnesses (Zengin, bank CSV, camt). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_TESTS_FUZZ_DEPOSIT_H
#define UR_TESTS_FUZZ_DEPOSIT_H

#include <stdbool.h>
#include <stddef.h>

#include "bank.h"

/* What fuzz_deposit is handed as its context. */
struct fuzz_sink {
	size_t total;        /* bytes of every string seen */
	bool need_currency;  /* trap on a deposit without a currency */
};

/** bank_deposit_fn: touch every string of d, so that the sanitizers see a
 *  bad pointer, and trap on an amount <= 0, a record number 0 or (with
 *  need_currency) a missing currency. ctx is a fuzz_sink. */
enum ur_status fuzz_deposit(const struct bank_deposit *d, void *ctx, struct ur_err *err);

#endif
