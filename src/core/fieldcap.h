/* fieldcap: the longest text one field of an imported file may hold, in
 * bytes of UTF-8. Every later step — folding, matching, the queue — can
 * then rely on names being short. A Zengin record has 48 bytes for the
 * payer's name; the caps are far above what banks and customer masters
 * send, and far below what would make a look-up slow. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_FIELDCAP_H
#define UR_SRC_FIELDCAP_H

/* A name, code, reference, account, currency, date or amount. */
#define FIELDCAP_MAX 1024
/* Free text: an address, an invoice memo, a deposit's EDI / remittance text. */
#define FIELDCAP_TEXT_MAX 4096

#endif
