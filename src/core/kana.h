/* kana: folding payer and customer names into comparison keys, so that a
 * bank's ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ and the master's 株式会社ヤマダショウジ meet.
 * Matching only: keys are never shown as names. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_KANA_H
#define UR_SRC_KANA_H

#include "strbuf.h"

/* What kana_fold took out of a name besides the key. */
struct kana_info {
	const char *corp;     /* company type seen ("株式会社", "有限公司", "LTD"…), or NULL */
	char payer_code[11];  /* leading 依頼人番号 (1–10 digits), "" when absent */
	struct strbuf branch; /* folded branch text (営業所/出張所, text after a
				 mid-name company marker), "" when absent */
};

/** Initialise info (owns memory: release with kana_info_free). */
void kana_info_init(struct kana_info *info);

/** Release the memory of info. */
void kana_info_free(struct kana_info *info);

/** Replace key with the comparison key of the UTF-8 name `in` (invalid
 *  bytes become U+FFFD), and fill info (may be NULL) with the parts split
 *  off. Steps: leading "digits + space" → payer_code; width folding
 *  (half-width katakana → full-width with ﾞ/ﾟ composed, full-width ASCII →
 *  ASCII), hiragana → katakana, Latin upper-cased, small kana → large,
 *  long vowel marks and dashes dropped; "(ｴｲ)"/"(ｼﾕﾂ)" and what follows →
 *  branch; company-type markers removed — `X)` at the start, `(X` at the
 *  end, `(X)` at either end, spelled-out and kanji/Chinese forms at either
 *  end, English CO.,LTD/INC/CORP/LLC at the end; a `(X)` or long form in
 *  the middle ends the key and starts the branch (ﾔﾏﾀﾞ(ｶ)ﾄｳｷﾖｳｼﾃﾝ → key
 *  ヤマダ, branch トウキヨウシテン); finally spaces and . , / ( ) ・ 「 」 、 。
 *  are removed. A voicing mark that composes with nothing is dropped.
 *  Linear in the input; allocates only for names over ~380 bytes. */
void kana_fold(const char *in, struct strbuf *key, struct kana_info *info);

#endif
