/* test_store_ui: the queue pane's store — proposals from the per-deposit
 * index equal the engine's over the whole database, keyset pages walk
 * every filter and sort in order (forward, backward, positions), and
 * confirming, assigning, parking and undoing go through the engine's
 * store calls, a lost race writing nothing. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "demo.h"
#include "store.h"
#include "store_match.h"
#include "store_ui.h"
#include "tap.h"
#include "testutil.h"
#include "test_store.h"

#define TODAY "2026-03-31"
#define NCUST 80

static void
deposit(struct store *st, int n, const char *payer, int64_t amount, const char *edi)
{
	char ref[16];
	struct deposit d = { .acct_bank = "0001", .acct_branch = "100",
			     .booking_date = tu_day("2026-03-01") + n % 30,
			     .value_date = tu_day("2026-03-01") + n % 30, .amount = amount,
			     .currency = "JPY", .reference = ref,
			     .payer = { .payer_name = payer, .edi = edi,
					.acct_number = "1234567" } };

	snprintf(ref, sizeof ref, "R%05d", n);
	ts_deposit(st, &d);
}

/* Deposits of every kind the engine tells apart, from customer c's open
 * items: exact, less a fee, two invoices, name cut short, EDI number,
 * amount only, over-payment, nobody. */
static void
deposits_for(struct store *st, int64_t c, int *n)
{
	struct sui_customer cu;
	struct sui_item *it;
	struct ur_err err;
	char cut[64];
	size_t k;

	if (store_ui_customer_get(st, c, &cu, &err) != UR_OK)
		return;
	if (store_ui_open_items(st, c, "JPY", 8, &it, &k, &err) == UR_OK && k >= 2) {
		snprintf(cut, sizeof cut, "%.24s", cu.kana);
		switch (c % 8) {
		case 0: deposit(st, (*n)++, cu.kana, it[0].open, ""); break;
		case 1: deposit(st, (*n)++, cu.kana, it[0].open - 660, ""); break;
		case 2: deposit(st, (*n)++, cu.kana, it[0].open + it[1].open, ""); break;
		case 3: deposit(st, (*n)++, cut, it[1].open, ""); break;
		case 4: deposit(st, (*n)++, "ﾌﾘｺﾐ", it[1].open, it[1].number); break;
		case 5: deposit(st, (*n)++, "ｼﾞﾖｳﾎｳﾌﾒｲ", it[0].open, ""); break;
		case 6: deposit(st, (*n)++, cu.kana, it[0].open + 12345, ""); break;
		default: deposit(st, (*n)++, "ﾀﾞﾚﾃﾞﾓﾅｲ", 777, ""); break;
		}
	}
	free(it);
	sui_customers_free(&cu, 1);
}

static struct store *
setup(const char *name, char *path, size_t size)
{
	struct demo_counts dc;
	struct store *st;
	struct ur_err err;
	int n = 0;

	ts_db(path, size, name);
	remove(path);
	if (store_open(&st, path, "tester", &err) != UR_OK) {
		tap_diag("open: %s", err.msg);
		return NULL;
	}
	if (demo_fill(st, DEMO_SMALL, tu_day(TODAY), &dc, &err) != UR_OK)
		tap_diag("demo: %s", err.msg);
	store_begin(st, &err);
	for (int64_t c = 1; c <= NCUST; c++)
		deposits_for(st, c, &n);
	store_commit(st, &err);
	return st;
}

static int
same_proposal(const struct match_proposal *a, const struct match_proposal *b)
{
	if (a->customer_id != b->customer_id || a->score != b->score || a->fit != b->fit ||
	    a->features != b->features || a->nlines != b->nlines ||
	    a->on_account != b->on_account)
		return 0;
	for (int i = 0; i < a->nlines; i++)
		if (a->line[i].invoice_id != b->line[i].invoice_id ||
		    a->line[i].cleared != b->line[i].cleared || a->line[i].fee != b->line[i].fee)
			return 0;
	return 1;
}

