/* test_match_parts: instalments — a round sum that is a round share of one
 * invoice (half of it, 3 tenths: 5割, 五成) is proposed as part of that
 * invoice first, whichever invoice oldest first would pick; a round sum
 * that is such a share of many invoices is a coincidence and proposes none
 * of them; never matched automatically. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "date.h"
#include "match.h"
#include "match_priv.h"
#include "tap.h"
#include "testutil.h"

static int32_t
day(const char *iso)
{
	int32_t d = 0;

	date_parse(iso, &d, NULL);
	return d;
}

static void
inv(struct match_index *ix, int64_t id, const char *num, int64_t cust_id, int64_t open,
    const char *issued, const char *due)
{
	match_index_add_invoice(ix, id, num, cust_id, day(issued), day(due), open, "JPY");
}

/* キャピタルデンキ: five open invoices, four of them due on 2026-08-31 (the
 * oldest issued in June); コバヤシセイミツ: four invoices that 300,000
 * is a round share of. */
static struct match_index *
world(void)
{
	struct match_index *ix = match_index_new();

	tu_match_customer(ix, 1, "C1", "株式会社キャピタル電機", "キャピタルデンキ");
	inv(ix, 11, "S-261", 1, 306295, "2026-06-30", "2026-08-31");
	inv(ix, 12, "S-236", 1, 2982727, "2026-07-04", "2026-08-31");
	inv(ix, 13, "S-234", 1, 259974, "2026-07-15", "2026-08-31");
	inv(ix, 14, "S-233", 1, 261668, "2026-07-17", "2026-08-31");
	inv(ix, 15, "S-235", 1, 991485, "2026-07-31", "2026-09-30");
	tu_match_customer(ix, 2, "C2", "小林精密株式会社", "コバヤシセイミツ");
	inv(ix, 21, "K-1", 2, 600000, "2026-07-10", "2026-08-31");
	inv(ix, 22, "K-2", 2, 1000000, "2026-07-20", "2026-08-31");
	inv(ix, 23, "K-3", 2, 750000, "2026-07-25", "2026-08-31");
	inv(ix, 24, "K-4", 2, 1500000, "2026-07-31", "2026-08-31");
	match_index_finish(ix);
	return ix;
}

static void
run(struct match_index *ix, const char *payer, int64_t amount, struct match_result *r,
    struct strbuf *e)
{
	struct match_deposit d = { .id = 1, .reference = "R1", .amount = amount,
				   .currency = "JPY", .payer.payer_name = payer };
	struct match_config cfg;

	d.date = day("2026-10-30");
	match_config_default(&cfg);
	match_deposit(ix, &cfg, &d, r);
	sb_reset(e);
	if (r->nprop)
		match_explain(&r->prop[0], &d, e);
}

/* Where in the proposals part of invoice num for the whole amount is
 * (1-based), 0: not proposed. */
static int
part_rank(const struct match_result *r, const char *num)
{
	for (int i = 0; i < r->nprop; i++)
		if (r->prop[i].fit == MATCH_FIT_PARTIAL && r->prop[i].nlines == 1 &&
		    strcmp(r->prop[i].line[0].number, num) == 0)
			return i + 1;
	return 0;
}

static int
shares(const struct match_result *r)
{
	int n = 0;

	for (int i = 0; i < r->nprop; i++)
		n += r->prop[i].nlines == 1 && r->prop[i].line[0].share;
	return n;
}

static void
test_share_of(void)
{
	tap_is_int(match_round_share(130000, 261668), 5, "¥130,000 is half of ¥261,668");
	tap_is_int(match_round_share(130000, 259974), 0, "… not of ¥259,974 (half: ¥120,000)");
	tap_is_int(match_round_share(910000, 3061200), 3, "3 tenths, cut down to ¥10,000");
	tap_is_int(match_round_share(610000, 3061200), 0, "2 tenths is too small a share");
	tap_is_int(match_round_share(130001, 261668), 0, "not a round sum: none");
	tap_is_int(match_round_share(50000, 100000), 0, "an invoice under 20 steps: none");
	tap_is_int(match_round_share(610000, 610000), 0, "all of it is not a share");
	tap_is_int(match_round_share(610000, 4358000), 0, "1.4 tenths is not a share");
	tap_is_int(match_round_share(1560000, 2234567), 7, "CNY 15,600.00 is 7 tenths of 22,345.67");
}

static void
test_instalment(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;

	run(ix, "ｶ)ｷﾔﾋﾟﾀﾙﾃﾞﾝｷ", 130000, &r, e);
	tap_is_str(e->buf, "payer ｶ)ｷﾔﾋﾟﾀﾙﾃﾞﾝｷ = 株式会社キャピタル電機; the oldest left open: "
			   "part of S-233 (¥130,000, 50 % of it), the rest stays open; score 68",
		   "half of the invoice first, though three others are due that day");
	tap_is_int(r.hold, MATCH_HOLD_AMOUNT, "… held: a part payment is the clerk's to confirm");
	tap_ok(part_rank(&r, "S-261") > 1, "oldest first is still offered (%d)",
	       part_rank(&r, "S-261"));
	tap_is_int(shares(&r), 1, "… one share only: S-234's half is ¥120,000");
	run(ix, "ｶ)ｷﾔﾋﾟﾀﾙﾃﾞﾝｷ", 131000, &r, e);
	tap_ok(part_rank(&r, "S-233") != 1, "¥131,000 is no round share: no instalment first");
	tap_ok(strstr(e->buf, "% of it") == NULL, "… and none named");
}

static void
test_coincidence(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;

	run(ix, "ｺﾊﾞﾔｼｾｲﾐﾂ(ｶ", 300000, &r, e);
	tap_is_int(shares(&r), 0,
		   "a round share of three invoices (5, 3, 4 tenths): none proposed as one");
	tap_ok(strstr(e->buf, "% of it") == NULL, "… nor named as a share: %s", e->buf);
	tap_is_int(r.hold, MATCH_HOLD_AMOUNT, "… held");
}

TAP_SUITE(match_parts)
{
	struct match_index *ix = world();
	struct strbuf e;

	sb_init(&e);
	test_share_of();
	test_instalment(ix, &e);
	test_coincidence(ix, &e);
	sb_free(&e);
	match_index_free(ix);
}
