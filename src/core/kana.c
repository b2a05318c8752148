/* kana: name folding for matching (research bank-formats.md §2.3): width
 * and kana folding, company-type and branch markers, the comparison key. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "kana.h"
#include "text.h"
#include "xalloc.h"

#define STACK_CPS 512

/* The folded name as code points; [b, e) is what is left of the key. */
struct fold {
	uint32_t *v;
	size_t n, b, e;
	uint32_t stack[STACK_CPS];
};

struct marker {
	const char *text; /* folded form */
	const char *corp; /* canonical company type */
};

/* Abbreviations used with the parenthesis rule: X) (X (X). */
static const struct marker abbrevs[] = {
	{"カ", "株式会社"}, {"ユ", "有限会社"}, {"メ", "合名会社"}, {"シ", "合資会社"},
	{"ド", "合同会社"}, {"イ", "医療法人"}, {"ザイ", "財団法人"}, {"シヤ", "社団法人"},
	{"ベン", "弁護士法人"}, {"ギヨ", "行政書士法人"}, {"シホウ", "司法書士法人"},
	{"ゼイ", "税理士法人"}, {"チユウ", "中間法人"}, {"シユウ", "宗教法人"},
	{"ガク", "学校法人"}, {"フク", "社会福祉法人"}, {"ソ", "相互会社"},
	{"ホゴ", "更生保護法人"}, {"トクヒ", "特定非営利活動法人"}, {"ドク", "独立行政法人"},
	{"チドク", "地方独立行政法人"}, {"ダイ", "国立大学法人"}, {"ノウ", "農事組合法人"},
	{"カンリ", "管理組合法人"}, {"ロウム", "社会保険労務士法人"}, {"モク", "中期目標管理法人"},
	{"ケン", "国立研究開発法人"}, {"シツ", "行政執行法人"},
	{"株", "株式会社"}, {"有", "有限会社"}, {"名", "合名会社"}, {"資", "合資会社"},
	{"同", "合同会社"}, {"医", "医療法人"}, {"財", "財団法人"}, {"社", "社団法人"},
	{"学", "学校法人"}, {"福", "社会福祉法人"}, {"宗", "宗教法人"}, {"特非", "特定非営利活動法人"},
	{"独", "独立行政法人"},
};

/* Forms written out in full, matched at either end; longer forms of the
 * same ending come first. */