/* Every unmatched deposit: the pane's proposals are the engine's. */
static void
check_proposals(struct store *st)
{
	struct match_index *ix = match_index_new();
	struct store_match_deposits l;
	struct match_config cfg;
	struct match_result full;
	struct sui_names names = { 0 };
	struct sui_match m;
	struct ur_err err;
	int differ = 0, held = 0, proposed = 0;

	match_config_default(&cfg);
	tap_is_int(store_match_load(st, ix, &err), UR_OK, "the whole index loads");
	tap_is_int(store_match_unmatched(st, &l, &err), UR_OK, "the unmatched deposits load");
	for (size_t i = 0; i < l.n; i++) {
		int same;

		match_deposit(ix, &cfg, &l.d[i], &full);
		if (store_ui_match(st, l.d[i].id, &cfg, &names, &m, &err) != UR_OK) {
			differ++;
			continue;
		}
		same = m.r.nprop == full.nprop && m.r.hold == full.hold;
		for (int k = 0; same && k < full.nprop; k++)
			same = same_proposal(&m.r.prop[k], &full.prop[k]);
		if (!same && differ++ < 5)
			tap_diag("deposit %s: %d proposals (hold %d), engine %d (hold %d)",
				 l.d[i].reference, m.r.nprop, m.r.hold, full.nprop, full.hold);
		held += full.hold != MATCH_AUTO;
		proposed += full.nprop > 0;
		sui_match_free(&m);
	}
	tap_ok(l.n >= 60, "%zu deposits to compare", l.n);
	tap_ok(held > 10 && proposed > 30, "of every kind: %d held, %d with a proposal", held,
	       proposed);
	tap_is_int(differ, 0, "the per-deposit index proposes what the whole index does");
	store_match_deposits_free(&l);
	match_index_free(ix);
	sui_names_free(&names);
}

/* Whether store_ui_match proposes invoice inv of customer c for the
 * deposit with reference ref. */
static int
proposes(struct store *st, const char *path, const char *ref, int64_t c, int64_t inv)
{
	struct sui_names names = { 0 };
	struct match_config cfg;
	struct sui_match m;
	struct ur_err err;
	char sql[96];
	int found = 0;

	match_config_default(&cfg);
	snprintf(sql, sizeof sql, "SELECT id FROM deposit WHERE reference = '%s'", ref);
	if (store_ui_match(st, ts_q1(path, sql), &cfg, &names, &m, &err) != UR_OK)
		return 0;
	for (int k = 0; k < m.r.nprop; k++)
		found |= m.r.prop[k].customer_id == c && m.r.prop[k].nlines &&
			 m.r.prop[k].line[0].invoice_id == inv;
	sui_match_free(&m);
	sui_names_free(&names);
	return found;
}

/* A payer nobody knows: the customer is found by an open amount, of an
 * unpaid invoice (less a fee) or of what a part payment left open. */
static void
check_amount_only(struct store *st, const char *path)
{
	struct match_line line = { 0 };
	struct match_proposal p = { .nlines = 1, .line = &line };
	struct sui_names names = { 0 };
	struct match_config cfg;
	struct sui_customer cu;
	struct sui_match m;
	struct sui_item *it = NULL;
	struct ur_err err;
	size_t k = 0;
	int64_t c;

	match_config_default(&cfg);
	for (c = 1; c <= NCUST && k < 2; c++) {
		free(it);
		store_ui_open_items(st, c, "JPY", 8, &it, &k, &err);
	}
	c--;
	if (!tap_ok(k >= 2 && store_ui_customer_get(st, c, &cu, &err) == UR_OK,
		    "a customer with two open invoices")) {
		free(it);
		return;
	}
	free(it);
	store_ui_open_items(st, c, "JPY", 0, &it, &k, &err); /* all of them, none chosen yet */
	tap_ok(k >= 2 && it[0].amount == 0 && it[k - 1].amount == 0,
	       "the pick list starts with nothing chosen");
	deposit(st, 9000, cu.kana, it[0].open / 2, "");
	sui_customers_free(&cu, 1);
	store_ui_match(st, ts_q1(path, "SELECT id FROM deposit WHERE reference = 'R09000'"),
		       &cfg, &names, &m, &err);
	p.customer_id = c;
	p.line[0] = (struct match_line){ .invoice_id = it[0].invoice_id, .number = it[0].number,
					 .cleared = it[0].open / 2 };
	tap_is_int(store_match_confirm(st, &m.md, &p, ALLOC_MANUAL, &err), UR_OK,
		   "half of the oldest invoice paid");
	sui_match_free(&m);
	sui_names_free(&names);
	deposit(st, 9001, "ﾒｲｷﾞﾌﾒｲ", it[0].open - it[0].open / 2, "");
	deposit(st, 9002, "ﾒｲｷﾞﾌﾒｲ", it[1].open - 440, "");
	tap_ok(proposes(st, path, "R09001", c, it[0].invoice_id),
	       "the rest of a part-paid invoice finds its customer");
	tap_ok(proposes(st, path, "R09002", c, it[1].invoice_id),
	       "an unpaid invoice less a fee finds its customer");
	/* a monthly fee billed for years: 1,500 paid invoices of one amount
	 * before the one still open, which is found without reading them all */
	ts_exec(path, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
		      " WHERE i < 1500) INSERT INTO invoice (number, customer_id, issue_date,"
		      " due_date, amount, currency, paid) SELECT 'SUB-' || i, 1 + i % 7,"
		      " '2020-01-01', '2020-02-01', 13579, 'JPY', 13579 FROM n;"
		      " INSERT INTO invoice (number, customer_id, issue_date, due_date, amount,"
		      " currency) VALUES ('SUB-OPEN', 9, '2026-03-01', '2026-03-31', 13579, 'JPY')");
	deposit(st, 9003, "ﾒｲｷﾞﾌﾒｲ", 13579, "");
	tap_ok(proposes(st, path, "R09003", 9,
			ts_q1(path, "SELECT id FROM invoice WHERE number = 'SUB-OPEN'")),
	       "an open invoice behind 1,500 paid ones of its amount finds its customer");
	free(it);
}

