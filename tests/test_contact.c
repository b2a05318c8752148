/* test_contact: the contact log against hand-computed cases — promises kept
 * and broken (partial payment before the date, payment after it, payment
 * in full), the worklist for a day, dunning levels crossed, the pause a
 * promise gives, moving a level, the worklist from aging rows a pane
 * shares (left as they were), a balance dispute's items and a dispute
 * closed meanwhile — and the pure rules of contact.c and dispute.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arconf.h"
#include "contact.h"
#include "date.h"
#include "dispute.h"
#include "store.h"
#include "store_confirm.h"
#include "store_contact.h"
#include "store_custstats.h"
#include "tap.h"
#include "testutil.h"
#include "test_store.h"

static int64_t
ct_cust(struct store *st, const char *code)
{
	struct customer c;
	struct ur_err err;

	ts_customer(st, code, code, NULL);
	return store_customer_get(st, code, &c, &err) == UR_OK ? c.id : 0;
}

static void
ct_pay(struct store *st, const char *ref, int64_t cid, const char *number, int64_t amount,
       const char *date)
{
	struct deposit d = { .acct_bank = "0001", .acct_branch = "001",
			     .booking_date = tu_day(date), .value_date = tu_day(date), .amount = amount,
			     .currency = "JPY", .payer.payer_name = "TEST", .reference = ref,
			     .payer.acct_number = "1111111" };
	struct allocation a = { .customer_id = cid, .amount = amount, .kind = ALLOC_MANUAL,
				.alloc_date = tu_day(date) };
	struct invoice inv;
	enum store_upsert what;
	struct ur_err err;
	int64_t id, open;

	if (store_invoice_get(st, number, &inv, &open, &err) == UR_OK)
		a.invoice_id = inv.id;
	if (store_deposit_insert(st, &d, &a.deposit_id, &what, &err) != UR_OK ||
	    store_allocation_insert(st, &a, &id, &err) != UR_OK)
		tap_diag("pay %s: %s", number, err.msg);
}

/* Record a contact on date; promise (0: none) by pdate; next action. */
static int64_t
ct_say(struct store *st, int64_t cid, const char *date, const char *pdate, int64_t amount,
       const char *next, enum contact_owner owner)
{
	struct contact c = { .customer_id = cid, .day = tu_day(date), .channel = CONTACT_PHONE,
			     .note = "電話しました", .promise_date = pdate ? tu_day(pdate) : 0,
			     .promise_amount = amount, .next_date = next ? tu_day(next) : 0,
			     .next_owner = owner };
	struct ur_err err;
	int64_t id = 0;

	if (store_contact_add(st, &c, tu_day("2026-03-31"), &id, &err) != UR_OK)
		tap_diag("contact: %s", err.msg);
	return id;
}

