/* match_run: `urikake match --auto` as a library call — load the index and
 * the unmatched deposits from the store, propose for each in date order,
 * confirm the safe ones (in batches of short transactions, each deposit
 * checked before it is written) and keep the index in step. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_MATCH_MATCH_RUN_H
#define UR_SRC_MATCH_MATCH_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "match.h"
#include "store.h"

struct match_run_stats {
	long deposits;                      /* unmatched deposits looked at */
	long matched;                       /* confirmed automatically (or would be) */
	long conflicts;                     /* another user matched them first */
	long held[MATCH_HOLD_LAST + 1];   /* left for a clerk, by reason */
};

/* Called after each deposit (done of total): its result, and whether it
 * was confirmed. */
typedef void (*match_run_fn)(void *ctx, const struct match_deposit *d,
			     const struct match_result *r, bool confirmed, size_t done,
			     size_t total);

/** Auto-match every unmatched deposit; with dry_run nothing is written
 *  (later deposits still see earlier ones as matched). fn may be NULL. */
enum ur_status match_run_auto(struct store *st, const struct match_config *cfg, bool dry_run,
			      match_run_fn fn, void *ctx, struct match_run_stats *stats,
			      struct ur_err *err);

#endif
