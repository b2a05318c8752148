/* demo_story: what a clerk would already have logged for a demo customer
 * who stopped paying — the dunning steps its days overdue reached, one
 * level at a time, and the calls between them (a promise broken, one
 * still open, a follow-up due today) — so the demo's contact log and
 * worklist look like an office's. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_DEMO_STORY_H
#define UR_SRC_DEMO_STORY_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

struct store;

/** Log the story of customer_id, whose oldest unpaid invoice fell due on
 *  oldest_due and who owes overdue (minor units; CNY when cny) on today,
 *  in the open transaction. */
enum ur_status demo_story_log(struct store *st, int64_t customer_id, bool cny, int32_t oldest_due,
			      int64_t overdue, int32_t today, struct ur_err *err);

#endif
