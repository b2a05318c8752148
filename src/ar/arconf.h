/* arconf: the receivables settings read from the user's config file
 * ($XDG_CONFIG_HOME/urikake/config, "name = value" lines shared with the
 * interface settings) — aging bucket limits, not-yet-due buckets, dunning
 * triggers, the write-off and fee limits and the matcher's settings, read the same
 * way by every command and the full-screen program. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_ARCONF_H
#define UR_SRC_ARCONF_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "match.h"
#include "rating.h"
#include "strbuf.h"

#define ARCONF_MAX_BOUNDS 8  /* overdue bucket limits (= STORE_AGING_MAX_BUCKETS) */
#define ARCONF_MAX_FUTURE 4  /* not-yet-due bucket limits */
#define ARCONF_LEVELS 4      /* dunning levels above 0 */
#define ARCONF_MAX_LIMITS 8  /* currencies with a write-off limit */

struct arconf_limit {
	char currency[8];
	int64_t amount; /* minor units */
};

struct ar_settings {
	int bounds[ARCONF_MAX_BOUNDS]; /* aging-buckets = 30,60,90 */
	int nbounds;
	int future[ARCONF_MAX_FUTURE]; /* aging-due-buckets = 30,60: due within 30, 31–60, later */
	int nfuture;
	int dunning_days[ARCONF_LEVELS]; /* dunning-days = 7,30,60,90 (days overdue) */
	struct arconf_limit limits[ARCONF_MAX_LIMITS]; /* write-off-limit = JPY 1000, CNY 10.00 */
	int nlimits;
	struct arconf_limit fee_limits[ARCONF_MAX_LIMITS]; /* fee-limit = JPY 880, CNY 50.00 */
	int nfee_limits;
	int match_threshold;  /* auto-match-threshold = 85 */
	int match_margin;     /* auto-match-margin = 15 */
	bool oldest_first;    /* allocation-order = due | oldest */
	/* collector-by-level = sales, accounting: who calls a customer at each
	 * dunning level 1–4 (the last given repeats; level 0 takes level 1's),
	 * unless the customer names its own; values of enum contact_owner */
	int8_t collector[ARCONF_LEVELS + 1];
	struct rating_hold hold; /* credit-hold = E, limit */
	/* db = PATH or postgresql://…: the database when neither --db nor
	 * URIKAKE_DB names one ("" when the file does not say) */
	char db[1024];
	/* company = CODE: the client company when neither --company nor
	 * URIKAKE_COMPANY names one ("" when the file does not say) */
	char company[64];
};

/** Defaults: buckets 30,60,90; no not-yet-due split; dunning at 7, 30, 60
 *  and 90 days overdue; write-off limits JPY 1000, CNY 10.00, USD 10.00;
 *  fee limits JPY 880, CNY 50.00, USD 50.00; level 0–1 called by the sales
 *  rep, from level 2 by accounting; credit hold at E or over the limit. */
void arconf_default(struct ar_settings *s);

/** True when name is one of the settings this module reads (so that the
 *  interface's parser, reading the same file, can leave it alone). */
bool arconf_is_key(const char *name);

/** Apply the "name = value" lines of text; names this module does not know
 *  are skipped (they belong to the interface). Each bad value adds
 *  "SOURCE:LINE: why" to errors; returns the number of bad lines. */
int arconf_parse(struct ar_settings *s, const char *text, const char *source,
		 struct strbuf *errors);

/** "30,60,90": 1..max (≤ ARCONF_MAX_BOUNDS) ascending day counts from 1 to
 *  9999 (exactly max when exact) into out, untouched on error; the count or
 *  -1. The one reader of day lists, for the file and for --buckets alike. */
int arconf_days(const char *v, int *out, int max, int exact);

/** The config file path: $XDG_CONFIG_HOME/urikake/config, else
 *  $HOME/.config/urikake/config (malloc'd). */
char *arconf_path(void);

/** Defaults, then the file at path (NULL: arconf_path()) when it exists.
 *  UR_INPUT with "FILE:LINE: why" for bad values (s keeps the good ones). */
enum ur_status arconf_load(struct ar_settings *s, const char *path, struct ur_err *err);

/** The engine's settings: its defaults with the config file's
 *  auto-match-threshold, auto-match-margin and allocation-order. */
void arconf_match(const struct ar_settings *s, struct match_config *cfg);

/** The write-off limit for currency cur (0: none allowed). */
int64_t arconf_write_off_limit(const struct ar_settings *s, const char *cur);

/** The largest shortfall booked as a transfer fee without asking, in
 *  currency cur (0: none), unless the customer's own fee is larger. */
int64_t arconf_fee_limit(const struct ar_settings *s, const char *cur);

#endif
