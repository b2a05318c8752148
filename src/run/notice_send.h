/* notice_send: sending payment notices, as `notice difference|refund` and
 * the queue's difference key both do — the facts of a difference read
 * from the store (the customer, and what is still open on the proposal's
 * invoices), the notice built from its template (the user's own, else the
 * built-in one), and the notice sent logged as a contact with a follow-up
 * date. Prints nothing. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_RUN_NOTICE_SEND_H
#define UR_SRC_RUN_NOTICE_SEND_H

#include <stdint.h>

#include "company.h"
#include "err.h"
#include "notice.h"
#include "store.h"

/* Days until a kept or refunded difference is followed up. */
#define NOTICE_FOLLOW_UP_DAYS 14

struct match_deposit;
struct match_proposal;

/** The facts of a difference notice for deposit d on today, addressed to
 *  the customer of proposal p (NULL: none fits, to the payer): billed is
 *  all that is still open on p's invoices (a proposal may clear only part
 *  of one), less the fees it accepts. *c gets p's customer (c->id 0 when
 *  p is NULL); f's strings stay d's and c's (the store's until its next
 *  customer look-up). */
enum ur_status notice_difference_load(struct store *st, const struct match_deposit *d,
				      const struct match_proposal *p, int32_t today,
				      struct customer *c, struct notice_facts *f,
				      struct ur_err *err);

/** The notice of facts f from its template in templates (NULL: only the
 *  built-in ones) with our details co, into *n (free with notice_free). */
enum ur_status notice_make(const struct notice_facts *f, const char *templates,
			   const struct company *co, struct notice *n, struct ur_err *err);

/** The follow-up date of a difference notice sent on today: the day the
 *  rest is expected, else NOTICE_FOLLOW_UP_DAYS later; 0 for a refund. */
int32_t notice_follow_up(const struct notice_facts *f, int32_t today);

/** Log notice n (of facts f) sent on today as an outgoing letter on
 *  customer_id, with its follow-up date, audited. */
enum ur_status notice_log(struct store *st, const struct notice *n,
			  const struct notice_facts *f, int64_t customer_id, int32_t today,
			  struct ur_err *err);

#endif
