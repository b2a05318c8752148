/* collate: the order customer names are listed in — Japanese names by
 * their reading (50音), Chinese names by pinyin, Latin names by letters —
 * as a byte string compared with strcmp, worked out once per customer.
 * The pinyin order is glibc's zh_CN collation, shipped in data/pinyin.txt,
 * so no zh_CN locale needs to be generated. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_COLLATE_H
#define UR_SRC_COLLATE_H

#include <stdint.h>

#include "strbuf.h"

/** Replace out with the sort key of a customer name, given its folded key
 *  (customer.kana_key: the reading when the customer has one, else the
 *  name, folded by kana_fold — katakana, Latin upper-cased, company types
 *  and punctuation gone). Digits and Latin letters sort first, then kana
 *  in 50音 order (a voiced kana right after its plain one), then Han
 *  characters in pinyin order; a character in none of these sorts by its
 *  code point before the Han. Not for display. */
void collate_name_key(const char *folded, struct strbuf *out);

/** The pinyin rank of Han character cp (1 = first, 吖), 0 when it has
 *  none. */
unsigned collate_pinyin_rank(uint32_t cp);

#endif