static const struct marker longforms[] = {
	{"カブシキガイシヤ", "株式会社"}, {"カブシキカイシヤ", "株式会社"},
	{"ユウゲンガイシヤ", "有限会社"}, {"ユウゲンカイシヤ", "有限会社"},
	{"ゴウドウガイシヤ", "合同会社"}, {"ゴウドウカイシヤ", "合同会社"},
	{"ゴウシガイシヤ", "合資会社"}, {"ゴウメイガイシヤ", "合名会社"},
	{"ソウゴガイシヤ", "相互会社"},
	/* other legal forms spelled out in a フリガナ or by the bank (#12) */
	{"イリヨウホウジンシヤダン", "医療法人"}, {"イリヨウホウジンザイダン", "医療法人"},
	{"シヤカイイリヨウホウジン", "医療法人"}, {"イリヨウホウジン", "医療法人"},
	{"イツパンシヤダンホウジン", "社団法人"}, {"コウエキシヤダンホウジン", "社団法人"},
	{"イツパンザイダンホウジン", "財団法人"}, {"コウエキザイダンホウジン", "財団法人"},
	{"シヤダンホウジン", "社団法人"}, {"ザイダンホウジン", "財団法人"},
	{"シヤカイフクシホウジン", "社会福祉法人"}, {"ガツコウホウジン", "学校法人"},
	{"シユウキヨウホウジン", "宗教法人"},
	{"トクテイヒエイリカツドウホウジン", "特定非営利活動法人"},
	{"ユウゲンセキニンジギヨウクミアイ", "有限責任事業組合"},
	{"ノウジクミアイホウジン", "農事組合法人"}, {"ベンゴシホウジン", "弁護士法人"},
	{"ゼイリシホウジン", "税理士法人"}, {"シホウシヨシホウジン", "司法書士法人"},
	{"ギヨウセイシヨシホウジン", "行政書士法人"},
	{"ドクリツギヨウセイホウジン", "独立行政法人"},
	{"コクリツダイガクホウジン", "国立大学法人"},
	{"有限責任事業組合", "有限責任事業組合"},
	{"株式会社", "株式会社"}, {"有限会社", "有限会社"}, {"合同会社", "合同会社"},
	{"合資会社", "合資会社"}, {"合名会社", "合名会社"}, {"相互会社", "相互会社"},
	{"医療法人社団", "医療法人"}, {"医療法人財団", "医療法人"}, {"社会医療法人", "医療法人"},
	{"医療法人", "医療法人"}, {"一般社団法人", "社団法人"}, {"公益社団法人", "社団法人"},
	{"一般財団法人", "財団法人"}, {"公益財団法人", "財団法人"}, {"社団法人", "社団法人"},
	{"財団法人", "財団法人"}, {"社会福祉法人", "社会福祉法人"}, {"学校法人", "学校法人"},
	{"宗教法人", "宗教法人"}, {"特定非営利活動法人", "特定非営利活動法人"},
	{"NPO法人", "特定非営利活動法人"}, {"弁護士法人", "弁護士法人"},
	{"税理士法人", "税理士法人"}, {"司法書士法人", "司法書士法人"},
	{"行政書士法人", "行政書士法人"}, {"地方独立行政法人", "地方独立行政法人"},
	{"独立行政法人", "独立行政法人"}, {"国立大学法人", "国立大学法人"},
	{"農事組合法人", "農事組合法人"},
	{"股份有限公司", "股份有限公司"}, {"有限责任公司", "有限责任公司"},
	{"有限責任公司", "有限责任公司"}, {"有限公司", "有限公司"},
};

/* English company suffixes, removed at the end after a space, '.' or ','. */
static const struct marker english[] = {
	{"LIMITED", "LTD"}, {"LTD", "LTD"}, {"INCORPORATED", "INC"}, {"INC", "INC"},
	{"CORPORATION", "CORP"}, {"CORP", "CORP"}, {"LLC", "LLC"}, {"COMPANY", "CO"},
	{"CO", "CO"},
};

