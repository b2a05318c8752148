/* testutil: helpers shared by the unit tests (see the header). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "kana.h"
#include "tap.h"
#include "testutil.h"
#include "xalloc.h"

int32_t
tu_day(const char *iso)
{
	int32_t d = 0;

	date_parse(iso, &d, NULL);
	return d;
}

static const char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void
tu_deposit_copy(struct bank_deposit *to, const struct bank_deposit *from)
{
	*to = *from;
	to->account_bank = dup_or_null(from->account_bank);
	to->account_branch = dup_or_null(from->account_branch);
	to->currency = dup_or_null(from->currency);
	to->reference = dup_or_null(from->reference);
#define COPY_PAYER(field, label, cap) to->payer.field = dup_or_null(from->payer.field);
	DEPOSIT_PAYER_FIELDS(COPY_PAYER)
#undef COPY_PAYER
}

void
tu_deposit_free(struct bank_deposit *d)
{
	free(unconst(d->account_bank));
	free(unconst(d->account_branch));
	free(unconst(d->currency));
	free(unconst(d->reference));
#define FREE_PAYER(field, label, cap) free(unconst(d->payer.field));
	DEPOSIT_PAYER_FIELDS(FREE_PAYER)
#undef FREE_PAYER
}

void
tu_match_customer(struct match_index *ix, int64_t id, const char *code, const char *name,
		  const char *kana)
{
	struct strbuf key;

	sb_init(&key);
	kana_fold(kana, &key, NULL);
	match_index_add_customer(ix, id, code, name, kana, key.buf, "JPY", NULL);
	sb_free(&key);
}

void
tu_match_slip(struct match_index *ix, int64_t id, const char *num, int64_t cust_id,
	      const char *issue, const char *due, int64_t open)
{
	int32_t day = tu_day(issue);

	match_index_add_invoice(ix, id, num, cust_id, day, due ? tu_day(due) : day + 30, open,
				"JPY");
}

void
tu_match_inv(struct match_index *ix, int64_t id, const char *num, int64_t cust_id,
	     const char *issue, int64_t open)
{
	tu_match_slip(ix, id, num, cust_id, issue, NULL, open);
}

struct match_deposit
tu_match_dep(const char *payer, int64_t amount)
{
	struct match_deposit d = { .id = 1, .reference = "R1", .date = tu_day("2026-02-12"),
				   .amount = amount, .currency = "JPY", .payer.payer_name = payer,
				   .payer.acct_number = "1234567" };

	return d;
}

void
tu_match_on(struct match_index *ix, struct match_config *cfg, struct match_deposit *d,
	    const char *iso, struct match_result *r)
{
	match_index_finish(ix);
	match_config_default(cfg);
	d->date = tu_day(iso);
	match_deposit(ix, cfg, d, r);
}

void
tu_match_first(struct match_index *ix, const struct match_deposit *d, struct match_result *r,
	       struct strbuf *e)
{
	struct match_config cfg;

	match_config_default(&cfg);
	match_deposit(ix, &cfg, d, r);
	sb_reset(e);
	if (r->nprop)
		match_explain(&r->prop[0], d, e);
}

enum ur_status
tu_collect(const struct bank_deposit *d, void *ctx, struct ur_err *err)
{
	struct tu_deposits *g = ctx;

	if (g->stop_with)
		return ur_fail(err, g->stop_with, "stopped");
	if (g->n == TU_MAXDEP)
		return ur_fail(err, UR_FAIL, "too many deposits");
	tu_deposit_copy(&g->v[g->n++], d);
	return UR_OK;
}

void
tu_deposits_free(struct tu_deposits *g)
{
	for (int i = 0; i < g->n; i++)
		tu_deposit_free(&g->v[i]);
	memset(g, 0, sizeof *g);
}

void
tu_is_str(const char *got, const char *want, const char *what)
{
	tap_is_str(got ? got : "(null)", want ? want : "(null)", "%s", what);
}

uint32_t
tu_xorshift(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}
