/* dunning_send: sending dunning letters, as the dunning command and D in
 * the panes both do — the letter of one level for a customer, built from
 * its statement on the letter's day and the level's template in the
 * customer's language (the user's own, else the built-in one), the level
 * a customer's next letter is at, and every letter sent logged as a
 * contact at its level in one transaction. Prints nothing. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_DUNNING_SEND_H
#define UR_SRC_STATEMENT_DUNNING_SEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "company.h"
#include "dunning.h"
#include "err.h"
#include "statement.h"

struct store;

/* One run: set st, company, templates and level, then letters. */
struct dunning_send {
	struct store *st;
	const struct company *company;
	const char *templates; /* the user's templates directory; NULL: none */
	int level;             /* of every letter (contact_level_letter) */
	/* state */
	char *tpl[STMT_LANGS], *tpl_name[STMT_LANGS];
	int64_t *sent_ids;     /* customers of the letters sent … */
	char **sent_notes;     /*   and their notes for the log */
	size_t nsent;
	size_t nagain;         /* of them, logged on that day already: not again */
	bool ja_sent;          /* a letter in Japanese among them */
};

/** The level of customer s's next letter on day (s built for that day):
 *  one above the step recorded since its oldest overdue invoice fell due —
 *  or that step's own, *again, when its letter was logged on day (printed
 *  twice that day is a reprint, not a step up). UR_INPUT, saying why, when
 *  nothing is overdue or that level has no letter (legal action, or past
 *  the last level). */
enum ur_status dunning_send_next(struct store *st, const struct statement *s, int32_t day,
				 int *level, bool *again, struct ur_err *err);

/** The letter at r->level for s (built for the letter's day, with overdue
 *  invoices: stmt_overdue_count), into *d (free with dunning_free). */
enum ur_status dunning_send_letter(struct dunning_send *r, const struct statement *s,
				   struct dunning_letter *d, struct ur_err *err);

/** The balance confirmation letter for s dated day (a run whose level is
 *  DUNNING_CONFIRM), into *d (free with dunning_free). */
enum ur_status dunning_send_confirm(struct dunning_send *r, const struct statement *s, int32_t day,
				    struct dunning_letter *d, struct ur_err *err);

/** Remember letter d as sent, for dunning_send_log. */
void dunning_send_sent(struct dunning_send *r, const struct dunning_letter *d);

/** Log every letter remembered as an outgoing letter at r->level on day,
 *  all or none, audited; the note names no level (the log names it in the
 *  reader's language), only the invoices: "2 × JPY 55,000". A customer
 *  whose letter at that level is in the log of that day already is not
 *  logged again (a reprint): counted in r->nagain. */
enum ur_status dunning_send_log(struct dunning_send *r, int32_t day, struct ur_err *err);

void dunning_send_free(struct dunning_send *r);

#endif