/* Read filter f in sort s page by page forward and backward; the pages
 * must agree with each other, with the count and with the positions. */
static void
check_pages(struct store *st, enum sui_filter f, enum sui_sort s)
{
	struct sui_deposit *fw, *bw, pg[7];
	int nf = 0, nb = 0, n, bad = 0;
	long count = -1, pos;
	struct ur_err err;

	store_ui_queue_count(st, f, s, tu_day(TODAY), NULL, &count, &err);
	fw = calloc((size_t)count + 7, sizeof *fw);
	bw = calloc((size_t)count + 7, sizeof *bw);
	do {
		store_ui_queue_page(st, f, s, tu_day(TODAY), nf ? &fw[nf - 1] : NULL, 1, false, 0, 7,
				    pg, &n, &err);
		for (int i = 0; i < n; i++)
			fw[nf++] = pg[i];
	} while (n == 7 && nf <= count);
	do {
		store_ui_queue_page(st, f, s, tu_day(TODAY), nb ? &bw[nb - 1] : NULL, -1, false, 0, 7,
				    pg, &n, &err);
		for (int i = 0; i < n; i++)
			bw[nb++] = pg[i];
	} while (n == 7 && nb <= count);
	tap_is_int(nf, count, "filter %d sort %d: forward pages hold the count", f, s);
	tap_is_int(nb, count, "filter %d sort %d: backward pages too", f, s);
	for (int i = 0; i < nf && i < nb; i++) {
		bad += fw[i].id != bw[nb - 1 - i].id;
		if (i && s == SUI_BY_AMOUNT) /* each currency together, largest first */
			bad += strcmp(fw[i].currency, fw[i - 1].currency) > 0 ||
			       (!strcmp(fw[i].currency, fw[i - 1].currency) &&
				fw[i].amount > fw[i - 1].amount);
		if (i && s == SUI_BY_DATE)
			bad += fw[i].date < fw[i - 1].date;
		if (i && s == SUI_BY_PAYER)
			bad += strcmp(fw[i].payer.payer_key, fw[i - 1].payer.payer_key) < 0;
		if (i % 5 == 0) {
			store_ui_queue_count(st, f, s, tu_day(TODAY), &fw[i], &pos, &err);
			bad += pos != i;
		}
	}
	if (nf > 20) {
		store_ui_queue_page(st, f, s, tu_day(TODAY), &fw[3], 1, false, 9, 2, pg, &n, &err);
		bad += n != 2 || pg[0].id != fw[13].id || pg[1].id != fw[14].id;
		for (int i = 0; i < n; i++)
			sui_deposit_free(&pg[i]);
	}
	tap_is_int(bad, 0, "filter %d sort %d: in order, positions and skips agree", f, s);
	for (int i = 0; i < nf; i++)
		sui_deposit_free(&fw[i]);
	for (int i = 0; i < nb; i++)
		sui_deposit_free(&bw[i]);
	free(fw);
	free(bw);
}

static long long
live_allocations(const char *path, int64_t deposit)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM allocation WHERE deposit_id = %lld"
				  " AND voided_at IS NULL", (long long)deposit);
	return ts_q1(path, sql);
}

/* Two clerks confirm the same deposit: the second loses, writing nothing;
 * undo goes back through store_match_undo. */
