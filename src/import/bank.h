/* bank: the normalised deposit record every bank-file parser produces
 * (Zengin, bank CSV profiles, camt.053/054), handed one at a time to a
 * callback so memory stays independent of the file's size. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_IMPORT_BANK_H
#define UR_SRC_IMPORT_BANK_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "payer.h"

/* All strings are UTF-8 (decoded from the file's encoding), borrowed: valid
 * only during the callback. NULL means absent. */
struct bank_deposit {
	const char *account_bank;   /* receiving bank code or BIC */
	const char *account_branch; /* receiving branch code (the number: payer.acct_number) */
	int32_t booking_date;       /* day number (date.h) */
	int32_t value_date;         /* day number; = booking_date if absent */
	int64_t amount;             /* minor units, > 0 */
	const char *currency;       /* ISO 4217 */
	struct deposit_payer payer; /* as sent; payer_key NULL (the import folds it) */
	const char *reference;      /* 照会番号, AcctSvcrRef, CSV serial: as in the file */
	bool cancels;               /* reverses an earlier deposit with the same reference */
	bool correction;            /* 訂正: the earlier deposit may have another reference */
	unsigned long record_no;    /* 1-based record (Zengin) or line (CSV) or entry (camt) */
	uint64_t byte_offset;       /* offset of the record in the file */
};

/** Called once per kept deposit; a non-UR_OK return stops the parse. */
typedef enum ur_status (*bank_deposit_fn)(const struct bank_deposit *d, void *ctx,
					  struct ur_err *err);

#endif
