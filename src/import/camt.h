/* camt: ISO 20022 bank-to-customer statements (camt.053) and debit/credit
 * notifications (camt.054), versions 001.02 and newer, read into
 * bank_deposit records. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_IMPORT_CAMT_H
#define UR_SRC_IMPORT_CAMT_H

#include <stdbool.h>
#include <stddef.h>

#include "bank.h"
#include "err.h"

/** Parse the camt.053/054 document data[0..len) and call fn once per
 *  deposit: each booked (or status-less) credit entry, or each of its
 *  transaction details when an entry holds several. Debits are skipped,
 *  except a reversal (RvslInd true) of a credit, which is reported with
 *  cancels set. No network access and no entity expansion; a document
 *  type declaration is refused. UR_INPUT "LINE N (byte B): reason" on
 *  malformed XML, an unknown root or namespace, or an entry without a
 *  usable amount or date; fn's status when it stops the parse. */
enum ur_status camt_parse(const char *data, size_t len, bank_deposit_fn fn, void *ctx,
			  struct ur_err *err);

/** True when the first n bytes of a file look like camt.053 or camt.054. */
bool camt_sniff(const char *head, size_t n);

#endif
