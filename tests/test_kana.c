/* test_kana: payer/customer name folding vectors (bank-formats.md §2) and a
 * random-bytes run. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kana.h"
#include "tap.h"
#include "testutil.h"
#include "text.h"

struct fold_case {
	const char *in, *key, *corp, *code, *branch;
};

static const struct fold_case fold_cases[] = {
	/* bank side, positional company markers */
	{"ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "ヤマダシヨウジ", "株式会社", "", ""},
	{"ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ", "ヤマダシヨウジ", "株式会社", "", ""},
	{"ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ)ﾄｳｷﾖｳｼﾃﾝ", "ヤマダシヨウジ", "株式会社", "", "トウキヨウシテン"},
	/* customer side */
	{"ヤマダショウジ", "ヤマダシヨウジ", NULL, "", ""},
	{"やまだしょうじ", "ヤマダシヨウジ", NULL, "", ""},
	{"株式会社 ヤマダショウジ", "ヤマダシヨウジ", "株式会社", "", ""},
	{"(株)ヤマダショウジ", "ヤマダシヨウジ", "株式会社", "", ""},
	{"（株）ヤマダショウジ", "ヤマダシヨウジ", "株式会社", "", ""},
	{"㈱ヤマダショウジ", "ヤマダシヨウジ", "株式会社", "", ""},
	{"ｶﾌﾞｼｷｶﾞｲｼﾔ ﾔﾏﾀﾞｼﾖｳｼﾞ", "ヤマダシヨウジ", "株式会社", "", ""},
	{"ヤマダショウジカブシキガイシャ", "ヤマダシヨウジ", "株式会社", "", ""},
	{"ヤマダショウジ株式会社", "ヤマダシヨウジ", "株式会社", "", ""},
	{"ｶ) ﾔﾏﾀﾞ ｼﾖｳｼﾞ ", "ヤマダシヨウジ", "株式会社", "", ""},
	/* other types and mis-entries */
	{"ﾕ)ｻﾄｳｼﾖｳﾃﾝ", "サトウシヨウテン", "有限会社", "", ""},
	{"ﾄﾞ)ABC", "ABC", "合同会社", "", ""},
	{"ｺﾞｳﾄﾞｳｶﾞｲｼﾔ ﾃｽﾄ", "テスト", "合同会社", "", ""},
	{"(ｶ)ﾔﾏﾀﾞ", "ヤマダ", "株式会社", "", ""},
	{"ﾔﾏﾀﾞ(ｶ)", "ヤマダ", "株式会社", "", ""},
	{"ﾔﾏﾀﾞ(ｶﾝﾘ", "ヤマダ", "管理組合法人", "", ""},
	{"ﾄｸﾋ)ｻﾎﾟｰﾄｾﾝﾀｰ", "サポトセンタ", "特定非営利活動法人", "", ""},
	{"ｲ)ﾔﾏﾀﾞｸﾘﾆﾂｸ", "ヤマダクリニツク", "医療法人", "", ""},
	{"医療法人社団 山田会", "山田会", "医療法人", "", ""},
	{"一般社団法人 日本テスト協会", "日本テスト協会", "社団法人", "", ""},
	/* payer code and branches */
	{"0123456789 ﾔﾏﾀﾞ", "ヤマダ", NULL, "0123456789", ""},
	{"12345678901 ﾔﾏﾀﾞ", "12345678901ヤマダ", NULL, "", ""},
	{"ﾔﾏﾀﾞ(ｴｲ)ｵｵｻｶ", "ヤマダ", NULL, "", "オオサカ"},
	{"ﾔﾏﾀﾞ(ｴｲ", "ヤマダ", NULL, "", ""},
	{"ﾔﾏﾀﾞ(ｶ)ｵｵｻｶ(ｴｲ", "ヤマダ", "株式会社", "", "オオサカ"},
	{"ｶ)ﾔﾏﾀﾞ(ｼﾕﾂ)ﾅｺﾞﾔ", "ヤマダ", "株式会社", "", "ナゴヤ"},
	{"42 ｶ)ﾔﾏﾀﾞ(ｴｲ)ｵｵｻｶ", "ヤマダ", "株式会社", "42", "オオサカ"},
	/* Chinese and English */
	{"上海恒通贸易有限公司", "上海恒通贸易", "有限公司", "", ""},
	{"深圳华强股份有限公司", "深圳华强", "股份有限公司", "", ""},
	{"北京测试有限责任公司", "北京测试", "有限责任公司", "", ""},
	{"台北測試有限責任公司", "台北測試", "有限责任公司", "", ""},
	{"上海恒通贸易有限公司北京分公司", "上海恒通贸易", "有限公司", "", "北京分公司"},
	{"Yamada Trading Co., Ltd.", "YAMADATRADING", "LTD", "", ""},
	{"ＡＢＣ　ＣＯ．，ＬＴＤ", "ABC", "LTD", "", ""},
	{"Acme Inc.", "ACME", "INC", "", ""},
	{"Zinc", "ZINC", NULL, "", ""},
	{"Mega Corp", "MEGA", "CORP", "", ""},
	/* folding details */
	{"ｳﾞｧｲｵﾘﾝ", "ヴアイオリン", NULL, "", ""},
	{"ﾎﾟｰﾙ-ｽﾐｽ", "ポルスミス", NULL, "", ""},
	{"ﾞﾔﾏﾀﾞ", "ヤマダ", NULL, "", ""},
	{"ガッコウ・キャノン「テスト」", "ガツコウキヤノンテスト", NULL, "", ""},
	{"ヵヶヮ", "カケワ", NULL, "", ""},
	{"カ\xE3\x82\x99", "ガ", NULL, "", ""},
	{"ＡＢＣ１２３ｘｙｚ", "ABC123XYZ", NULL, "", ""},
	{"ABC/DEF.GHI,J", "ABCDEFGHIJ", NULL, "", ""},
	{"", "", NULL, "", ""},
	{"株式会社", "", "株式会社", "", ""},
	{"\xFF\xFEｱ", "\xEF\xBF\xBD\xEF\xBF\xBDア", NULL, "", ""},
};

