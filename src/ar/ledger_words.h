/* ledger_words: a deposit's state and an allocation's kind as enums. Each
 * list is written once, as an X-macro of (value, stored word, label) —
 * tig's DEFINE_ENUM — and the enum, the words the database stores and the
 * translated labels are generated from it. The stored words are those of
 * the schema's CHECK lists (data/schema.sql) and never change; code outside
 * the store compares enums, not strings. An allocation's kind is shown to
 * no clerk as a word, so its label is NULL until a pane needs one. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_LEDGER_WORDS_H
#define UR_SRC_LEDGER_WORDS_H

#include <stdbool.h>

#include "i18n.h"

#define DEPOSIT_STATES(X)                                     \
	X(DEPOSIT_UNMATCHED, "unmatched", N_("unmatched"))    \
	X(DEPOSIT_MATCHED, "matched", N_("matched"))          \
	X(DEPOSIT_PARTIAL, "partial", N_("partial"))          \
	X(DEPOSIT_PARKED, "parked", N_("parked"))             \
	X(DEPOSIT_REVERSED, "reversed", N_("reversed"))

/* auto: booked by the auto-match rule; manual: confirmed by a clerk (and
 * so it teaches the payer's alias). */
#define ALLOC_KINDS(X)                               \
	X(ALLOC_AUTO, "auto", N_("auto-matched"))    \
	X(ALLOC_MANUAL, "manual", N_("by hand"))

#define LEDGER_ENUM_VALUE(value, word, label) value,
enum deposit_state { DEPOSIT_STATES(LEDGER_ENUM_VALUE) };
enum alloc_kind { ALLOC_KINDS(LEDGER_ENUM_VALUE) };
#undef LEDGER_ENUM_VALUE

/** The word the database stores for s ("unmatched" …). */
const char *deposit_state_word(enum deposit_state s);
/** s for the clerk, translated. */
const char *deposit_state_label(enum deposit_state s);
/** The state stored as word into *out; false (out untouched) if none is. */
bool deposit_state_parse(const char *word, enum deposit_state *out);

/** The word the database stores for k ("auto", "manual"). */
const char *alloc_kind_word(enum alloc_kind k);
/** The kind stored as word into *out; false (out untouched) if none is. */
bool alloc_kind_parse(const char *word, enum alloc_kind *out);
/** A stored deposit state or allocation kind for the clerk, translated;
 *  another word as it is. */
const char *ledger_word_label(const char *word);

/* A movement of a customer's account, as a statement lists it. */
enum ledger_move_kind {
	LEDGER_MOVE_INVOICE = 'I',    /* an invoice issued in the period */
	LEDGER_MOVE_PAYMENT = 'P',    /* cash applied (negative: an undone one) */
	LEDGER_MOVE_ADJUSTMENT = 'A', /* write-off or credit note (or its undoing) */
	LEDGER_MOVE_REFUND = 'R',     /* money on account paid back (negative: undone) */
};

#endif
