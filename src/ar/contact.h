/* contact: the contact log's domain — a recorded contact (call, e-mail,
 * letter, visit, SMS) with its promise to pay and next action, the rules
 * that decide whether a promise was kept or broken, and dunning levels
 * (reminder → 督促状 → 内容証明 → legal) reached by days overdue, paused
 * by an open promise. No I/O: the store feeds it facts. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_CONTACT_H
#define UR_SRC_CONTACT_H

#include <stdbool.h>
#include <stdint.h>

#include "arconf.h"
#include "err.h"
#include "rating.h"
#include "strbuf.h"

enum contact_channel {
	CONTACT_PHONE,
	CONTACT_EMAIL,
	CONTACT_LETTER,
	CONTACT_VISIT,
	CONTACT_SMS,
	CONTACT_CHANNELS
};

enum contact_owner { CONTACT_OWNER_NONE, CONTACT_SALES, CONTACT_ACCOUNTING };

/* Dunning levels: 0 none, then ARCONF_LEVELS steps. */
enum contact_level {
	CONTACT_LEVEL_NONE,
	CONTACT_LEVEL_REMINDER, /* お支払いのお願い / friendly reminder */
	CONTACT_LEVEL_DEMAND,   /* 督促状 */
	CONTACT_LEVEL_CERTIFIED,/* 内容証明郵便 */
	CONTACT_LEVEL_LEGAL,    /* 法的措置 (lawyer, court) */
};

/* A contact to record. Strings may be NULL (absent) unless stated. */
struct contact {
	int64_t customer_id;
	int32_t day;             /* when it happened; 0: today */
	enum contact_channel channel;
	bool inbound;            /* the customer called us */
	const char *note;        /* required, may be long (several lines) */
	const char *outcome;
	int32_t promise_date;    /* 0: no promise */
	int64_t promise_amount;  /* minor units of the customer's currency */
	int32_t next_date;       /* 0: no next action */
	enum contact_owner next_owner;
	int dunning_level;       /* 0: not a dunning step */
	const struct contact_doc *doc; /* a document sent with it, or NULL */
};

/* A document sent (e-mailed) to the customer, as its contact refers to it. */
struct contact_doc {
	const char *name;       /* the attachment's file name */
	const char *sha256;     /* the hex SHA-256 of the bytes sent */
	const char *message_id; /* the mail's Message-ID, without <> */
};

enum contact_promise { CONTACT_PROMISE_PENDING, CONTACT_PROMISE_KEPT, CONTACT_PROMISE_BROKEN };

/** The channel's name as stored and exported ("phone", "email", "letter",
 *  "visit", "sms"). */
const char *contact_channel_name(enum contact_channel ch);
/** A stored channel name ("phone", …) as the user reads it, translated;
 *  an unknown name as it is. */
const char *contact_channel_label(const char *name);
/** A stored owner name ("sales", "accounting") translated; else as it is. */
const char *contact_owner_label(const char *name);
/** Parse a channel name (also "e-mail", "mail"); false when unknown. */
bool contact_channel_parse(const char *text, enum contact_channel *out);
/** "sales", "accounting", or "" for none. */
const char *contact_owner_name(enum contact_owner o);
/** Parse "sales" or "accounting" ("" or NULL: none); false when unknown. */
bool contact_owner_parse(const char *text, enum contact_owner *out);
/** The translated name of a dunning level (e.g. "Reminder", "Demand letter"). */
const char *contact_level_name(int level);
/** True when a dunning letter goes with level (1–3; not legal action). */
bool contact_level_letter(int level);
/** Append the levels, translated, for messages: "1 Reminder, 2 Demand
 *  letter, …"; only those with a letter when letters is set. */
void contact_level_list(bool letters, struct strbuf *out);
/** What a contact log line shows before its note: a dunning step by its
 *  name in the reader's language (the stored outcome is in the language
 *  of whoever recorded it), else the outcome; *show_note is false when
 *  the note only repeats the stored outcome (a step without a note of its
 *  own). */
