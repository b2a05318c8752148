/* contacts: what pane 3's files share — the rows of the worklist or of a
 * customer's timeline as loaded (view_contacts.c) and drawn
 * (contacts_draw.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_CONTACTS_H
#define UR_UI_CONTACTS_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "arconf.h"
#include "loader.h"
#include "panes.h"
#include "rating.h"
#include "store_confirm.h"
#include "strbuf.h"

/* A worklist item or a timeline entry, copied out of the store's callback:
 * kept small (the worklist can hold a row per customer), its strings are
 * offsets into the set's text (0 is ""). */
struct citem {
	int64_t customer_id;
	int64_t amount, paid;
	int32_t day, promise_date, next_date, days;
	uint32_t code, name, who, channel, note, owner;
	uint32_t head, body; /* timeline: the note's head (outcome or level) and
				text, apart, for the entry read in full */
	uint32_t rep;        /* worklist: the customer's sales rep */
	struct rating rating; /* worklist: the customer's rating */
	char currency[4];
	int8_t kind; /* enum worklist_kind; -1 for a timeline entry */
	int8_t state, level, recorded;
	int8_t caller; /* worklist: who calls (enum contact_owner) */
	bool hold;     /* worklist: on credit hold */
};

/* The rows of one load: today's worklist or a customer's timeline. */
struct cset {
	bool timeline;
	struct pane_customer c; /* whose timeline */
	struct confirm_row conf; /* and its balance confirmation (strings cleared) */
	char conf_currency[8];
	int name_w;             /* the widest customer name, in cells */
	struct citem *rows;
	size_t n, cap;
	struct strbuf text;
};

struct contacts {
	struct ar_settings conf;
	bool timeline;               /* asked for (set: what is shown) */
	struct pane_customer c;
	bool fresh;                  /* a new list: the cursor to its top */
	struct pane_customer target; /* of the dunning prompt */
	int suggest;                 /*   and the level it suggests */
	struct cset set;
	bool loaded;
	struct loader *ld;
	char rep[128];               /* the worklist of this sales rep only ("": all) */
};

/* The text at offset off of s ("" for 0). */
static inline const char *
txt(const struct cset *s, uint32_t off)
{
	return s->text.buf ? s->text.buf + off : "";
}

/** Draw pane 3 from row y, rows high: the title (the timeline's says where
 *  the balance confirmation stands), the column heads and the rows. */
void contacts_draw(struct view *v, int y, int rows);
/** Show timeline entry r of s in full: every field, then its whole note. */
void contacts_entry_open(struct view *v, const struct cset *s, const struct citem *r);

#endif