static void
ct_fixture(struct store *st, int64_t *id)
{
	static const char *const codes[] = { "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y" };
	struct ur_err err;

	for (int i = 0; i < 10; i++)
		id[i] = ct_cust(st, codes[i]);
	ts_invoice(st, "P1", "P", "2026-01-01", "2026-01-31", 100000, NULL);
	ts_invoice(st, "Q1", "Q", "2026-02-01", "2026-02-28", 80000, NULL);
	ts_invoice(st, "R1", "R", "2026-02-01", "2026-02-28", 60000, NULL);
	ts_invoice(st, "S1", "S", "2025-12-15", "2026-01-15", 40000, NULL);
	ts_invoice(st, "T1", "T", "2025-12-29", "2026-01-29", 30000, NULL);
	ts_invoice(st, "U1", "U", "2026-02-20", "2026-03-20", 10000, NULL);
	ts_invoice(st, "Y1", "Y", "2026-02-01", "2026-03-01", 5000, NULL);
	ct_say(st, id[0], "2026-03-01", "2026-03-20", 100000, NULL, 0);
	ct_pay(st, "D1", id[0], "P1", 50000, "2026-03-10");
	ct_say(st, id[1], "2026-03-05", "2026-03-25", 80000, NULL, 0);
	ct_pay(st, "D2", id[1], "Q1", 80000, "2026-03-28");
	ct_say(st, id[2], "2026-03-02", "2026-03-15", 60000, NULL, 0);
	ct_pay(st, "D3", id[2], "R1", 60000, "2026-03-14");
	ct_say(st, id[3], "2026-03-10", "2026-04-15", 40000, NULL, 0);
	if (store_dunning_move(st, id[4], 1, tu_day("2026-02-10"), NULL, NULL, &err) != UR_OK)
		tap_diag("dunning: %s", err.msg);
	ct_say(st, id[4], "2026-03-20", NULL, 0, "2026-03-31", CONTACT_SALES);
	ct_say(st, id[5], "2026-03-25", "2026-03-31", 10000, NULL, 0);
	ct_say(st, id[6], "2026-03-15", NULL, 0, "2026-03-25", CONTACT_ACCOUNTING);
	ct_say(st, id[7], "2026-03-10", NULL, 0, "2026-03-20", CONTACT_SALES);
	ct_say(st, id[7], "2026-03-22", NULL, 0, NULL, 0);
	ct_say(st, id[8], "2026-03-01", "2026-03-10", 5000, NULL, 0);
	ct_say(st, id[8], "2026-03-12", NULL, 0, NULL, 0);
	if (store_dunning_move(st, id[9], 3, tu_day("2025-12-01"), "前回", NULL, &err) != UR_OK)
		tap_diag("dunning: %s", err.msg);
}

/* The worklist as text: "K:CODE:date:amount:paid[:level/recorded]" lines. */
static int
ct_line(const struct worklist_item *w, void *ctx)
{
	static const char kinds[] = "FDBL";
	char d[DATE_ISO_SIZE];

	date_format_iso(w->date, d);
	sb_addf(ctx, "%c:%s:%s:%lld:%lld", kinds[w->kind], w->customer, d, (long long)w->amount,
		(long long)w->paid);
	if (w->kind == WORK_DUNNING)
		sb_addf(ctx, ":%d/%d:%d", w->level, w->recorded_level, w->days_overdue);
	if (w->kind == WORK_FOLLOW_UP)
		sb_addf(ctx, ":%s", w->owner);
	sb_addc(ctx, '\n');
	return 0;
}

static void
ct_worklist(struct store *st, const struct ar_settings *s, const char *date, struct strbuf *out)
{
	struct ur_err err;

	sb_reset(out);
	if (store_contact_worklist(st, s, tu_day(date), ct_line, out, &err) != UR_OK)
		tap_diag("worklist: %s", err.msg);
}

/* The newest timeline entry, its strings copied (valid during the call only). */
struct ct_seen {
	struct contact_entry e;
	char owner[16], channel[16], direction[8];
};

static int
ct_first(const struct contact_entry *e, void *ctx)
{
	struct ct_seen *seen = ctx;

	seen->e = *e;
	snprintf(seen->owner, sizeof seen->owner, "%s", e->next_owner);
	snprintf(seen->channel, sizeof seen->channel, "%s", e->channel);
	snprintf(seen->direction, sizeof seen->direction, "%s", e->direction);
	return 1;
}

