/* demo_story: the contacts of the demo's late payers (demo_story.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "arconf.h"
#include "contact.h"
#include "demo_story.h"
#include "store_contact.h"

/* The notes, in the language of the customer's office (a Chinese customer
 * is chased by the Shanghai office). */
struct story_text {
	const char *broken, *promise, *open, *follow, *visit;
};

static const struct story_text story_ja = {
	"経理部長と電話。月末に全額振込との約束。",
	"担当者と電話。資金繰りが厳しく、来週に一部入金の約束。",
	"入金約束",
	"請求書の再送を依頼された。本日再度確認の電話をする。",
	"社長を訪問。支払計画を書面で出すよう依頼した。",
};

static const struct story_text story_zh = {
	"与财务经理通话，承诺月底前全额付款。",
	"与会计通话，资金紧张，承诺下周先付一部分。",
	"承诺付款",
	"客户要求重发发票，今天再打电话确认。",
	"拜访总经理，请其书面提交付款计划。",
};

static enum ur_status
story_add(struct store *st, int64_t cid, int32_t day, enum contact_channel ch, const char *note,
	  int32_t next, int32_t today, struct ur_err *err)
{
	struct contact c;

	memset(&c, 0, sizeof c);
	c.customer_id = cid;
	c.day = day;
	c.channel = ch;
	c.note = note;
	c.next_date = next;
	c.next_owner = CONTACT_ACCOUNTING;
	return store_contact_add(st, &c, today, NULL, err);
}

/* A call with a promise to pay amount on promise_date. */
static enum ur_status
story_promise(struct store *st, int64_t cid, int32_t day, int32_t promise_date, int64_t amount,
	      const char *note, const char *outcome, int32_t today, struct ur_err *err)
{
	struct contact c;

	memset(&c, 0, sizeof c);
	c.customer_id = cid;
	c.day = day;
	c.channel = CONTACT_PHONE;
	c.note = note;
	c.outcome = outcome;
	c.promise_date = promise_date;
	c.promise_amount = amount;
	c.next_date = promise_date + 1;
	c.next_owner = CONTACT_ACCOUNTING;
	return store_contact_add(st, &c, today, NULL, err);
}

/* The steps reached, one level at a time on the day each became due, and
 * after the first one a call whose promise was broken; the customer at the
 * third level has promised again (dunning paused), the one at the fourth
 * was visited; one at the first is to be called back today. */
enum ur_status
demo_story_log(struct store *st, int64_t cid, bool cny, int32_t oldest_due, int64_t overdue,
	       int32_t today, struct ur_err *err)
{
	const struct story_text *t = cny ? &story_zh : &story_ja;
	struct ar_settings s;
	int32_t late = today - oldest_due, step;
	enum ur_status rc = UR_OK;
	int level = 0;

	arconf_default(&s); /* the demo tells the same story whatever the user's config says */
	while (level < ARCONF_LEVELS && late >= s.dunning_days[level])
		level++;
	for (int l = 1; l <= level && rc == UR_OK; l++) {
		step = oldest_due + s.dunning_days[l - 1] + 1;
		if (step > today)
			step = today;
		rc = store_dunning_move(st, cid, l, step, NULL, NULL, err);
		if (rc == UR_OK && l == 1 && level >= 2 && step + 10 < today)
			rc = story_promise(st, cid, step + 3, step + 10, overdue, t->broken,
					   t->open, today, err);
	}
	if (rc != UR_OK)
		return rc;
	if (level == 1)
		return story_add(st, cid, today - 2, CONTACT_PHONE, t->follow, today, today, err);
	if (level == 3)
		return story_promise(st, cid, today - 3, today + 5, overdue / 2, t->promise,
				     t->open, today, err);
	if (level == 4)
		return story_add(st, cid, today - 5, CONTACT_VISIT, t->visit, today + 7, today, err);
	return UR_OK;
}