/* 営業所 and 出張所 markers. */
static const char *const branches[] = {"エイ", "シユツ"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The markers as code points, decoded once: matching them at every
 * position of every name was most of the matching engine's time. */
#define LIT_MAX 16 /* the longest, INCORPORATED, has 12 */
struct lit {
	uint32_t cp[LIT_MAX];
	size_t n;
};

static struct lit abbrev_lit[COUNT(abbrevs)], long_lit[COUNT(longforms)],
	english_lit[COUNT(english)], branch_lit[COUNT(branches)];
static pthread_once_t lits_once = PTHREAD_ONCE_INIT;

static void
lit_decode(const char *s, struct lit *l)
{
	size_t n = strlen(s), i = 0;

	l->n = 0;
	while (i < n && l->n < LIT_MAX)
		i += utf8_decode(s + i, n - i, &l->cp[l->n++]);
}

static void
lits_decode(void)
{
	for (size_t i = 0; i < COUNT(abbrevs); i++)
		lit_decode(abbrevs[i].text, &abbrev_lit[i]);
	for (size_t i = 0; i < COUNT(longforms); i++)
		lit_decode(longforms[i].text, &long_lit[i]);
	for (size_t i = 0; i < COUNT(english); i++)
		lit_decode(english[i].text, &english_lit[i]);
	for (size_t i = 0; i < COUNT(branches); i++)
		lit_decode(branches[i], &branch_lit[i]);
}

/* Full-width forms of the half-width katakana U+FF61..U+FF9D. */
static const uint16_t halfwidth[] = {
	0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3,
	0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC,
	0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF,
	0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF,
	0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD,
	0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF,
	0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA,
	0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3,
};

static bool
is_hagyo(uint32_t k)
{
	return k >= 0x30CF && k <= 0x30DB && (k - 0x30CF) % 3 == 0;
}

/* Katakana k with a voicing mark (handakuten when semi), or 0. */
static uint32_t
voice(uint32_t k, bool semi)
{
	if (semi)
		return is_hagyo(k) ? k + 2 : 0;
	if ((k >= 0x30AB && k <= 0x30C2 && (k & 1)) || k == 0x30C4 || k == 0x30C6 ||
	    k == 0x30C8 || is_hagyo(k) || k == 0x30FD)
		return k + 1;
	if (k == 0x30A6)
		return 0x30F4;
	if (k >= 0x30EF && k <= 0x30F2)
		return k + 8;
	return 0;
}

/* Small katakana → large; other code points unchanged. */
static uint32_t
enlarge(uint32_t k)
{
	switch (k) {
	case 0x30A1: case 0x30A3: case 0x30A5: case 0x30A7: case 0x30A9:
	case 0x30C3: case 0x30E3: case 0x30E5: case 0x30E7: case 0x30EE:
		return k + 1;
	case 0x30F5:
		return 0x30AB;
	case 0x30F6:
		return 0x30B1;
	default:
		return k;
	}
}

static bool
is_dash(uint32_t c)
{
	return c == '-' || c == 0x30FC || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
	       c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212 || c == 0xFE63;
}

/* Width, kana and case folding of one code point (0: drop it). */
static uint32_t
fold_cp(uint32_t c)
{
	if (c >= 0xFF61 && c <= 0xFF9D)
		c = halfwidth[c - 0xFF61];
	else if (c >= 0xFF01 && c <= 0xFF5E)
		c -= 0xFEE0;
	else if (c == 0x3000 || c < 0x20 || c == 0x7F)
		c = ' ';
	else if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E)
		c += 0x60;
	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (is_dash(c))
		return 0;
	return enlarge(c);
}

static void
push(struct fold *f, uint32_t c)
{
	f->v[f->n++] = c;
}

static void
push_str(struct fold *f, const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t c;

		i += utf8_decode(s + i, n - i, &c);
		push(f, c);
	}
}

/* Append the folded code point c, composing voicing marks with the
 * previous character and expanding ㈱-style enclosed abbreviations. */
static void
add_cp(struct fold *f, uint32_t c)
{
	bool mark = c == 0xFF9E || c == 0xFF9F || (c >= 0x3099 && c <= 0x309C);

	if (mark) {
		uint32_t v = f->n ? voice(f->v[f->n - 1], c == 0xFF9F || c == 0x309A || c == 0x309C) : 0;

		if (v)
			f->v[f->n - 1] = v;
		return;
	}
	switch (c) {
	case 0x3231: push_str(f, "(株)"); return;
	case 0x3232: push_str(f, "(有)"); return;
	case 0x3233: push_str(f, "(社)"); return;
	case 0x3236: push_str(f, "(財)"); return;
	case 0x337F: push_str(f, "株式会社"); return;
	default: break;
	}
	c = fold_cp(c);
	if (c)
		push(f, c);
}

static void
fold_init(struct fold *f, const char *in)
{
	size_t n = strlen(in), i = 0, cap = n + n / 3 + 4;

	f->v = cap <= STACK_CPS ? f->stack : xmalloc(cap * sizeof(uint32_t));
	f->n = 0;
	while (i < n) {
		uint32_t c;

		i += utf8_decode(in + i, n - i, &c);
		add_cp(f, c);
	}
	f->b = 0;
	f->e = f->n;
}

static void
fold_free(struct fold *f)
{
	if (f->v != f->stack)
		free(f->v);
}

/* Length in code points of lit if v[pos..e) starts with it, else 0. */
static size_t
match_at(const struct fold *f, size_t pos, size_t e, const struct lit *lit)
{
	if (pos > e || e - pos < lit->n)
		return 0;
	for (size_t k = 0; k < lit->n; k++)
		if (f->v[pos + k] != lit->cp[k])
			return 0;
	return lit->n;
}

/* Whether v[b..e) is exactly one of the markers m (decoded as lit);
 * returns it or NULL. */
