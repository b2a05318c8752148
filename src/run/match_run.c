/* match_run: the auto-match run over the store (see match_run.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "match_run.h"
#include "store_match.h"
#include "xalloc.h"

/* Deposits per transaction: a commit rewrites every page the batch
 * touched, most of them at random places of the by-amount indexes, so
 * fewer commits write less (measured at full size: 125,000 pages in
 * batches of 5,000, 93,000 of 10,000); a batch of 10,000 holds the write
 * lock about as long (0.5 to 1 s) as one of 5,000 did before the
 * savepoints and two index rewrites per deposit went. */
#define RUN_BATCH 10000

#define EARLIER_WALK 256 /* earlier deposits of a payer looked at, at most */

/* Confirm r's best proposal for d inside the open batch; *done false when
 * another user got there first or it was refused (nothing was written). */
static enum ur_status
run_confirm(struct store_match_batch *b, const struct match_deposit *d,
	    const struct match_result *r, struct match_run_stats *stats, bool *done,
	    struct ur_err *err)
{
	enum ur_status rc = store_match_batch_confirm(b, d, &r->prop[0], ALLOC_AUTO, err);

	*done = rc == UR_OK;
	if (rc == UR_CONFLICT || rc == UR_INPUT) { /* another user first, or refused before writing */
		stats->conflicts += rc == UR_CONFLICT;
		ur_err_clear(err);
		return UR_OK;
	}
	return rc;
}

/* The deposits by payer key, each key's in booking order, so that a
 * deposit finds the earlier ones of its payer still waiting (what match
 * show reads with store_match_earlier). */
struct by_payer {
	const struct match_deposit *base;
	uint32_t *order; /* indexes into base: by key, then booking order */
	uint32_t *place; /* place[i]: where deposit i is in order */
	bool *done;      /* matched in this run */
};

struct keyed {
	const char *key;
	uint32_t i;
};

static int
keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

static void
by_payer_init(struct by_payer *bp, const struct match_deposit *d, size_t n)
{
	struct keyed *k = xmalloc((n + 1) * sizeof *k);

	bp->base = d;
	bp->order = xmalloc((n + 1) * sizeof *bp->order);
	bp->place = xmalloc((n + 1) * sizeof *bp->place);
	bp->done = xcalloc(n + 1, sizeof *bp->done);
	for (size_t i = 0; i < n; i++)
		k[i] = (struct keyed){ d[i].payer.payer_key ? d[i].payer.payer_key : "", (uint32_t)i };
	qsort(k, n, sizeof *k, keyed_cmp);
	for (size_t i = 0; i < n; i++) {
		bp->order[i] = k[i].i;
		bp->place[k[i].i] = (uint32_t)i;
	}
	free(k);
}

static void
by_payer_free(struct by_payer *bp)
{
	free(bp->order);
	free(bp->place);
	free(bp->done);
}

/* d with the amounts of its payer's earlier deposits not matched (the
 * latest first) in buf, looking at no more than EARLIER_WALK of them: a
 * payer with thousands of deposits matched in this run would otherwise
 * make each of its next ones walk past them all. */
static struct match_deposit
with_earlier(const struct by_payer *bp, const struct match_deposit *d, int64_t *buf)
{
	struct match_deposit md = *d;
	const char *key = d->payer.payer_key ? d->payer.payer_key : "";
	uint32_t at = bp->place[d - bp->base];

	md.earlier = buf;
	md.nearlier = 0;
	for (uint32_t k = at, walked = 0; *key && k-- > 0 && md.nearlier < MATCH_EARLIER_MAX &&
					   walked++ < EARLIER_WALK;) {
		const struct match_deposit *e = &bp->base[bp->order[k]];

		if (strcmp(e->payer.payer_key ? e->payer.payer_key : "", key) != 0)
			break;
		if (!bp->done[bp->order[k]] && strcmp(e->currency, d->currency) == 0)
			buf[md.nearlier++] = e->amount;
	}
	return md;
}

/* What the passes of one run share. */
struct pass {
	struct store *st;
	struct match_index *ix;
	const struct match_config *cfg;
	bool dry_run, report;
	match_run_fn fn;
	void *ctx;
	struct match_run_stats *stats;
	long matched; /* in this pass */
	struct by_payer bp;
};

/* End the batch's transaction: its gathered confirmations written, then
 * committed, or on a failure rolled back. */
static enum ur_status
batch_commit(struct pass *ps, struct store_match_batch *b, struct ur_err *err)
{
	enum ur_status rc = store_match_batch_end(b, err);

	if (rc == UR_OK)
		return store_commit(ps->st, err);
	store_rollback(ps->st);
	return rc;
}