static void
check_race(struct store *st, const char *path)
{
	struct sui_names names = { 0 };
	struct sui_match a, b;
	struct match_config cfg;
	struct store *other;
	struct ur_err err;
	int64_t dep = 0, undone = 0;

	match_config_default(&cfg);
	for (int64_t id = 1; !dep && id < 2000; id++)
		if (store_ui_match(st, id, &cfg, &names, &a, &err) == UR_OK) {
			if (a.d.state == DEPOSIT_UNMATCHED && a.r.nprop && a.r.prop[0].nlines)
				dep = id;
			else
				sui_match_free(&a);
		}
	tap_ok(dep > 0, "a deposit with a proposal");
	if (!dep || store_open(&other, path, "suzuki", &err) != UR_OK)
		return;
	store_ui_match(other, dep, &cfg, &names, &b, &err);
	tap_is_int(store_ui_confirm(other, &b.d, &b.r.prop[0], &err), UR_OK, "suzuki confirms");
	tap_is_int(store_ui_confirm(st, &a.d, &a.r.prop[0], &err), UR_CONFLICT,
		   "tester's confirmation of the same deposit loses the race");
	tap_is_int(live_allocations(path, dep), a.r.prop[0].nlines + (a.r.prop[0].on_account > 0),
		   "the deposit's allocations are written once");
	tap_is_int(store_ui_undo(st, &undone, &err), UR_INPUT, "tester has nothing to undo");
	tap_is_int(store_ui_undo(other, &undone, &err), UR_OK, "suzuki undoes");
	tap_is_int(undone, dep, "… that deposit");
	tap_is_int(live_allocations(path, dep), 0, "… its allocations voided");
	sui_match_free(&a);
	sui_match_free(&b);
	sui_names_free(&names);
	store_close(other);
}

/* One column expression of deposit id. */
static long long
q1(const char *path, const char *expr, int64_t id)
{
	char sql[200];

	snprintf(sql, sizeof sql, "SELECT %s FROM deposit WHERE id = %lld", expr, (long long)id);
	return ts_q1(path, sql);
}

/* Assigning teaches the alias the engine reads; undo takes it back. */
static void
check_assign(struct store *st, const char *path)
{
	struct sui_deposit d;
	struct ur_err err;
	int64_t undone = 0;
	int n = 0;

	store_ui_queue_page(st, SUI_UNMATCHED, SUI_BY_DATE, tu_day(TODAY), NULL, 1, false, 0, 1, &d,
			    &n, &err);
	if (!tap_ok(n == 1, "an unmatched deposit"))
		return;
	tap_is_int(ts_q1(path, "SELECT count(*) FROM payer_alias"), 0, "no alias yet");
	tap_is_int(store_ui_assign(st, &d, 7, &err), UR_OK, "assign the payer to customer 7");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM payer_alias WHERE customer_id = 7"), 1,
		   "… teaches an alias");
	tap_is_int(q1(path, "customer_id", d.id), 7,
		   "… and sets the deposit's customer");
	tap_is_int(store_ui_undo(st, &undone, &err), UR_OK, "undo");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM payer_alias"), 0, "… unlearns the alias");
	tap_is_int(q1(path, "coalesce(customer_id, 0)", d.id),
		   0, "… and clears the customer");
	tap_is_int(store_ui_park(st, d.id, "", &err), UR_INPUT, "parking needs a reason");
	tap_is_int(store_ui_park(st, d.id, "refund", &err), UR_OK, "park");
	tap_is_int(store_ui_park(st, d.id, "again", &err), UR_CONFLICT, "… only once");
	tap_is_int(store_ui_undo(st, &undone, &err), UR_OK, "undo the park");
	tap_is_int(q1(path, "state = 'unmatched'", d.id), 1,
		   "… back in the queue");
	sui_deposit_free(&d);
}

/* The first unmatched deposit whose best proposal names a customer
 * other than its payer: *m filled (free it), or 0. */
static int64_t
proposed_elsewhere(struct store *st, struct sui_names *names, struct sui_match *m)
{
	struct match_config cfg;
	struct ur_err err;

	match_config_default(&cfg);
	for (int64_t id = 1; id < 2000; id++)
		if (store_ui_match(st, id, &cfg, names, m, &err) == UR_OK) {
			if (m->d.state == DEPOSIT_UNMATCHED && m->r.nprop && m->r.prop[0].nlines &&
			    !strstr(m->d.payer.payer_name, m->r.prop[0].customer_name))
				return id;
			sui_match_free(m);
		}
	return 0;
}