static const struct marker *
match_whole(const struct fold *f, size_t b, size_t e, const struct marker *m,
	    const struct lit *lit, size_t nm)
{
	for (size_t i = 0; i < nm; i++)
		if (b < e && lit[i].n == e - b && match_at(f, b, e, &lit[i]))
			return &m[i];
	return NULL;
}

static void
trim(struct fold *f)
{
	while (f->b < f->e && f->v[f->b] == ' ')
		f->b++;
	while (f->e > f->b && f->v[f->e - 1] == ' ')
		f->e--;
}

static bool
is_punct(uint32_t c)
{
	return c == ' ' || c == '.' || c == ',' || c == '/' || c == '(' || c == ')' ||
	       c == 0x30FB || c == 0x300C || c == 0x300D || c == 0x3001 || c == 0x3002 ||
	       c == 0x00B7;
}

/* Append v[b..e) without spaces and punctuation. */
static void
emit_key(const struct fold *f, size_t b, size_t e, struct strbuf *out)
{
	for (; b < e; b++)
		if (!is_punct(f->v[b]))
			utf8_append(out, f->v[b]);
}

static void
note_corp(struct kana_info *info, const struct marker *m)
{
	if (info && !info->corp)
		info->corp = m->corp;
}

/* A leading 依頼人番号: 1–10 digits and a space. */
static void
take_payer_code(struct fold *f, struct kana_info *info)
{
	size_t i = f->b, k;

	while (i < f->e && i - f->b <= 10 && f->v[i] >= '0' && f->v[i] <= '9')
		i++;
	if (i == f->b || i - f->b > 10 || i >= f->e || f->v[i] != ' ')
		return;
	if (info) {
		for (k = f->b; k < i; k++)
			info->payer_code[k - f->b] = (char)f->v[k];
		info->payer_code[i - f->b] = '\0';
	}
	f->b = i + 1;
	trim(f);
}

/* "(ｴｲ)…", "(ｴｲ" or "(ｼﾕﾂ)…": the key ends there, [*rb, *re) is branch text. */
static void
take_branch(struct fold *f, size_t *rb, size_t *re)
{
	size_t i, k, j, len;

	*rb = *re = 0;
	for (i = f->b + 1; i < f->e; i++) {
		if (f->v[i] != '(')
			continue;
		for (k = 0; k < COUNT(branches); k++) {
			len = match_at(f, i + 1, f->e, &branch_lit[k]);
			j = i + 1 + len;
			if (len == 0 || (j < f->e && f->v[j] != ')'))
				continue;
			*rb = j < f->e ? j + 1 : j;
			*re = f->e;
			f->e = i;
			trim(f);
			return;
		}
	}
}

/* Position of the first c in [from, to), or to. */
static size_t
find(const struct fold *f, size_t from, size_t to, uint32_t c)
{
	while (from < to && f->v[from] != c)
		from++;
	return from;
}

/* Remove a marker at the start: X), (X) or a long form. */
static bool
strip_start(struct fold *f, struct kana_info *info)
{
	size_t lim = f->b + 8 < f->e ? f->b + 8 : f->e, j, i, len;
	const struct marker *m;

	j = find(f, f->b, lim, ')');
	if (j < lim) {
		m = f->v[f->b] == '(' ? match_whole(f, f->b + 1, j, abbrevs, abbrev_lit, COUNT(abbrevs))
				      : match_whole(f, f->b, j, abbrevs, abbrev_lit, COUNT(abbrevs));
		if (m) {
			note_corp(info, m);
			f->b = j + 1;
			return true;
		}
	}
	for (i = 0; i < COUNT(longforms); i++) {
		len = match_at(f, f->b, f->e, &long_lit[i]);
		if (len) {
			note_corp(info, &longforms[i]);
			f->b += len;
			return true;
		}
	}
	return false;
}