/* One pass over the deposits still unmatched (pending, n of them): confirm
 * what is safe, keep the held ones in pending (*n becomes their number).
 * Only the report pass tells fn about held deposits and counts them; one
 * another user took, or that was refused, is told at once and let go. */
static enum ur_status
run_pass(struct pass *ps, const struct match_deposit **pending, size_t *n, struct ur_err *err)
{
	struct store_match_batch *b = ps->dry_run ? NULL : store_match_batch_new(ps->st, err);
	struct match_result r;
	enum ur_status rc = ps->dry_run || b ? UR_OK : err ? err->status : UR_FAIL;
	size_t kept = 0, total = *n;

	ps->matched = 0;
	match_index_unhold(ps->ix);
	for (size_t i = 0; i < total && rc == UR_OK; i++) {
		int64_t earlier[MATCH_EARLIER_MAX];
		struct match_deposit md = with_earlier(&ps->bp, pending[i], earlier);
		const struct match_deposit *d = &md;
		bool done = false;

		if (!ps->dry_run && i % RUN_BATCH == 0 &&
		    (i == 0 || (rc = batch_commit(ps, b, err)) == UR_OK) &&
		    (rc = store_begin(ps->st, err)) == UR_OK)
			rc = store_match_batch_begin(b, err);
		if (rc != UR_OK)
			break;
		match_deposit(ps->ix, ps->cfg, d, &r);
		if (r.hold == MATCH_AUTO && ps->dry_run)
			done = true;
		else if (r.hold == MATCH_AUTO)
			rc = run_confirm(b, d, &r, ps->stats, &done, err);
		if (done) {
			ps->bp.done[pending[i] - ps->bp.base] = true;
			ps->matched++;
			match_index_apply(ps->ix, &r.prop[0]);
		} else if (r.hold != MATCH_AUTO) {
			pending[kept++] = pending[i];
			match_index_hold(ps->ix, &r);
			ps->stats->held[r.hold] += ps->report;
		}
		if (ps->fn && (done || ps->report || r.hold == MATCH_AUTO))
			ps->fn(ps->ctx, d, &r, done, i + 1, total);
	}
	if (!ps->dry_run && total > 0)
		rc = rc == UR_OK ? batch_commit(ps, b, err) : (store_rollback(ps->st), rc);
	store_match_batch_free(b);
	ps->stats->matched += ps->matched;
	*n = kept;
	return rc;
}

/* Passes until one matches nothing: a deposit held because another
 * customer's invoice fitted too is matched once a later deposit has paid
 * that invoice, so one run ends where running it again would (issue 13:
 * a second run used to match hundreds more). The last pass reports. */
#define RUN_PASSES 4

static enum ur_status
run_all(struct pass *ps, const struct store_match_deposits *l, struct ur_err *err)
{
	const struct match_deposit **pending = xmalloc((l->n + 1) * sizeof *pending);
	size_t n = l->n;
	enum ur_status rc = UR_OK;
	bool last = false;

	for (size_t i = 0; i < n; i++)
		pending[i] = &l->d[i];
	by_payer_init(&ps->bp, l->d, n);
	ps->stats->deposits = (long)n;
	for (int k = 1; rc == UR_OK; k++) {
		ps->report = last || k == RUN_PASSES;
		rc = run_pass(ps, pending, &n, err);
		if (ps->report || n == 0)
			break;
		last = ps->matched == 0; /* the next pass decides the same: it reports */
	}
	free(pending);
	by_payer_free(&ps->bp);
	return rc;
}

enum ur_status
match_run_auto(struct store *st, const struct match_config *cfg, bool dry_run,
	       match_run_fn fn, void *ctx, struct match_run_stats *stats, struct ur_err *err)
{
	struct match_index *ix = match_index_new();
	struct store_match_deposits l;
	struct pass ps = { st, ix, cfg, dry_run, false, fn, ctx, stats, 0, { 0 } };
	enum ur_status rc;

	memset(stats, 0, sizeof *stats);
	memset(&l, 0, sizeof l);
	if ((rc = store_match_bulk(st, err)) == UR_OK &&
	    (rc = store_match_load(st, ix, err)) == UR_OK &&
	    (rc = store_match_unmatched(st, &l, err)) == UR_OK)
		rc = run_all(&ps, &l, err);
	store_match_deposits_free(&l);
	match_index_free(ix);
	return rc;
}