const char *contact_entry_head(int dunning_level, const char *outcome, const char *note,
			       bool *show_note);

/** Check c before it is stored: a note, a customer, a promise with a date
 *  and a positive amount (a promise date not before the contact's day),
 *  a next date not before it, a level 0–ARCONF_LEVELS. UR_INPUT with the
 *  reason otherwise. */
enum ur_status contact_check(const struct contact *c, int32_t today, struct ur_err *err);

/** A promise's state as the user reads it ("pending", "kept", "broken"),
 *  translated. */
const char *contact_promise_name(enum contact_promise p);

/** A promise made to pay amount by date, of which paid has arrived since
 *  it was made (counted up to its date): kept once paid ≥ amount, broken
 *  when date is before today and it was not, else pending. */
enum contact_promise contact_promise_state(int32_t date, int64_t amount, int64_t paid,
					   int32_t today);

/** Whether an open item counts for dunning — on its letters and in the
 *  worklist's dunning crossings: overdue (days_late > 0) and not named in
 *  an open balance-confirmation dispute, which holds it back until the
 *  dispute is resolved. */
bool contact_dunnable(int days_late, bool disputed);

/** The dunning level due for a customer whose oldest overdue open item is
 *  days_overdue days past due: the highest level whose trigger
 *  (s->dunning_days) is reached, 0 when none is. */
int contact_level_due(const struct ar_settings *s, int days_overdue);

/** The level a customer should be moved to today, or 0 for none: the one
 *  after the recorded level when the due level is above it, no promise
 *  pauses escalation (promise_until ≥ today: a promise not yet due) and
 *  the recorded step, taken since_step days ago, has had the time between
 *  its trigger and the next one. One step at a time: going further is the
 *  clerk's own choice. */
int contact_level_crossed(const struct ar_settings *s, int days_overdue, int recorded,
			  int since_step, int32_t promise_until, int32_t today);

/** Who calls a customer at dunning level (0: none yet): the customer's own
 *  choice when it has one (customer_choice not CONTACT_OWNER_NONE), else
 *  the level's in s (collector-by-level); sales only when the customer
 *  has a sales rep (has_rep), accounting otherwise. */
enum contact_owner contact_collector(const struct ar_settings *s,
				     enum contact_owner customer_choice, int level, bool has_rep);

enum worklist_kind {
	WORK_FOLLOW_UP,      /* the latest contact's next action is due (or late) */
	WORK_PROMISE_DUE,    /* a promise falls due today */
	WORK_PROMISE_BROKEN, /* a promise's date passed and it was not paid in
				full; until a later contact follows it up */
	WORK_DUNNING,        /* the customer crossed a dunning level (one the sales
				rep calls about: until a contact is recorded that day) */
	WORK_DISPUTE,        /* a balance confirmation answered with another
				figure: the dispute is open until resolved */
};

/* One thing to do. Strings valid during the callback only; never NULL. */
struct worklist_item {
	enum worklist_kind kind;
	int64_t customer_id;
	const char *customer, *name, *currency, *sales_rep;
	int64_t contact_id;  /* the contact it comes from; 0 for dunning */
	int32_t date;        /* next action / promise date / oldest due date /
				the day the customer answered */
	int64_t amount;      /* promised / overdue (dunning) / the difference */
	int64_t paid;        /* cleared toward the promise / explained so far */
	const char *owner;   /* the next action's owner ("" if none) */
	const char *note;
	int days_overdue;    /* dunning: of the oldest overdue item */
	int level;           /* dunning: the next level (one above recorded) */
	int recorded_level;  /* dunning: the level reached so far */
	const char *caller;  /* who calls: "sales" (the sales rep) or "accounting" —
				the follow-up's own owner, else the customer's
				choice, else the level's (contact_collector) */
	struct rating rating; /* the customer's, in this currency, on the day */
	bool hold;           /* on credit hold (credit-hold) */
};
/** True when w is for sales rep rep: called by sales, the customer's rep. */
bool worklist_for_rep(const struct worklist_item *w, const char *rep);

#endif