/* Remove an English suffix word after a space, '.' or ','. */
static bool
strip_english(struct fold *f, struct kana_info *info)
{
	size_t e = f->e, i, len;

	while (e > f->b && (f->v[e - 1] == '.' || f->v[e - 1] == ',' || f->v[e - 1] == ' '))
		e--;
	for (i = 0; i < COUNT(english); i++) {
		len = english_lit[i].n;
		if (e - f->b <= len || !match_at(f, e - len, e, &english_lit[i]))
			continue;
		if (f->v[e - len - 1] != ' ' && f->v[e - len - 1] != '.' && f->v[e - len - 1] != ',')
			continue;
		note_corp(info, &english[i]);
		f->e = e - len;
		return true;
	}
	return false;
}

/* Remove a marker at the end: (X, (X), a long form or an English suffix. */
static bool
strip_end(struct fold *f, struct kana_info *info)
{
	size_t lim = f->e > f->b + 8 ? f->e - 8 : f->b, k = f->e, hi, i, len;
	const struct marker *m;

	while (k > lim && f->v[k - 1] != '(')
		k--;
	if (k > lim) {
		hi = f->v[f->e - 1] == ')' ? f->e - 1 : f->e;
		m = match_whole(f, k, hi, abbrevs, abbrev_lit, COUNT(abbrevs));
		if (m) {
			note_corp(info, m);
			f->e = k - 1;
			return true;
		}
	}
	for (i = 0; i < COUNT(longforms); i++) {
		len = long_lit[i].n;
		if (f->e - f->b >= len && match_at(f, f->e - len, f->e, &long_lit[i])) {
			note_corp(info, &longforms[i]);
			f->e -= len;
			return true;
		}
	}
	return strip_english(f, info);
}

/* Length of a company marker starting at i, (X) or a long form, stored in
 * *m; 0 if none. */
static size_t
marker_at(const struct fold *f, size_t i, const struct marker **m)
{
	size_t to = i + 8 < f->e ? i + 8 : f->e, j, k, len;

	if (f->v[i] == '(') {
		j = find(f, i + 1, to, ')');
		*m = j < to ? match_whole(f, i + 1, j, abbrevs, abbrev_lit, COUNT(abbrevs)) : NULL;
		if (*m)
			return j + 1 - i;
	}
	for (k = 0; k < COUNT(longforms); k++) {
		len = match_at(f, i, f->e, &long_lit[k]);
		if (len) {
			*m = &longforms[k];
			return len;
		}
	}
	return 0;
}

/* A company marker inside the name ends the key; [*mb, *me) is the branch. */
static void
split_middle(struct fold *f, struct kana_info *info, size_t *mb, size_t *me)
{
	const struct marker *m;
	size_t i, len;

	*mb = *me = 0;
	for (i = f->b + 1; i < f->e; i++) {
		len = marker_at(f, i, &m);
		if (len && i + len < f->e) {
			note_corp(info, m);
			*mb = i + len;
			*me = f->e;
			f->e = i;
			trim(f);
			return;
		}
	}
}

static void
split_name(struct fold *f, struct kana_info *info)
{
	size_t rb, re, mb, me, k;

	trim(f);
	take_payer_code(f, info);
	take_branch(f, &rb, &re);
	for (k = 0; k < 4; k++) {
		trim(f);
		if (f->b >= f->e || (!strip_start(f, info) && !strip_end(f, info)))
			break;
	}
	trim(f);
	split_middle(f, info, &mb, &me);
	if (info) {
		emit_key(f, mb, me, &info->branch);
		emit_key(f, rb, re, &info->branch);
	}
}

void
kana_info_init(struct kana_info *info)
{
	info->corp = NULL;
	info->payer_code[0] = '\0';
	sb_init(&info->branch);
}

void
kana_info_free(struct kana_info *info)
{
	sb_free(&info->branch);
}

void
kana_fold(const char *in, struct strbuf *key, struct kana_info *info)
{
	struct fold f;

	pthread_once(&lits_once, lits_decode);
	if (info) {
		info->corp = NULL;
		info->payer_code[0] = '\0';
		sb_reset(&info->branch);
	}
	sb_reset(key);
	fold_init(&f, in);
	split_name(&f, info);
	emit_key(&f, f.b, f.e, key);
	fold_free(&f);
}
