/* dunning_send: the letters of a run and their contacts (see
 * dunning_send.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "dunning_send.h"
#include "i18n.h"
#include "render.h"
#include "stmt_build.h"
#include "store.h"
#include "store_contact.h"
#include "store_statement.h"
#include "xalloc.h"

/* The oldest due date of s still dunned for (0: none). */
static int32_t
oldest_overdue(const struct statement *s)
{
	int32_t due = 0;

	for (size_t i = 0; i < s->nitems; i++)
		if (contact_dunnable(s->items[i].days_late, s->items[i].disputed) &&
		    (!due || s->items[i].due < due))
			due = s->items[i].due;
	return due;
}

enum ur_status
dunning_send_next(struct store *st, const struct statement *s, int32_t day, int *level,
		  bool *again, struct ur_err *err)
{
	int32_t since = oldest_overdue(s);
	struct strbuf letters;
	int recorded;

	*level = 0;
	*again = false;
	if (!since)
		return ur_fail(err, UR_INPUT, _("%s: nothing is overdue, no letter"), s->code);
	if (store_statement_level(st, s->cust_id, since, day, &recorded, err) != UR_OK ||
	    (contact_level_letter(recorded) &&
	     store_statement_letter_logged(st, s->cust_id, recorded, day, again, err) != UR_OK))
		return err->status;
	*level = *again ? recorded : recorded + 1;
	if (contact_level_letter(*level))
		return UR_OK;
	sb_init(&letters);
	contact_level_list(true, &letters);
	if (*level > ARCONF_LEVELS)
		ur_fail(err, UR_INPUT, _("%s is at the last dunning level, %d %s: no letter follows "
					 "(letters go with %s)"),
			s->code, recorded, contact_level_name(recorded), letters.buf);
	else
		ur_fail(err, UR_INPUT, _("%s: the next dunning level, %d %s, has no letter (letters "
					 "go with %s)"),
			s->code, *level, contact_level_name(*level), letters.buf);
	sb_free(&letters);
	return UR_INPUT;
}

enum ur_status
dunning_send_letter(struct dunning_send *r, const struct statement *s,
		    struct dunning_letter *d, struct ur_err *err)
{
	enum stmt_lang lang = s->lang;

	memset(d, 0, sizeof *d);
	if (!stmt_overdue_count(s))
		return ur_fail(err, UR_INPUT, _("%s: nothing is overdue, no letter"), s->code);
	if (!r->tpl[lang] && dunning_template(r->level, lang, r->templates, &r->tpl[lang],
					      &r->tpl_name[lang], err) != UR_OK)
		return err->status;
	return dunning_build(r->tpl[lang], r->tpl_name[lang], s, r->company, r->level, d, err);
}

enum ur_status
dunning_send_confirm(struct dunning_send *r, const struct statement *s, int32_t day,
		     struct dunning_letter *d, struct ur_err *err)
{
	enum stmt_lang lang = s->lang;

	memset(d, 0, sizeof *d);
	if (!r->tpl[lang] && dunning_template(DUNNING_CONFIRM, lang, r->templates, &r->tpl[lang],
					      &r->tpl_name[lang], err) != UR_OK)
		return err->status;
	return confirm_build(r->tpl[lang], r->tpl_name[lang], s, r->company, day, d, err);
}

void
dunning_send_sent(struct dunning_send *r, const struct dunning_letter *d)
{
	char m[RENDER_MONEY_SIZE];
	struct strbuf note;

	render_money(d->total, d->s->currency, STMT_EN, m);
	sb_init(&note);
	/* no words: the log shows the level's name in the reader's language */
	sb_addf(&note, "%zu × %s %s", d->count, d->s->currency, m);
	r->sent_ids = xrealloc(r->sent_ids, (r->nsent + 1) * sizeof *r->sent_ids);
	r->sent_notes = xrealloc(r->sent_notes, (r->nsent + 1) * sizeof *r->sent_notes);
	r->sent_ids[r->nsent] = d->s->cust_id;
	r->sent_notes[r->nsent++] = sb_detach(&note);
	sb_free(&note);
	r->ja_sent |= d->lang == STMT_JA;
}

enum ur_status
dunning_send_log(struct dunning_send *r, int32_t day, struct ur_err *err)
{
	struct contact c;
	bool logged;

	r->nagain = 0;
	if (!r->nsent)
		return UR_OK;
	if (store_begin(r->st, err) != UR_OK)
		return err->status;
	for (size_t i = 0; i < r->nsent; i++) {
		if (store_statement_letter_logged(r->st, r->sent_ids[i], r->level, day, &logged,
						  err) != UR_OK) {
			store_rollback(r->st);
			return err->status;
		}
		if (logged) {
			r->nagain++;
			continue;
		}
		memset(&c, 0, sizeof c);
		c.customer_id = r->sent_ids[i];
		c.day = day;
		c.channel = CONTACT_LETTER;
		c.note = r->sent_notes[i];
		c.dunning_level = r->level;
		if (store_contact_add(r->st, &c, day, NULL, err) != UR_OK) {
			store_rollback(r->st);
			return err->status;
		}
	}
	return store_commit(r->st, err);
}

void
dunning_send_free(struct dunning_send *r)
{
	for (int i = 0; i < STMT_LANGS; i++) {
		free(r->tpl[i]);
		free(r->tpl_name[i]);
	}
	for (size_t i = 0; i < r->nsent; i++)
		free(r->sent_notes[i]);
	free(r->sent_notes);
	free(r->sent_ids);
	memset(r, 0, sizeof *r);
}
