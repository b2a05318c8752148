/* testutil: helpers shared by the unit tests: ISO dates, bank deposits kept
 * past the parser's callback, customers of a matcher's index, NULL-safe
 * string checks and a reproducible pseudo-random sequence. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_TESTS_TESTUTIL_H
#define UR_TESTS_TESTUTIL_H

#include <stdint.h>

#include "bank.h"
#include "match.h"

/** The day number of the date text iso (0 when it is not a date). */
int32_t tu_day(const char *iso);

/** *to = *from with every string duplicated (NULL stays NULL); release
 *  with tu_deposit_free. */
void tu_deposit_copy(struct bank_deposit *to, const struct bank_deposit *from);

/** Free the strings of a deposit filled by tu_deposit_copy. */
void tu_deposit_free(struct bank_deposit *d);

/** Add a yen customer to ix, its key folded from kana as the store keeps
 *  it, with the default fee policy. */
void tu_match_customer(struct match_index *ix, int64_t id, const char *code, const char *name,
		       const char *kana);

/** Add an open yen invoice with its own due date (dates as YYYY-MM-DD; a
 *  NULL due: 30 days after issue). */
void tu_match_slip(struct match_index *ix, int64_t id, const char *num, int64_t cust_id,
		   const char *issue, const char *due, int64_t open);

/** Add an open yen invoice issued on issue, due 30 days later. */
void tu_match_inv(struct match_index *ix, int64_t id, const char *num, int64_t cust_id,
		  const char *issue, int64_t open);

/** A yen deposit from payer, paid 2026-02-12 (reference R1). */
struct match_deposit tu_match_dep(const char *payer, int64_t amount);

/** Finish ix, then match d paid on day iso with the default settings
 *  (cfg is left holding them). */
void tu_match_on(struct match_index *ix, struct match_config *cfg, struct match_deposit *d,
		 const char *iso, struct match_result *r);

/** Match d against ix with the default settings; e is the explanation of
 *  the first proposal ("" when there is none). */
void tu_match_first(struct match_index *ix, const struct match_deposit *d,
		    struct match_result *r, struct strbuf *e);

/* At most this many deposits are kept by tu_collect. */
#define TU_MAXDEP 8

/* The deposits tu_collect copied, kept after the callback. */
struct tu_deposits {
	struct bank_deposit v[TU_MAXDEP];
	int n;
	enum ur_status stop_with; /* tu_collect fails with it when set */
};

/** bank_deposit_fn over a struct tu_deposits: copy d into it; fails with
 *  stop_with ("stopped") when that is set, UR_FAIL past TU_MAXDEP. */
enum ur_status tu_collect(const struct bank_deposit *d, void *ctx, struct ur_err *err);

/** Free the copies in g and empty it. */
void tu_deposits_free(struct tu_deposits *g);

/** Test that got is want, either of them NULL written as "(null)". */
void tu_is_str(const char *got, const char *want, const char *what);

/** The next number of the xorshift32 sequence kept in *state (not 0). */
uint32_t tu_xorshift(uint32_t *state);

#endif
