/* store_contact: the contact log in the database — recording a contact
 * (audited), a customer's timeline with the state of each promise, the
 * worklist for a day (follow-ups due, promises due, promises broken,
 * dunning levels crossed), moving a customer's dunning level, and walking
 * every contact for the export. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_CONTACT_H
#define UR_SRC_STORE_CONTACT_H

#include <stdint.h>

#include "arconf.h"
#include "contact.h"
#include "custstats.h"
#include "err.h"
#include "rating.h"

struct store;

/** Record c after contact_check (c->day 0: today), audited, in its own
 *  transaction unless the caller has one open. *id (may be NULL) gets the
 *  new contact's id. UR_INPUT when c is rejected or the customer does not
 *  exist. */
enum ur_status store_contact_add(struct store *st, const struct contact *c, int32_t today,
				 int64_t *id, struct ur_err *err);

/* One recorded contact. Strings are owned by the store and valid during
 * the callback only; never NULL. */
struct contact_entry {
	int64_t id;
	int64_t customer_id;
	const char *customer;   /* code */
	const char *name;
	const char *currency;   /* the customer's */
	const char *at;         /* 'YYYY-MM-DDTHH:MM:SSZ' */
	int32_t day;
	const char *user, *channel, *direction, *note, *outcome;
	int32_t promise_date;   /* 0: no promise */
	int64_t promise_amount;
	int64_t promise_paid;   /* cleared since the contact's day, up to the
				   promise date and the day asked about */
	enum contact_promise promise_state;
	int32_t next_date;      /* 0: none */
	const char *next_owner; /* "sales", "accounting" or "" */
	int dunning_level;
	const char *sales_rep;  /* the customer's ("" if none) */
	const char *collector;  /* the customer's own choice of who calls ("" if none) */
};
typedef int (*store_contact_fn)(const struct contact_entry *e, void *ctx);

/** The contacts of customer_id recorded by day today, newest first, with
 *  each promise's state as of today. A non-zero return from fn stops. */
enum ur_status store_contact_timeline(struct store *st, int64_t customer_id, int32_t today,
				      store_contact_fn fn, void *ctx, struct ur_err *err);
/** Every contact, by customer code and time (promise fields as recorded;
 *  promise_paid 0). For the export. */
enum ur_status store_contacts_each(struct store *st, store_contact_fn fn, void *ctx,
				   struct ur_err *err);

typedef int (*store_worklist_fn)(const struct worklist_item *w, void *ctx);


/** The worklist for day: follow-ups, then promises due and broken promises
 *  (each by date and customer code), then dunning crossings (levels and
 *  promise pause from s; one level up at a time; invoices held in an open
 *  dispute not counted, as on the letters) by amount at risk, largest
 *  first, in the currency most owe in, then in each other, then the open
 *  balance-confirmation disputes by customer code. A non-zero return from
 *  fn stops. */
enum ur_status store_contact_worklist(struct store *st, const struct ar_settings *s,
				      int32_t day, store_worklist_fn fn, void *ctx,
				      struct ur_err *err);
/** The same worklist from the aging rows of its day already loaded
 *  (store_ar_rows by due date; the day is set->as_of), which it only reads:
 *  a pane's rows shared with the worklist are not loaded twice. */
enum ur_status store_contact_worklist_rows(struct store *st, const struct ar_settings *s,
					   const struct ar_set *set, store_worklist_fn fn,
					   void *ctx, struct ur_err *err);

/** Move customer_id to dunning level (1–ARCONF_LEVELS) on day: recorded as
 *  an outgoing contact (a letter; an e-mail for the reminder) at that level
 *  with no owner of its own (collector-by-level decides who follows up), note = the level's name plus note
 *  when given. *id (may be NULL) gets the contact's id. */
enum ur_status store_dunning_move(struct store *st, int64_t customer_id, int level,
				  int32_t day, const char *note, int64_t *id,
				  struct ur_err *err);

#endif
