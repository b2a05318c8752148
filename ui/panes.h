/* panes: what the panes share with their modal layers —
 * the customer drill-down (drill.c), the record-a-contact form
 * (contact_form.c, with the line editor of field.c), the answer to a
 * balance confirmation (confirm_form.c), resolving its dispute
 * (dispute_form.c) and the statement
 * and dunning letter previews with printing (preview.c) and the
 * difference notice's, e-mailing a document from there or the rep's
 * digest (mail_ask.c), a text read in full (textview.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_PANES_H
#define UR_UI_PANES_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "arconf.h"
#include "company.h"
#include "custstats.h"
#include "mailout.h"
#include "rating.h"

/* The customer a pane action is about. */
struct pane_customer {
	int64_t id;
	char code[24];
	char name[256];
	char currency[8];
	bool rated;           /* rating and hold are set (pane 2's row) */
	bool hold;
	struct rating rating;
};

/** Fill c from customer id (errors go to the message line); false on failure. */
bool pane_customer_get(struct app *a, int64_t id, struct pane_customer *c);
/** Open the drill-down of customer c at as_of (modal): the rating with its
 *  reasons (when c is rated), invoices with open amount, days past due and
 *  what paid them, deposits and allocations,
 *  contacts, days late and DSO; w writes off a remainder, d jumps to the
 *  deposit queue, l to the contact log, p previews the statement. */
void drill_open(struct app *a, const struct pane_customer *c, int32_t as_of);

/** Open the record-a-contact form for customer c (modal). */
void contact_form_open(struct app *a, const struct pane_customer *c);

/** Open the form for customer c's answer to its balance confirmation
 *  (modal): agreed, or their balance and the reason, recorded as `confirm
 *  answer` records it; why not on the message line when none awaits one. */
void confirm_answer_open(struct app *a, const struct pane_customer *c);

/** Open the form resolving customer c's balance-confirmation dispute
 *  (modal): the dispute's figures, items named one at a time and the
 *  dispute closed, each recorded as `confirm resolve` records it; why not
 *  on the message line when none is open. */
void dispute_form_open(struct app *a, const struct pane_customer *c);

/** Open the preview of customer c's balance confirmation letter as of
 *  today (modal; why not on the message line when a dispute is open); p
 *  prints or saves it, m e-mails it, and either records it as sent as
 *  `confirm send --as-of TODAY` does. */
void preview_confirm_open(struct app *a, const struct pane_customer *c);
/** Open the statement preview of customer code (modal); p prints it. */
void preview_open(struct app *a, const char *code);
/** Open the preview of customer code's dunning letter at its next level
 *  on today (modal; why not on the message line when there is none); p
 *  prints or saves it and logs it as a contact at that level. */
void preview_letter_open(struct app *a, const char *code);
struct notice_facts;
/** Open the preview of the difference notice of facts f (modal); p prints
 *  or saves it and, when customer_id is set, logs it as a contact with its
 *  follow-up date (notice_log). */
void preview_notice_open(struct app *a, const struct notice_facts *f, int64_t customer_id);

/* A mail about to go (mail_ask.c): ui_mail_new reads our details and the
 * mail settings; while rc is UR_OK, set m's level, title and next_date and
 * prepare t with mailout_doc or mailout_digest_doc (into rc and err), then
 * ui_mail_ask. */
struct ui_mail {
	struct mailout m;
	struct mailout_to t;
	struct company co;   /* our details: the sender */
	char *file;          /* the settings file (NULL: no home) */
	const char *shown;   /*   as messages name it */
	enum ur_status rc;   /* how far it got: UR_OK, or err says why not */
	struct ur_err err;
	void (*sent)(struct app *a, void *under); /* once it went (may be NULL) */
	struct modal under;  /* the layer it asks over (ctx NULL: none) */
};

/* Why a customer cannot be e-mailed (ui_mail_why_not). */
enum ui_mail_state { UI_MAIL_OK, UI_MAIL_NONE, UI_MAIL_BAD };

/** Whether customer code (0 id: a payer we do not know) has an address
 *  to e-mail to; *why (malloc'd) says why not otherwise. */
enum ui_mail_state ui_mail_why_not(struct app *a, int64_t id, const char *code, char **why);
/** The e-mail key's words for the hint line of a preview in state s. */
const char *ui_mail_hint(enum ui_mail_state s);
/** A mail with our details and the mail settings read (rc not UR_OK when
 *  they are not usable: no mail-from, no mail-command). */
struct ui_mail *ui_mail_new(struct app *a);
/** Ask before sending u, in a box over the layer below: the address, the
 *  subject and the attachment, Enter or y sends it, Esc goes back. The
 *  message line says to whom it went; when it cannot go (u->rc, or the
 *  mail command refuses it) the box says why and nothing is logged. sent
 *  is called with the layer below once it went. Takes u. */
void ui_mail_ask(struct app *a, struct ui_mail *u, void (*sent)(struct app *a, void *under));
void ui_mail_free(struct ui_mail *u);
struct digest;
/** Ask before sending digest g (of today) to sales rep's address
 *  (rep-email.REP in the company settings), as ui_mail_ask. */
void ui_mail_digest(struct app *a, const char *rep, const struct digest *g);

/** Show text over the panes under title (modal): its lines wrapped,
 *  scrollable when long, closed by any other key. */
void textview_open(struct app *a, const char *title, const char *text);
/** The same, scrolled so that the text from byte at is on top (as far as
 *  the text goes). */
void textview_open_at(struct app *a, const char *title, const char *text, size_t at);

/** Pane 2's rows as shown (filter and order of the view). */
const struct ar_set *aging_rows(const struct view *v);

/** Pane 2's `E`: ask for a file, the headers' kind and a BOM, then write
 *  the rows shown as CSV (the CLI aging report's columns). */
void aging_export_ask(struct view *v);

/** Pane 3: show the timeline of customer c (NULL: today's worklist). */
void contacts_show(struct view *v, const struct pane_customer *c);

#endif