static void
test_promises(struct store *st, const int64_t *id)
{
	static const struct {
		int who;
		enum contact_promise state;
		int64_t paid;
		const char *what;
	} cases[] = {
		{ 0, CONTACT_PROMISE_BROKEN, 50000, "P: half paid before the date: broken" },
		{ 1, CONTACT_PROMISE_BROKEN, 0, "Q: paid in full after the date: broken" },
		{ 2, CONTACT_PROMISE_KEPT, 60000, "R: paid in full before the date: kept" },
		{ 3, CONTACT_PROMISE_PENDING, 0, "S: date not reached: pending" },
	};
	struct ct_seen seen;
	struct ur_err err;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&seen, 0, sizeof seen);
		store_contact_timeline(st, id[cases[i].who], tu_day("2026-03-31"), ct_first, &seen,
				       &err);
		tap_is_int(seen.e.promise_state, cases[i].state, "%s", cases[i].what);
		tap_is_int(seen.e.promise_paid, cases[i].paid, "%s (paid)", cases[i].what);
	}
	memset(&seen, 0, sizeof seen);
	store_contact_timeline(st, id[0], tu_day("2026-03-15"), ct_first, &seen, &err);
	tap_is_int(seen.e.promise_state, CONTACT_PROMISE_PENDING, "P on 03-15: still pending");
	memset(&seen, 0, sizeof seen);
	store_contact_timeline(st, id[4], tu_day("2026-03-31"), ct_first, &seen, &err);
	tap_ok(seen.e.next_date == tu_day("2026-03-31") && !strcmp(seen.owner, "sales") &&
		       !strcmp(seen.channel, "phone") && !strcmp(seen.direction, "out"),
	       "T's timeline starts with the 03-20 call");
	tap_is_int(seen.e.day, tu_day("2026-03-20"), "… and carries the day it was recorded");
}

static void
test_worklist(struct store *st, const struct ar_settings *s, const int64_t *id)
{
	struct strbuf out;
	struct ur_err err;

	sb_init(&out);
	/* Owed nothing: an overdue credit note alone, or overdue 5,000 under a
	 * larger credit not yet due — no dunning level is crossed. */
	ct_cust(st, "ZA");
	ts_invoice(st, "ZA1", "ZA", "2026-01-01", "2026-01-31", -1000, NULL);
	ct_cust(st, "ZB");
	ts_invoice(st, "ZB1", "ZB", "2026-01-01", "2026-01-31", 5000, NULL);
	ts_invoice(st, "ZB2", "ZB", "2026-03-20", "2026-04-30", -8000, NULL);
	ct_worklist(st, s, "2026-03-31", &out);
	tap_is_str(out.buf,
		   "F:V:2026-03-25:0:0:accounting\n"
		   "F:T:2026-03-31:0:0:sales\n"
		   "D:U:2026-03-31:10000:0\n"
		   "B:P:2026-03-20:100000:50000\n"
		   "B:Q:2026-03-25:80000:0\n"
		   "L:P:2026-01-31:50000:0:1/0:59\n"
		   "L:T:2026-01-29:30000:0:2/1:61\n"
		   "L:Y:2026-03-01:5000:0:1/0:30\n",
		   "worklist for 2026-03-31: dunning one level up, the largest amount first");
	ct_worklist(st, s, "2026-03-20", &out);
	tap_ok(strstr(out.buf, "D:P:2026-03-20:100000:50000\n") != NULL,
	       "03-20: P's promise falls due, half paid");
	tap_ok(strstr(out.buf, "B:P") == NULL, "03-20: P not broken yet");
	tap_ok(strstr(out.buf, "L:S") == NULL && strstr(out.buf, "L:U") == NULL,
	       "03-20: S is paused by its promise; U is not overdue yet");
	tap_ok(strstr(out.buf, "B:X") == NULL, "X's broken promise was followed up");
	tap_is_int(store_dunning_move(st, id[4], 3, tu_day("2026-03-31"), NULL, NULL, &err), UR_OK,
		   "move T to level 3");
	ct_worklist(st, s, "2026-03-31", &out);
	tap_ok(strstr(out.buf, "L:T") == NULL, "T no longer crosses a level");
	tap_ok(strstr(out.buf, "F:T") == NULL, "the move supersedes T's follow-up");
	sb_free(&out);
}

