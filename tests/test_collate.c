/* test_collate: customer names in the order a clerk looks them up in —
 * Japanese by reading (50音), Chinese by pinyin, Latin by letters. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "kana.h"
#include "tap.h"

struct named {
	const char *name, *kana; /* as in the customer master */
	char *key;
};

/* The key as the store makes it: the reading (or the name) folded, then
 * collated. */
static char *
key_of(const struct named *c)
{
	struct strbuf folded, key;

	sb_init(&folded);
	sb_init(&key);
	kana_fold(*c->kana ? c->kana : c->name, &folded, NULL);
	collate_name_key(folded.buf, &key);
	sb_free(&folded);
	return key.buf;
}

static int
by_key(const void *pa, const void *pb)
{
	return strcmp(((const struct named *)pa)->key, ((const struct named *)pb)->key);
}

/* Sort in[] (given in code point order of the names) by key and check the
 * names come out as want[]. */
static void
check_order(struct named *in, size_t n, const char *const *want, const char *what)
{
	bool ok = true;

	for (size_t i = 0; i < n; i++)
		in[i].key = key_of(&in[i]);
	qsort(in, n, sizeof *in, by_key);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(in[i].name, want[i]) != 0) {
			tap_diag("%s: position %zu is %s, want %s", what, i, in[i].name, want[i]);
			ok = false;
		}
		free(in[i].key);
	}
	tap_ok(ok, "%s", what);
}

TAP_SUITE(collate_japanese)
{
	struct named in[] = {
		{ "パール化成", "パールカセイ", NULL },   { "ガス興業", "ガスコウギョウ", NULL },
		{ "加藤商店", "カトウショウテン", NULL }, { "株式会社渡辺", "カブシキガイシャワタナベ", NULL },
		{ "羽田物流", "ハネダブツリュウ", NULL }, { "青木産業", "あおきさんぎょう", NULL },
		{ "馬場工務店", "ババコウムテン", NULL }, { "木村製作所", "ｷﾑﾗｾｲｻｸｼﾖ", NULL },
	};
	static const char *const want[] = { "青木産業", "ガス興業", "加藤商店", "木村製作所",
					     "羽田物流", "馬場工務店", "パール化成", "株式会社渡辺" };

	check_order(in, sizeof in / sizeof *in, want,
		    "Japanese names by reading: 50音, voicing second, company type ignored");
}

TAP_SUITE(collate_chinese)
{
	struct named in[] = {
		{ "北京华信科技有限公司", "", NULL }, { "安徽恒通贸易", "", NULL },
		{ "张江电子", "", NULL },             { "李记食品", "", NULL },
		{ "王府井百货", "", NULL },           { "长沙湘江机械", "", NULL },
	};
	static const char *const want[] = { "安徽恒通贸易", "北京华信科技有限公司", "长沙湘江机械",
					     "李记食品",     "王府井百货",           "张江电子" };

	check_order(in, sizeof in / sizeof *in, want, "Chinese names by pinyin");
	tap_ok(collate_pinyin_rank(0x963F) < collate_pinyin_rank(0x5F20) &&
		       collate_pinyin_rank(0x963F) > 0,
	       "阿 (a) ranks before 张 (zhang)");
	tap_is_int(collate_pinyin_rank('A'), 0, "a Latin letter has no pinyin rank");
}

TAP_SUITE(collate_latin_and_mixed)
{
	struct named in[] = {
		{ "Zeta Trading", "", NULL }, { "acme Co., Ltd.", "", NULL },
		{ "北京华信", "", NULL },     { "Beta Inc.", "", NULL },
		{ "山田商事", "ヤマダショウジ", NULL },
	};
	static const char *const want[] = { "acme Co., Ltd.", "Beta Inc.", "Zeta Trading",
					    "山田商事", "北京华信" };

	check_order(in, sizeof in / sizeof *in, want,
		    "Latin names by letters whatever the case, then kana, then pinyin");
}
