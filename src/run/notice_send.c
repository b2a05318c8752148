/* notice_send: the store's part of a payment notice (see notice_send.h):
 * what is open on the invoices, the template, the contact log. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "match.h"
#include "notice_send.h"
#include "store_contact.h"

/* What is still open on p's invoices, less the fees p accepts. */
static enum ur_status
billed_open(struct store *st, const struct match_proposal *p, int64_t *billed,
	    struct ur_err *err)
{
	struct invoice inv;
	int64_t open;
	enum ur_status rc;

	*billed = 0;
	for (int i = 0; i < p->nlines; i++) {
		if ((rc = store_invoice_get(st, p->line[i].number, &inv, &open, err)) != UR_OK)
			return rc;
		*billed += open - notice_fee(p, i);
	}
	return UR_OK;
}

enum ur_status
notice_difference_load(struct store *st, const struct match_deposit *d,
		       const struct match_proposal *p, int32_t today, struct customer *c,
		       struct notice_facts *f, struct ur_err *err)
{
	enum ur_status rc;

	memset(c, 0, sizeof *c);
	if (p && (rc = store_customer_get(st, p->customer_code, c, err)) != UR_OK)
		return rc;
	notice_difference_facts(f, d, p, p ? c : NULL, today);
	if (!p)
		return UR_OK;
	if ((rc = billed_open(st, p, &f->billed, err)) != UR_OK)
		return rc;
	f->action = f->billed && f->received < f->billed ? NOTICE_EXPECT : NOTICE_KEEP;
	return UR_OK;
}

enum ur_status
notice_make(const struct notice_facts *f, const char *templates, const struct company *co,
	    struct notice *n, struct ur_err *err)
{
	char *text = NULL, *name = NULL;
	enum ur_status rc;

	memset(n, 0, sizeof *n);
	rc = notice_template(f->kind, notice_lang(f), templates, &text, &name, err);
	if (rc == UR_OK)
		rc = notice_build(text, name, f, co, n, err);
	free(text);
	free(name);
	return rc;
}

int32_t
notice_follow_up(const struct notice_facts *f, int32_t today)
{
	if (f->kind != NOTICE_DIFFERENCE)
		return 0;
	return f->action == NOTICE_EXPECT ? f->by : today + NOTICE_FOLLOW_UP_DAYS;
}

enum ur_status
notice_log(struct store *st, const struct notice *n, const struct notice_facts *f,
	   int64_t customer_id, int32_t today, struct ur_err *err)
{
	struct contact ct = { 0 };
	char note[512];

	snprintf(note, sizeof note, "%s (%s)", n->letter.title,
		 f->deposit && *f->deposit ? f->deposit : "-");
	ct.customer_id = customer_id;
	ct.channel = CONTACT_LETTER;
	ct.note = note;
	ct.next_date = notice_follow_up(f, today);
	return store_contact_add(st, &ct, today, NULL, err);
}