/* DS disputes its older overdue invoice in a balance confirmation. */
static void
ct_dispute(struct store *st)
{
	int64_t cid = ct_cust(st, "DS"), id;
	struct confirm_send c = { cid, tu_day("2026-03-02"), tu_day("2026-02-28"), 7000, "JPY",
				  "confirmation", "printed", "-" };
	struct dispute_item item = { DISPUTE_INVOICE, "DS1", 0, NULL };
	struct ur_err err;

	ts_invoice(st, "DS1", "DS", "2025-12-10", "2026-01-10", 4000, NULL);
	ts_invoice(st, "DS2", "DS", "2026-01-20", "2026-02-20", 3000, NULL);
	if (store_confirm_send(st, &c, &id, &err) != UR_OK ||
	    store_confirm_answer(st, cid, tu_day("2026-03-10"), false, 3000, "DS1 not ours",
				 &err) != UR_OK ||
	    store_confirm_resolve(st, cid, 0, tu_day("2026-03-10"), &item, 1, false, &err) != UR_OK)
		tap_diag("dispute: %s", err.msg);
}

/* The worklist from today's aging rows shared with a pane: the same as
 * from rows of its own, and the rows (the disputed customer's among
 * them) are left as the pane has them. */
static void
test_worklist_shared(struct store *st, const struct ar_settings *s)
{
	struct ar_set own, shared;
	struct strbuf out, want;
	struct ur_err err;
	char *before;

	sb_init(&out);
	sb_init(&want);
	ct_dispute(st);
	ct_worklist(st, s, "2026-03-31", &want);
	tap_ok(strstr(want.buf, "L:DS:2026-02-20:3000:0:1/0:39\n") != NULL,
	       "DS is dunned for DS2 alone: DS1 is disputed");
	ar_set_init(&own, s, tu_day("2026-03-31"), false);
	if (store_ar_rows(st, &own, &err) != UR_OK)
		tap_diag("rows: %s", err.msg);
	ar_set_share(&own, &shared);
	before = malloc(own.n * own.stride + 1);
	memcpy(before, own.rows, own.n * own.stride);
	if (store_contact_worklist_rows(st, s, &shared, ct_line, &out, &err) != UR_OK)
		tap_diag("worklist: %s", err.msg);
	tap_is_str(out.buf, want.buf, "the worklist from shared rows is the worklist");
	tap_ok(memcmp(before, own.rows, own.n * own.stride) == 0,
	       "the shared rows are left as they were (DS's oldest item DS1)");
	free(before);
	ar_set_free(&own);
	tap_is_int(ar_set_first(&shared, ar_set_at(&shared, 0)->customer_id) != NULL, 1,
		   "the rows outlive the set they were loaded into");
	ar_set_free(&shared);
	sb_free(&out);
	sb_free(&want);
}

/* A log line's head: a dunning step in the reader's language, once. */
static void
test_entry_head(void)
{
	bool note;

	tap_is_str(contact_entry_head(2, "督促状", "督促状", &note), "Demand letter",
		   "a step recorded in Japanese reads in the reader's language");
	tap_ok(!note, "… and its note, the same words, is not repeated");
	tap_is_str(contact_entry_head(2, "督促状", "電話でも伝えた", &note), "Demand letter",
		   "a step with a note of its own");
	tap_ok(note, "… shows the note");
	tap_is_str(contact_entry_head(0, "promised", "call back", &note), "promised",
		   "a call: its outcome");
	tap_ok(note, "… and its note");
	tap_is_str(contact_entry_head(0, "", "call back", &note), "", "no outcome: nothing");
}