/* Search finds a deposit by its proposed customer's name and code and
 * by its amount as the screen shows it. */
static void
check_find(struct store *st)
{
	struct sui_names names = { 0 };
	struct sui_deposit hit;
	struct sui_match m;
	struct ur_err err;
	char text[64];
	int found;
	const char *const what[] = { "name", "code", "amount with ¥ and commas", "amount with 円" };
	int64_t id = proposed_elsewhere(st, &names, &m), a;

	if (!tap_ok(id > 0, "a deposit proposed for a customer its payer does not spell"))
		return;
	a = m.d.amount;
	for (int i = 0; i < 4; i++) {
		if (i == 0)
			snprintf(text, sizeof text, "%s", m.r.prop[0].customer_name);
		else if (i == 1)
			snprintf(text, sizeof text, "%s", m.r.prop[0].customer_code);
		else if (i == 2)
			snprintf(text, sizeof text, "¥%lld,%03lld,%03lld", (long long)(a / 1000000),
				 (long long)(a / 1000 % 1000), (long long)(a % 1000));
		else
			snprintf(text, sizeof text, "%lld円", (long long)a);
		if (i == 2 && a < 1000000)
			snprintf(text, sizeof text, "¥%lld,%03lld", (long long)(a / 1000),
				 (long long)(a % 1000));
		found = 0;
		store_ui_queue_find(st, SUI_UNMATCHED, SUI_BY_DATE, tu_day(TODAY), text, &m.d, 1, &hit,
				    &found, &err);
		tap_ok(found && hit.id == id, "search by the proposal's %s (%s) finds the deposit",
		       what[i], text);
		if (found)
			sui_deposit_free(&hit);
	}
	sui_match_free(&m);
	sui_names_free(&names);
}

/* A deposit's allocation rows, live or voided. */
#define ALLOC_ROWS "(SELECT count(*) FROM allocation WHERE deposit_id = deposit.id)"

/* Is deposit id in the "auto-matched today" filter's pages (sorted by
 * payer; today as the matches were made), at the position the count
 * gives? */
static bool
in_auto_today(struct store *st, int64_t id)
{
	struct sui_deposit pg[7];
	int n = 0, k = 0;
	long pos = -1;
	bool found = false;
	struct ur_err err;

	do {
		for (int i = 0; i < n; i++)
			sui_deposit_free(&pg[i]);
		store_ui_queue_page(st, SUI_AUTO_TODAY, SUI_BY_PAYER, date_today(), NULL, 1,
				    false, k, 7, pg, &n, &err);
		for (int i = 0; i < n && !found; i++)
			if (pg[i].id == id && store_ui_queue_count(st, SUI_AUTO_TODAY, SUI_BY_PAYER,
								   date_today(), &pg[i], &pos,
								   &err) == UR_OK)
				found = pos == k + i;
		k += n;
	} while (n == 7 && !found);
	for (int i = 0; i < n; i++)
		sui_deposit_free(&pg[i]);
	return found;
}

/* An automatic match undone from the queue: refused when the deposit
 * changed since (nothing written), else voided (not deleted) and audited;
 * a match by hand is not the engine's to undo. */
