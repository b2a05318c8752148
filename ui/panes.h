/* panes: what the panes share with their modal layers —
 * the customer drill-down (drill.c), the record-a-contact form
 * (contact_form.c, with the line editor of field.c) and the statement
 * and dunning letter previews with printing (preview.c) and the
 * difference notice's, a text read in
 * full (textview.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_PANES_H
#define UR_UI_PANES_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "arconf.h"
#include "custstats.h"
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

/** Show text over the panes under title (modal): its lines wrapped,
 *  scrollable when long, closed by any other key. */
void textview_open(struct app *a, const char *title, const char *text);

/** Pane 2's rows as shown (filter and order of the view). */
const struct ar_set *aging_rows(const struct view *v);

/** Pane 2's `E`: ask for a file, the headers' kind and a BOM, then write
 *  the rows shown as CSV (the CLI aging report's columns). */
void aging_export_ask(struct view *v);

/** Pane 3: show the timeline of customer c (NULL: today's worklist). */
void contacts_show(struct view *v, const struct pane_customer *c);

#endif