static void
test_rules(void)
{
	struct ar_settings s;
	enum contact_channel ch;
	enum contact_owner o;

	arconf_default(&s);
	tap_is_int(contact_promise_state(tu_day("2026-03-20"), 1000, 999, tu_day("2026-03-21")),
		   CONTACT_PROMISE_BROKEN, "999 of 1,000 the day after: broken");
	tap_is_int(contact_promise_state(tu_day("2026-03-20"), 1000, 999, tu_day("2026-03-20")),
		   CONTACT_PROMISE_PENDING, "on the day itself: pending");
	tap_is_int(contact_promise_state(tu_day("2026-03-20"), 1000, 1200, tu_day("2026-04-01")),
		   CONTACT_PROMISE_KEPT, "overpaid: kept");
	tap_is_int(contact_level_due(&s, 6), 0, "6 days: no level");
	tap_is_int(contact_level_due(&s, 7), 1, "7 days: reminder");
	tap_is_int(contact_level_due(&s, 90), 4, "90 days: legal");
	tap_is_int(contact_level_crossed(&s, 45, 1, 23, 0, tu_day("2026-03-31")), 2,
		   "45 days at 1, the reminder 23 days old: to 2");
	tap_is_int(contact_level_crossed(&s, 45, 1, 22, 0, tu_day("2026-03-31")), 0,
		   "the reminder 22 days old has not had its time (30 - 7 days)");
	tap_is_int(contact_level_crossed(&s, 45, 2, 99, 0, tu_day("2026-03-31")), 0, "already at 2");
	tap_is_int(contact_level_crossed(&s, 400, 0, 400, 0, tu_day("2026-03-31")), 1,
		   "400 days at none: the reminder first, never straight to legal action");
	tap_is_int(contact_level_crossed(&s, 400, 2, 30, 0, tu_day("2026-03-31")), 3,
		   "400 days at 2: one level up, to 3");
	tap_is_int(contact_level_crossed(&s, 400, 3, 0, 0, tu_day("2026-03-31")), 0,
		   "certified letter sent today: legal action waits its 30 days");
	tap_is_int(contact_level_crossed(&s, 45, 1, 23, tu_day("2026-03-31"), tu_day("2026-03-31")),
		   0, "promise due today pauses");
	tap_is_int(contact_level_crossed(&s, 45, 1, 23, tu_day("2026-03-30"), tu_day("2026-03-31")),
		   2, "promise past resumes");
	tap_ok(contact_channel_parse("e-mail", &ch) && ch == CONTACT_EMAIL, "e-mail");
	tap_ok(!contact_channel_parse("fax", &ch), "fax is no channel");
	tap_ok(contact_owner_parse("accounting", &o) && o == CONTACT_ACCOUNTING, "owner");
	tap_ok(!contact_owner_parse("boss", &o), "unknown owner");
	test_entry_head();
}

static void
test_rejects(struct store *st, int64_t cid)
{
	struct contact c = { .customer_id = cid, .channel = CONTACT_PHONE, .note = "" };
	struct ur_err err;

	tap_is_int(store_contact_add(st, &c, tu_day("2026-03-31"), NULL, &err), UR_INPUT, "no note");
	tap_is_str(err.msg, "a contact needs a note", "message");
	c.note = "x";
	c.promise_date = tu_day("2026-03-30");
	c.promise_amount = 100;
	tap_is_int(store_contact_add(st, &c, tu_day("2026-03-31"), NULL, &err), UR_INPUT,
		   "promise dated before the call");
	c.promise_date = tu_day("2026-04-30");
	c.promise_amount = 0;
	tap_is_int(store_contact_add(st, &c, tu_day("2026-03-31"), NULL, &err), UR_INPUT,
		   "promise without an amount");
	c.promise_date = 0;
	c.note = "call \x1b[2Jback"; /* a note from $EDITOR in the form, say */
	tap_is_int(store_contact_add(st, &c, tu_day("2026-03-31"), NULL, &err), UR_INPUT,
		   "an escape sequence in the note");
	tap_is_str(err.msg, "note: control character U+001B is not allowed", "message");
	c.note = "line one\nline two";
	c.outcome = "bell\a";
	tap_is_int(store_contact_add(st, &c, tu_day("2026-03-31"), NULL, &err), UR_INPUT,
		   "a control character in the outcome (the note's line break is fine)");
	tap_is_str(err.msg, "outcome: control character U+0007 is not allowed", "message");
	c.outcome = NULL;
	c.customer_id = 99999;
	tap_is_int(store_contact_add(st, &c, tu_day("2026-03-31"), NULL, &err), UR_INPUT,
		   "unknown customer");
	tap_is_str(err.msg, "no such customer", "message");
}