static void
test_vectors(void)
{
	struct kana_info info;
	struct strbuf key;
	size_t i;

	sb_init(&key);
	kana_info_init(&info);
	for (i = 0; i < sizeof(fold_cases) / sizeof(fold_cases[0]); i++) {
		const struct fold_case *c = &fold_cases[i];

		kana_fold(c->in, &key, &info);
		tap_is_str(key.buf, c->key, "key of %s", c->in);
		tap_is_str(info.corp ? info.corp : "(none)", c->corp ? c->corp : "(none)",
			   "company type of %s", c->in);
		tap_is_str(info.payer_code, c->code, "payer code of %s", c->in);
		tap_is_str(info.branch.buf, c->branch, "branch of %s", c->in);
	}
	kana_fold("ｶ)ﾔﾏﾀﾞ", &key, NULL);
	tap_is_str(key.buf, "ヤマダ", "info may be NULL");
	kana_info_free(&info);
	sb_free(&key);
}

/* Bank and customer spellings of one name fold to the same key. */
static void
test_same_key(void)
{
	static const char *const names[] = {
		"ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ", "ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ)ﾄｳｷﾖｳｼﾃﾝ", "ヤマダショウジ",
		"やまだしょうじ", "株式会社 ヤマダショウジ", "(株)ヤマダショウジ",
		"ｶﾌﾞｼｷｶﾞｲｼﾔ ﾔﾏﾀﾞｼﾖｳｼﾞ", "0000012345 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "ﾔﾏﾀﾞ ｼﾖｳｼﾞ(ｶ",
	};
	struct strbuf key;
	size_t i, same = 0;

	sb_init(&key);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		kana_fold(names[i], &key, NULL);
		same += strcmp(key.buf, "ヤマダシヨウジ") == 0;
	}
	tap_is_int(same, sizeof(names) / sizeof(names[0]), "all spellings give one key");
	sb_free(&key);
}

/* Names longer than the on-stack buffer. */
static void
test_long(void)
{
	struct strbuf in, key, want;
	struct kana_info info;
	int i;

	sb_init(&in);
	sb_init(&key);
	sb_init(&want);
	kana_info_init(&info);
	sb_adds(&in, "ｶ)");
	for (i = 0; i < 200; i++) {
		sb_adds(&in, "ﾔﾏﾀﾞ");
		sb_adds(&want, "ヤマダ");
	}
	sb_adds(&in, "(ｴｲ)ｵｵｻｶ");
	kana_fold(in.buf, &key, &info);
	tap_is_str(key.buf, want.buf, "long name folds");
	tap_is_str(info.branch.buf, "オオサカ", "long name branch");
	for (i = 1; i <= 200; i++) {
		sb_reset(&in);
		while (in.len < (size_t)i * 3)
			sb_adds(&in, "㍿");
		kana_fold(in.buf, &key, NULL);
		if (!utf8_valid(key.buf, key.len, NULL) || key.len > in.len * 4)
			break;
	}
	tap_is_int(i, 201, "expanding ㍿ names of every length up to 600 bytes");
	kana_info_free(&info);
	sb_free(&in);
	sb_free(&key);
	sb_free(&want);
}

TAP_SUITE(kana)
{
	test_vectors();
	test_same_key();
	test_long();
}

static uint32_t rng = 0x85EBCA6Bu;

TAP_SUITE(kana_fuzz)
{
	static const char *const pieces[] = {
		"ｶ", ")", "(", "ﾞ", "ﾟ", "ｴｲ", "ｼﾕﾂ", " ", "株式会社", "有限公司", "1", "CO.,LTD",
		"ﾔ", "ー", "㈱", "\xFF", "\xE3\x82", "\xC2\x9B", "ﾄﾞ", "ｰ", ".", "LTD", "\t", "㍿",
	};
	struct strbuf in, key;
	struct kana_info info;
	size_t iter, k, bad = 0, np = sizeof(pieces) / sizeof(pieces[0]);

	sb_init(&in);
	sb_init(&key);
	kana_info_init(&info);
	for (iter = 0; iter < 4000; iter++) {
		size_t parts = tu_xorshift(&rng) % 12;

		sb_reset(&in);
		for (k = 0; k < parts; k++) {
			uint32_t r = tu_xorshift(&rng);

			if (r & 1) {
				sb_adds(&in, pieces[(r >> 1) % np]);
			} else {
				char c = (char)(r >> 8);

				if (c)
					sb_addc(&in, c);
			}
		}
		kana_fold(in.buf, &key, &info);
		if (!utf8_valid(key.buf, key.len, NULL) || strlen(key.buf) != key.len ||
		    !utf8_valid(info.branch.buf, info.branch.len, NULL) ||
		    strlen(info.payer_code) > 10)
			bad++;
	}
	kana_info_free(&info);
	sb_free(&in);
	sb_free(&key);
	tap_is_int(bad, 0, "4000 random names fold to valid keys");
}
