/* payer: who a deposit is from, as the bank said it — one plain struct that
 * the bank-file parsers fill (src/import/bank.h), the store writes and reads
 * (src/store/store_ledger.c), the queue shows (store_ui.h) and the matcher
 * reads to find the customer (src/match/match.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_CORE_PAYER_H
#define UR_SRC_CORE_PAYER_H

#include "fieldcap.h"

/* The payer fields. This one list gives the struct below, the store's column
 * lists and bindings, the import's length and control-character check and
 * the tests' copies, so a new payer field is one more entry here, its column
 * a migration and its value the bank parsers'. X(field, label, cap): the
 * deposit table's column; the name `export deposits` and import errors give
 * it; the longest text an import accepts (fieldcap.h).
 *   payer_name   raw, as the bank sent it (UTF-8; half-width kana stay so)
 *   payer_key    the name folded for matching (NULL or "": the bank import
 *                and the matcher fold payer_name themselves)
 *   payer_code   振込依頼人コード / 依頼人番号
 *   remit_bank, remit_branch   the remitting bank and branch names
 *   edi          EDI / remittance information
 *   acct_number  the receiving (ours, maybe virtual) account */
#define DEPOSIT_PAYER_FIELDS(X) \
	X(payer_name, "payer_name", FIELDCAP_MAX) \
	X(payer_key, "payer_key", FIELDCAP_MAX) \
	X(payer_code, "payer_code", FIELDCAP_MAX) \
	X(remit_bank, "bank", FIELDCAP_MAX) \
	X(remit_branch, "branch", FIELDCAP_MAX) \
	X(edi, "edi", FIELDCAP_TEXT_MAX) \
	X(acct_number, "account", FIELDCAP_MAX)

/* Strings borrowed; NULL = absent (""). */
struct deposit_payer {
#define DEPOSIT_PAYER_MEMBER(f, label, cap) const char *f;
	DEPOSIT_PAYER_FIELDS(DEPOSIT_PAYER_MEMBER)
#undef DEPOSIT_PAYER_MEMBER
};

#endif