static void
check_undo_auto(struct store *st, const char *path)
{
	struct sui_names names = { 0 };
	struct match_deposit md;
	struct sui_alloc *a = NULL;
	struct sui_match m;
	struct store *other;
	struct ur_err err;
	size_t n = 0;
	long long audits, rows;
	int64_t id = proposed_elsewhere(st, &names, &m);

	if (!tap_ok(id > 0, "a deposit to match automatically") ||
	    store_open(&other, path, "suzuki", &err) != UR_OK)
		return;
	sui_match_deposit(&m.d, &md);
	rows = q1(path, ALLOC_ROWS, id);
	tap_is_int(store_match_confirm(st, &md, &m.r.prop[0], ALLOC_AUTO, &err), UR_OK,
		   "the engine matches it");
	sui_deposit_free(&m.d);
	store_ui_deposit_get(st, id, &m.d, &err);
	tap_is_int(store_ui_allocations(st, id, &a, &n, &err), UR_OK, "its allocations");
	tap_ok(n > 0 && a[0].kind == ALLOC_AUTO, "… the engine's");
	tap_ok(in_auto_today(st, id), "… in the auto-matched list of today, where counted");
	tap_is_int(store_match_undo(other, id, &err), UR_OK, "suzuki undoes it meanwhile");
	tap_ok(!in_auto_today(st, id), "… gone from the list at once (another connection's change)");
	audits = ts_q1(path, "SELECT count(*) FROM audit");
	tap_is_int(store_ui_undo_auto(st, &m.d, a, n, &err), UR_CONFLICT,
		   "undoing the match seen is refused: the deposit changed since");
	tap_ok(strstr(err.msg, m.d.reference) != NULL, "… naming the deposit: %s", err.msg);
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit"), audits, "… writing nothing");
	tap_is_int(store_match_confirm(st, &md, &m.r.prop[0], ALLOC_AUTO, &err), UR_OK,
		   "matched automatically again");
	tap_ok(in_auto_today(st, id), "… back in the list");
	free(a);
	sui_deposit_free(&m.d);
	store_ui_deposit_get(st, id, &m.d, &err);
	store_ui_allocations(st, id, &a, &n, &err);
	tap_is_int(store_ui_undo_auto(st, &m.d, a, n, &err), UR_OK, "the clerk undoes it");
	tap_ok(!in_auto_today(st, id), "… gone from the list (this connection's change)");
	tap_is_int(live_allocations(path, id), 0, "… its allocations voided");
	tap_is_int(q1(path, ALLOC_ROWS, id), rows + 2 * (long long)n,
		   "… kept in the ledger, both times");
	tap_is_int(q1(path, "state = 'unmatched'", id), 1, "… the deposit waits again");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE action = 'ui-undo-auto'"
			       " AND \"user\" = 'tester'"), 1, "… audited");
	tap_is_int(store_ui_confirm(st, &m.d, &m.r.prop[0], &err), UR_OK, "matched by hand");
	free(a);
	sui_deposit_free(&m.d);
	store_ui_deposit_get(st, id, &m.d, &err);
	store_ui_allocations(st, id, &a, &n, &err);
	tap_is_int(store_ui_undo_auto(st, &m.d, a, n, &err), UR_INPUT,
		   "a match by hand is not undone as an automatic one");
	free(a);
	sui_match_free(&m);
	sui_names_free(&names);
	store_close(other);
}

/* The auto-matched filter's pages, made in C for every sort at once, are
 * in the order SQL gives the other filters (ties by id): a position-weighted
 * sum of the ids read page by page against the same sum over SQL's order. */
static void
check_auto_order(struct store *st, const char *path)
{
	static const char *const order[SUI_SORT_COUNT] = {
		[SUI_BY_DATE] = "d.booking_date, d.id",
		[SUI_BY_AMOUNT] = "d.currency DESC, d.amount DESC, d.id DESC",
		[SUI_BY_PAYER] = "d.payer_key, d.id",
	};
	struct sui_deposit pg[7];
	struct ur_err err;
	long long sum, k;
	char sql[512];
	int n;

	for (int s = 0; s < SUI_SORT_COUNT; s++) {
		sum = k = 0;
		do {
			store_ui_queue_page(st, SUI_AUTO_TODAY, s, tu_day(TODAY), NULL, 1, false, k,
					    7, pg, &n, &err);
			for (int i = 0; i < n; i++) {
				sum += ++k * pg[i].id;
				sui_deposit_free(&pg[i]);
			}
		} while (n == 7);
		snprintf(sql, sizeof sql,
			 "SELECT sum(r * id) FROM (SELECT d.id, row_number() OVER (ORDER BY %s) r"
			 " FROM deposit d WHERE d.id IN (SELECT deposit_id FROM allocation"
			 " WHERE made_on = '" TODAY "' AND kind = 'auto' AND voided_at IS NULL)) o",
			 order[s]);
		tap_ok(k > 1 && sum == ts_q1(path, sql),
		       "sort %d: today's automatic matches (%lld) in SQL's order", s, k);
	}
}

TAP_SUITE(store_ui)
{
	char path[4096];
	struct store *st = setup("store_ui.db", path, sizeof path);

	if (!st)
		return;
	check_proposals(st);
	for (int f = 0; f < SUI_FILTER_COUNT; f++)
		for (int s = 0; s < SUI_SORT_COUNT; s++)
			check_pages(st, f, s);
	check_auto_order(st, path);
	check_assign(st, path);
	check_race(st, path);
	check_amount_only(st, path);
	check_find(st);
	check_undo_auto(st, path);
	store_close(st);
}
