/* testutil: helpers shared by the unit tests (see the header). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
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
	to->account_number = dup_or_null(from->account_number);
	to->currency = dup_or_null(from->currency);
	to->payer_name = dup_or_null(from->payer_name);
	to->payer_code = dup_or_null(from->payer_code);
	to->remit_bank = dup_or_null(from->remit_bank);
	to->remit_branch = dup_or_null(from->remit_branch);
	to->edi = dup_or_null(from->edi);
	to->reference = dup_or_null(from->reference);
}

void
tu_deposit_free(struct bank_deposit *d)
{
	free(unconst(d->account_bank));
	free(unconst(d->account_branch));
	free(unconst(d->account_number));
	free(unconst(d->currency));
	free(unconst(d->payer_name));
	free(unconst(d->payer_code));
	free(unconst(d->remit_bank));
	free(unconst(d->remit_branch));
	free(unconst(d->edi));
	free(unconst(d->reference));
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
