/* match_run: the auto-match run over the store (see match_run.h). */
#include "config.h"

#include <string.h>

#include "match_run.h"
#include "store_match.h"

/* Deposits per transaction: a commit rewrites every page the batch
 * touched, most of them at random places of the by-amount indexes, so
 * fewer commits write less (measured at full size: 125,000 pages in
 * batches of 5,000, 93,000 of 10,000); a batch of 10,000 holds the write
 * lock about as long (0.5 to 1 s) as one of 5,000 did before the
 * savepoints and two index rewrites per deposit went. */
#define RUN_BATCH 10000

/* Confirm r's best proposal for d inside the open batch; false when
 * another user got there first (nothing was written). */
static enum ur_status
run_confirm(struct store_match_batch *b, const struct match_deposit *d,
	    const struct match_result *r, struct match_run_stats *stats, bool *done,
	    struct ur_err *err)
{
	enum ur_status rc = store_match_batch_confirm(b, d, &r->prop[0], "auto", err);

	*done = rc == UR_OK;
	if (rc == UR_CONFLICT || rc == UR_INPUT) { /* another user first, or refused before writing */
		stats->conflicts += rc == UR_CONFLICT;
		ur_err_clear(err);
		return UR_OK;
	}
	return rc;
}

static enum ur_status
run_all(struct store *st, struct match_index *ix, const struct match_config *cfg,
	const struct store_match_deposits *l, bool dry_run, match_run_fn fn, void *ctx,
	struct match_run_stats *stats, struct ur_err *err)
{
	struct store_match_batch *b = dry_run ? NULL : store_match_batch_new(st, err);
	struct match_result r;
	enum ur_status rc = dry_run || b ? UR_OK : err ? err->status : UR_FAIL;

	for (size_t i = 0; i < l->n && rc == UR_OK; i++) {
		bool done = false;

		if (!dry_run && i % RUN_BATCH == 0 &&
		    (i == 0 || (rc = store_commit(st, err)) == UR_OK))
			rc = store_begin(st, err);
		if (rc != UR_OK)
			break;
		match_deposit(ix, cfg, &l->d[i], &r);
		stats->deposits++;
		if (r.hold == MATCH_AUTO && dry_run)
			done = true;
		else if (r.hold == MATCH_AUTO)
			rc = run_confirm(b, &l->d[i], &r, stats, &done, err);
		if (done) {
			stats->matched++;
			match_index_apply(ix, &r.prop[0]);
		} else if (r.hold != MATCH_AUTO) {
			stats->held[r.hold]++;
			match_index_hold(ix, &r);
		}
		if (fn)
			fn(ctx, &l->d[i], &r, done, i + 1, l->n);
	}
	store_match_batch_free(b);
	if (dry_run || l->n == 0)
		return rc;
	if (rc == UR_OK)
		return store_commit(st, err);
	store_rollback(st);
	return rc;
}

enum ur_status
match_run_auto(struct store *st, const struct match_config *cfg, bool dry_run,
	       match_run_fn fn, void *ctx, struct match_run_stats *stats, struct ur_err *err)
{
	struct match_index *ix = match_index_new();
	struct store_match_deposits l;
	enum ur_status rc;

	memset(stats, 0, sizeof *stats);
	memset(&l, 0, sizeof l);
	if ((rc = store_match_bulk(st, err)) == UR_OK &&
	    (rc = store_match_load(st, ix, err)) == UR_OK &&
	    (rc = store_match_unmatched(st, &l, err)) == UR_OK)
		rc = run_all(st, ix, cfg, &l, dry_run, fn, ctx, stats, err);
	store_match_deposits_free(&l);
	match_index_free(ix);
	return rc;
}
