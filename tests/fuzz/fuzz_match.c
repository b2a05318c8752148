/* fuzz_match: libFuzzer harness for the matching engine's look-ups of a
 * payer name (built and run by tests/fuzz/run-fuzz-match.sh): the input
 * is the name and the EDI text of one deposit, matched against a few
 * customers and explained. A name of a megabyte must cost one pass, not
 * a look-up of every prefix and suffix: run-fuzz-match.sh gives each
 * input a time budget. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "kana.h"
#include "match.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct match_index *fuzz_ix;

static void
fuzz_customer(int64_t id, const char *code, const char *name, const char *kana)
{
	struct strbuf key;

	sb_init(&key);
	kana_fold(kana, &key, NULL);
	match_index_add_customer(fuzz_ix, id, code, name, kana, key.buf, "JPY", NULL);
	match_index_add_invoice(fuzz_ix, id * 10, code, id, date_from_ymd(2026, 3, 1),
				date_from_ymd(2026, 3, 31), 110000 + id, "JPY");
	sb_free(&key);
}

/* A few customers whose keys the prefix, suffix and fuzzy look-ups find. */
static void
fuzz_index(void)
{
	struct match_alias al = { "ヤマダタロウ", "", "", "", 1, 3 };

	fuzz_ix = match_index_new();
	fuzz_customer(1, "C1", "株式会社山田商事", "カ)ヤマダショウジ");
	fuzz_customer(2, "C2", "有限会社鈴木工業", "ユウゲンガイシャ スズキコウギョウ");
	fuzz_customer(3, "C3", "東京エンジニアリング", "トウキョウエンジニアリング");
	fuzz_customer(4, "C4", "ｱｲｳｴｵ", "ｱｲｳｴｵ");
	match_index_add_payers(fuzz_ix, 2, "C1", "スズキイチロウ");
	match_index_add_alias(fuzz_ix, &al);
	match_index_set_closing(fuzz_ix, 1, 31); /* C1's 合計請求書 is the deposit's amount */
	match_index_add_bill(fuzz_ix, 1, "JPY", date_from_ymd(2026, 3, 1), date_from_ymd(2026, 3, 1),
			     110001, 110001);
	match_index_add_bill_slip(fuzz_ix, 10, 110001, true);
	match_index_finish(fuzz_ix);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d;
	const uint8_t *nul = memchr(data, '\0', size);
	char *text = malloc(size + 2);
	struct strbuf why;

	if (!fuzz_ix)
		fuzz_index();
	/* name, then after a NUL byte the EDI text */
	memcpy(text, data, size);
	text[size] = text[size + 1] = '\0';
	memset(&d, 0, sizeof d);
	d.reference = "R1";
	d.date = date_from_ymd(2026, 3, 31);
	d.amount = 110001;
	d.currency = "JPY";
	d.payer.payer_name = text;
	d.payer.edi = nul ? text + (nul - data) + 1 : NULL;
	match_config_default(&cfg);
	match_deposit(fuzz_ix, &cfg, &d, &r);
	sb_init(&why);
	for (int i = 0; i < r.nprop; i++)
		match_explain(&r.prop[i], &d, &why);
	sb_free(&why);
	free(text);
	return 0;
}
