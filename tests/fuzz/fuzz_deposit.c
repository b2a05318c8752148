/* fuzz_deposit: the harnesses' deposit callback (see the header). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz_deposit.h"

enum ur_status
fuzz_deposit(const struct bank_deposit *d, void *ctx, struct ur_err *err)
{
	const char *s[] = { d->account_bank, d->account_branch, d->currency, d->reference,
#define PAYER_TEXT(field, label, cap) d->payer.field,
			    DEPOSIT_PAYER_FIELDS(PAYER_TEXT)
#undef PAYER_TEXT
	};
	struct fuzz_sink *sink = ctx;

	(void)err;
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		sink->total += s[i] ? strlen(s[i]) : 0;
	if (d->amount <= 0 || d->record_no == 0)
		__builtin_trap();
	if (sink->need_currency && !d->currency)
		__builtin_trap();
	return UR_OK;
}