/* The rules of an item from the clerk's words (dispute.c), shared by
 * `confirm resolve` and pane 3's form. */
static void
test_dispute_words(void)
{
	struct dispute_item it;
	struct ur_err err;

	tap_is_int(dispute_item_make(DISPUTE_UNRECEIVED, NULL, "1,234", "在途", "JPY", &it, &err),
		   UR_OK, "a payment not received: its amount");
	tap_is_int((int)it.amount, 1234, "... in minor units");
	tap_is_int(dispute_item_make(DISPUTE_INVOICE, "I-1", NULL, NULL, "JPY", &it, &err), UR_OK,
		   "an invoice without an amount");
	tap_is_int((int)it.amount, 0, "... explains its open amount (0)");
	tap_is_int(dispute_item_make(DISPUTE_CREDIT_NOTE, NULL, "", "x", "JPY", &it, &err), UR_INPUT,
		   "a credit note needs an amount");
	tap_is_int(dispute_item_make(DISPUTE_OTHER, NULL, "5", "", "JPY", &it, &err), UR_INPUT,
		   "another amount needs a note");
	tap_is_int(dispute_item_make(DISPUTE_NOTE, NULL, NULL, "", "JPY", &it, &err), UR_INPUT,
		   "an empty note is no item");
	tap_is_int(dispute_item_make(DISPUTE_UNRECEIVED, NULL, "12.5", NULL, "JPY", &it, &err),
		   UR_INPUT, "yen have no decimals");
}

/* DS's dispute (ct_dispute: DS1 named) as the form loads it, closed, then
 * an item for it from a form opened before: a conflict, nothing written. */
static void
test_dispute_closed_meanwhile(struct store *st, const char *path)
{
	int64_t cid = ct_cust(st, "DS");
	struct dispute_item note = { DISPUTE_NOTE, NULL, 0, "late" };
	struct dispute d;
	struct ur_err err;

	tap_is_int(dispute_load(st, cid, &d, &err), UR_OK, "DS's dispute loads");
	tap_is_int((int)d.difference, 4000, "... ours 7000 less theirs 3000");
	tap_ok(d.nnamed == 1 && strcmp(d.named[0].invoice, "DS1") == 0 &&
		       d.named[0].amount == 4000, "... DS1 named, its open 4000");
	tap_ok(d.nopen == 1 && strcmp(d.open[0].number, "DS2") == 0,
	       "... DS2 the only invoice left to name");
	tap_is_int(store_confirm_resolve(st, cid, 0, tu_day("2026-03-31"), NULL, 0, true, &err),
		   UR_OK, "another clerk closes it");
	tap_is_int(store_confirm_resolve(st, cid, d.confirmation_id, tu_day("2026-03-31"), &note,
					 1, false, &err),
		   UR_CONFLICT, "a note for the dispute shown: a conflict");
	tap_ok(strstr(err.msg, "closed meanwhile") != NULL, "... saying so: %s", err.msg);
	tap_is_int(ts_q1(path, "SELECT count(*) FROM dispute_item"), 1, "... nothing written");
	dispute_free(&d);
	tap_is_int(dispute_load(st, cid, &d, &err), UR_INPUT, "no dispute open to load");
	tap_is_str(err.msg, "DS: no dispute is open (resolved)", "... saying its state");
	dispute_free(&d);
}

TAP_SUITE(contact)
{
	struct store *st;
	struct ur_err err;
	struct ar_settings s;
	char path[512];
	int64_t id[10];

	test_rules();
	ts_db(path, sizeof path, "contact.db");
	if (store_open(&st, path, "fumi", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	arconf_default(&s);
	ct_fixture(st, id);
	test_promises(st, id);
	test_worklist(st, &s, id);
	test_worklist_shared(st, &s);
	test_dispute_words();
	test_dispute_closed_meanwhile(st, path);
	test_rejects(st, id[0]);
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE entity LIKE 'contact%'"), 14,
		   "every contact audited");
	store_close(st);
}
