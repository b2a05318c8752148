/* ledger_words: the stored words and labels of the ledger's enums (see
 * ledger_words.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ledger_words.h"

#define LEDGER_WORD(value, word, label) word,
#define LEDGER_LABEL(value, word, label) label,

/* name_word and name_parse for the enum type listed by LIST. */
#define LEDGER_ENUM_WORDS(name, type, LIST)                                   \
	static const char *const name##_words[] = { LIST(LEDGER_WORD) };      \
	const char *name##_word(type v)                                       \
	{                                                                     \
		return name##_words[v];                                       \
	}                                                                     \
	bool name##_parse(const char *word, type *out)                        \
	{                                                                     \
		for (size_t i = 0; i < sizeof name##_words / sizeof *name##_words; i++) \
			if (strcmp(word, name##_words[i]) == 0) {             \
				*out = (type)i;                               \
				return true;                                  \
			}                                                     \
		return false;                                                 \
	}

LEDGER_ENUM_WORDS(deposit_state, enum deposit_state, DEPOSIT_STATES)
LEDGER_ENUM_WORDS(alloc_kind, enum alloc_kind, ALLOC_KINDS)

static const char *const deposit_state_labels[] = { DEPOSIT_STATES(LEDGER_LABEL) };

static const char *const alloc_kind_labels[] = { ALLOC_KINDS(LEDGER_LABEL) };

const char *
deposit_state_label(enum deposit_state s)
{
	return _(deposit_state_labels[s]);
}

const char *
ledger_word_label(const char *word)
{
	enum deposit_state s;
	enum alloc_kind k;

	if (deposit_state_parse(word, &s))
		return deposit_state_label(s);
	return alloc_kind_parse(word, &k) ? _(alloc_kind_labels[k]) : word;
}
