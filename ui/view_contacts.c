/* view_contacts: pane 3, the contact log — today's worklist (follow-ups
 * due, promises due today, broken promises, dunning levels crossed) and a
 * customer's timeline (who, channel, direction, note, outcome, promise and
 * its state, next action and owner); recording a contact, moving the
 * dunning level, the drill-down and the statement preview from here; a
 * sales rep's worklist saved as a digest (P) or e-mailed to the rep (m). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "company_src.h"
#include "contact.h"
#include "date.h"
#include "dayrows.h"
#include "digest.h"
#include "draw.h"
#include "i18n.h"
#include "kvconf.h"
#include "loader.h"
#include "money.h"
#include "panes.h"
#include "store_confirm.h"
#include "store_contact.h"
#include "text.h"
#include "xalloc.h"

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

/* One load: what is asked for, and the rows it gets. */
struct cwork {
	struct ar_settings conf;
	struct dayrows *rows; /* today's aging rows, shared with pane 2 */
	long gen;             /* the app's generation when asked */
	int32_t today;
	char rep[128];          /* only this sales rep's calls ("": everyone's) */
	struct loader *ld;
	struct cset set;
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

static const char *
txt(const struct cset *s, uint32_t off)
{
	return s->text.buf ? s->text.buf + off : "";
}

static uint32_t
keep(struct cset *s, const char *text)
{
	uint32_t off;

	if (!text || !*text)
		return 0;
	if (!s->text.len)
		sb_addc(&s->text, '\0');
	off = (uint32_t)s->text.len;
	sb_add(&s->text, text, strlen(text) + 1);
	return off;
}

static void
cset_free(struct cset *s)
{
	free(s->rows);
	sb_free(&s->text);
	memset(s, 0, sizeof *s);
}

static struct citem *
new_row(struct cset *s, int64_t customer_id, const char *code, const char *name,
	const char *currency)
{
	struct citem *r;

	if (s->n == s->cap)
		s->rows = xrealloc(s->rows, (s->cap = s->cap ? 2 * s->cap : 64) * sizeof *s->rows);
	r = &s->rows[s->n++];
	memset(r, 0, sizeof *r);
	r->customer_id = customer_id;
	r->code = keep(s, code);
	r->name = keep(s, name);
	snprintf(r->currency, sizeof r->currency, "%s", currency);
	return r;
}

static int
add_work(const struct worklist_item *w, void *ctx)
{
	struct cwork *k = ctx;
	struct citem *r;
	enum contact_owner who = CONTACT_OWNER_NONE;

	if (*k->rep && !worklist_for_rep(w, k->rep))
		return loader_stopping(k->ld);
	r = new_row(&k->set, w->customer_id, w->customer, w->name, w->currency);
	r->kind = (int8_t)w->kind;
	r->rep = keep(&k->set, w->sales_rep);
	r->rating = w->rating;
	r->hold = w->hold;
	contact_owner_parse(w->caller, &who);
	r->caller = (int8_t)who;
	r->note = keep(&k->set, w->note);
	r->owner = keep(&k->set, contact_owner_label(w->owner));
	r->day = w->date;
	r->amount = w->amount;
	r->paid = w->paid;
	r->level = (int8_t)w->level;
	r->recorded = (int8_t)w->recorded_level;
	r->days = w->days_overdue;
	if (draw_width(w->name) > k->set.name_w)
		k->set.name_w = draw_width(w->name);
	loader_count(k->ld, (long)k->set.n);
	return loader_stopping(k->ld);
}

static int
add_entry(const struct contact_entry *e, void *ctx)
{
	struct cwork *k = ctx;
	struct citem *r = new_row(&k->set, e->customer_id, e->customer, e->name, e->currency);
	struct strbuf sb;
	bool note;
	const char *head = contact_entry_head(e->dunning_level, e->outcome, e->note, &note);

	sb_init(&sb);
	sb_addf(&sb, "%s%s%s", head, *head && note ? ": " : "", note ? e->note : "");
	r->kind = -1;
	r->who = keep(&k->set, e->user);
	r->note = keep(&k->set, sb.buf);
	r->head = keep(&k->set, head);
	r->body = keep(&k->set, note ? e->note : "");
	r->owner = keep(&k->set, contact_owner_label(e->next_owner));
	sb_reset(&sb);
	sb_addf(&sb, "%s/%s", contact_channel_label(e->channel),
		*e->direction == 'i' ? _("in") : _("out"));
	r->channel = keep(&k->set, sb.buf);
	sb_free(&sb);
	r->day = e->day;
	r->promise_date = e->promise_date;
	r->amount = e->promise_amount;
	r->paid = e->promise_paid;
	r->state = (int8_t)e->promise_state;
	r->next_date = e->next_date;
	r->level = (int8_t)e->dunning_level;
	return loader_stopping(k->ld);
}

/* The rows to their size: the pane holds them all day, and a list grown
 * by doubling has up to half of it spare (megabytes at 45,000 rows). */
static void
cset_fit(struct cset *s)
{
	if (s->n && s->cap > s->n) {
		s->rows = xrealloc(s->rows, s->n * sizeof *s->rows);
		s->cap = s->n;
	}
	sb_fit(&s->text);
}

static void
work_free(void *p)
{
	struct cwork *k = p;

	cset_free(&k->set);
	free(k);
}

/* The customer's latest balance confirmation, its numbers only. */
static int
keep_confirm(const struct confirm_row *r, void *ctx)
{
	struct cset *s = ctx;

	s->conf = *r;
	snprintf(s->conf_currency, sizeof s->conf_currency, "%s", r->currency ? r->currency : "");
	s->conf.code = s->conf.name = s->conf.currency = NULL;
	s->conf.document = s->conf.delivery = s->conf.file = NULL;
	s->conf.reason = s->conf.user = NULL;
	return 0;
}

/* "confirmation: awaiting an answer" or "confirmation disputed by 456,720"
 * (ours less theirs), for the timeline's title. */
static void
confirm_text(const struct cset *s, char *buf, size_t size)
{
	char amt[MONEY_BUFSZ];

	if (s->conf.state != CONFIRM_DISPUTED) {
		snprintf(buf, size, _("confirmation: %s"), confirm_state_label(s->conf.state));
		return;
	}
	money_format(s->conf.difference, s->conf_currency, MONEY_GROUP, amt, sizeof amt);
	snprintf(buf, size, _("confirmation disputed by %s"), amt);
}

/* The worklist from today's aging rows, shared with pane 2 when it has
 * them (or loaded for it). */
static enum ur_status
worklist_run(struct cwork *k, struct store *st, struct ur_err *err)
{
	struct ar_set rows;
	enum ur_status rc;

	ar_set_init(&rows, &k->conf, k->today, false);
	rc = dayrows_load(k->rows, k->ld, k->gen, st, &rows, err);
	if (rc == UR_OK)
		rc = store_contact_worklist_rows(st, &k->conf, &rows, add_work, k, err);
	ar_set_free(&rows);
	cset_fit(&k->set);
	return rc;
}

/* On the loader's thread. */
static enum ur_status
work_run(struct loader *l, struct store *st, void *p, struct ur_err *err)
{
	struct cwork *k = p;

	k->ld = l;
	enum ur_status rc;

	if (k->set.timeline) {
		rc = store_contact_timeline(st, k->set.c.id, k->today, add_entry, k, err);
		return rc == UR_OK ? store_confirm_latest(st, k->set.c.id, keep_confirm, &k->set,
							  err)
				   : rc;
	}
	return worklist_run(k, st, err);
}

static const struct loader_job contacts_job = { work_run, work_free };

/* Ask for the rows (supersede: cancel a load under way). */
static void
contacts_load(struct view *v, bool supersede)
{
	struct contacts *k = v->priv;
	struct cwork *w = xcalloc(1, sizeof *w);

	w->conf = k->conf;
	w->rows = v->app->rows;
	w->gen = v->app->generation;
	w->today = v->app->today;
	snprintf(w->rep, sizeof w->rep, "%s", k->rep);
	w->set.timeline = k->timeline;
	w->set.c = k->c;
	sb_init(&w->set.text);
	loader_start(k->ld, &contacts_job, w, supersede);
}

static void
contacts_reload(struct view *v)
{
	contacts_load(v, false);
}

/* The row of the same kind and customer as r in s, else of the customer. */
static long
find_like(const struct cset *s, const struct citem *r)
{
	long any = -1;

	for (size_t i = 0; i < s->n; i++) {
		if (s->rows[i].customer_id != r->customer_id)
			continue;
		if (s->rows[i].kind == r->kind)
			return (long)i;
		if (any < 0)
			any = (long)i;
	}
	return any;
}

/* Swap in a finished load; the cursor stays on its row's customer. */
static void
contacts_swap(struct view *v, void *work)
{
	struct cwork *w = work;
	struct contacts *k = v->priv;
	struct citem at = { 0 };
	bool had = k->set.n && v->cursor < (long)k->set.n && !k->fresh;
	long pos;

	if (had)
		at = k->set.rows[v->cursor];
	cset_free(&k->set);
	k->set = w->set;
	memset(&w->set, 0, sizeof w->set);
	work_free(w);
	if (k->fresh)
		v->cursor = v->top = 0;
	else if (had && (pos = find_like(&k->set, &at)) >= 0)
		v->cursor = pos;
	app_move(v, v->cursor);
	k->fresh = false;
	k->loaded = true;
	app_trim(v->app);
}

static bool
contacts_poll(struct view *v, bool wait)
{
	struct contacts *k = v->priv;

	return app_poll_loader(v, k->ld, wait, contacts_swap);
}

static void
contacts_open(struct view *v)
{
	struct contacts *k = xcalloc(1, sizeof *k);

	v->priv = k;
	k->conf = v->app->conf;
	sb_init(&k->set.text);
	k->ld = app_loader(v->app);
	contacts_load(v, true);
}

static void
contacts_close(struct view *v)
{
	struct contacts *k = v->priv;

	loader_free(k->ld);
	cset_free(&k->set);
	free(k);
	v->priv = NULL;
}

static long
contacts_count(struct view *v)
{
	return (long)((struct contacts *)v->priv)->set.n;
}

void
contacts_show(struct view *v, const struct pane_customer *c)
{
	struct contacts *k;

	if (!v->priv)
		v->ops->open(v);
	k = v->priv;
	k->timeline = c != NULL;
	if (c)
		k->c = *c;
	k->fresh = true;
	contacts_load(v, true);
}

void
contacts_filter(struct view *v, int64_t customer, const char *name)
{
	struct pane_customer c;

	(void)name;
	if (customer && pane_customer_get(v->app, customer, &c))
		contacts_show(v, &c);
	else
		contacts_show(v, NULL);
}

static const char *const work_names[] = { N_("Follow up"), N_("Promise due"),
					  N_("Broken promise"), N_("Dunning"), N_("Dispute") };

static const char *
work_label(int kind)
{
	return _(work_names[kind]);
}

/* Worklist columns: the to-do label as wide as its longest translation,
 * then code, name, date, amount and what to do. The name gets the room
 * its widest needs as long as the note keeps WORK_NOTE_MIN cells; the date
 * (the days overdue are in the note) goes first, then the amount's
 * margin. */
struct work_cols {
	int label, name, date, amount, note;
};

/* the rating takes WORK_RATING cells before the note: " E!" */
enum { WORK_CODE = 7, WORK_DATE = 11, WORK_AMOUNT = 14, WORK_RATING = 5, WORK_NOTE_MIN = 20 };

static struct work_cols
work_cols(const struct cset *s)
{
	struct work_cols c = { 6, 0, WORK_DATE, WORK_AMOUNT, 0 };
	int rest, want = s->name_w + 1 > 12 ? s->name_w + 1 : 12;

	for (size_t i = 0; i < sizeof work_names / sizeof work_names[0]; i++)
		if (draw_width(_(work_names[i])) + 1 > c.label)
			c.label = draw_width(_(work_names[i])) + 1;
	rest = COLS - c.label - WORK_CODE - c.amount - WORK_RATING;
	if (rest - c.date - want < WORK_NOTE_MIN) {
		c.date = 0;
		c.amount--; /* 9,999,999.99 still keeps a space before it */
		rest++;
	}
	rest -= c.date;
	c.name = want < rest - WORK_NOTE_MIN ? want : rest - WORK_NOTE_MIN;
	if (c.name < 8)
		c.name = 8;
	c.note = rest - c.name;
	return c;
}

/* The last column of a worklist row: what to do about it. */
static void
work_note(const struct cset *s, const struct citem *r, struct strbuf *sb)
{
	const char *owner = txt(s, r->owner), *caller;

	/* who calls first: the sales rep by name, or accounting */
	if (r->caller == CONTACT_SALES && *txt(s, r->rep))
		caller = txt(s, r->rep);
	else
		caller = _("accounting");
	sb_addf(sb, "%s · ", caller);
	if (strcmp(owner, caller) == 0)
		owner = ""; /* not "accounting · accounting: …" */
	if (r->kind == WORK_DUNNING) /* the next level only: one step at a time */
		sb_addf(sb, ngettext_("%s (%d day overdue)", "%s (%d days overdue)",
				      (unsigned long)r->days),
			contact_level_name(r->level), r->days);
	else if (r->kind == WORK_DISPUTE)
		sb_addf(sb, _("balance disputed: %s"), txt(s, r->note));
	else
		sb_addf(sb, "%s%s%s", owner, *owner ? ": " : "", txt(s, r->note));
	for (size_t i = 0; i < sb->len; i++)
		if (sb->buf[i] == '\n' || sb->buf[i] == '\t')
			sb->buf[i] = ' ';
}

static void
draw_work(struct view *v, const struct cset *s, const struct citem *r, int y, enum ui_elem e)
{
	struct work_cols c = work_cols(s);
	int x = c.label + WORK_CODE + c.name;
	char day[32], amt[MONEY_BUFSZ], grade[8];
	struct strbuf sb;

	sb_init(&sb);
	settings_date(&v->app->set, r->day, day, sizeof day);
	money_format(r->amount, r->currency, MONEY_GROUP, amt, sizeof amt);
	work_note(s, r, &sb);
	draw_text(y, 0, c.label, work_label(r->kind), TEXT_LEFT,
		  e == UI_NORMAL && r->kind == WORK_PROMISE_BROKEN ? UI_ERROR : e);
	draw_text(y, c.label, WORK_CODE, txt(s, r->code), TEXT_LEFT, e);
	draw_text(y, c.label + WORK_CODE, c.name - 1, txt(s, r->name), TEXT_LEFT, e);
	draw_text(y, x - 1, 1, "", TEXT_LEFT, e);
	draw_text(y, x, c.date, day, TEXT_LEFT, e);
	x += c.date;
	draw_text(y, x, c.amount, r->amount ? amt : "", TEXT_RIGHT, e);
	snprintf(grade, sizeof grade, " %c%s", r->rating.grade, r->hold ? "!" : "");
	draw_text(y, x + c.amount, WORK_RATING, grade, TEXT_LEFT,
		  e == UI_NORMAL && r->hold ? UI_ERROR : e);
	draw_text(y, x + c.amount + WORK_RATING, c.note, sb.buf, TEXT_LEFT, e);
	sb_free(&sb);
}

/* The promise of a timeline entry ("pending 2026-04-15 300,000", its state
 * first so that a cut keeps it) and its next action ("2026-04-16 sales")
 * or dunning level. */
static void
entry_parts(struct view *v, const struct cset *s, const struct citem *r, char *prom,
	    char *next, size_t size)
{
	char day[32], amt[MONEY_BUFSZ];

	prom[0] = next[0] = '\0';
	if (r->promise_date) {
		settings_date(&v->app->set, r->promise_date, day, sizeof day);
		money_format(r->amount, r->currency, MONEY_GROUP, amt, sizeof amt);
		snprintf(prom, size, "%s %s %s", contact_promise_name(r->state), day, amt);
	}
	if (r->next_date) {
		settings_date(&v->app->set, r->next_date, day, sizeof day);
		snprintf(next, size, "%s %s", day, txt(s, r->owner));
	} else if (r->level) {
		snprintf(next, size, "%s", contact_level_name(r->level));
	}
}

/* Wide: promise and next action in their own columns; narrow: after the
 * note. */
static void
draw_entry(struct view *v, const struct cset *s, const struct citem *r, int y, enum ui_elem e)
{
	bool wide = COLS >= 120;
	int wn = wide ? COLS - 80 : COLS - 30;
	char day[32], prom[128], next[128];
	struct strbuf sb;

	settings_date(&v->app->set, r->day, day, sizeof day);
	entry_parts(v, s, r, prom, next, sizeof prom);
	sb_init(&sb);
	sb_adds(&sb, txt(s, r->note));
	if (!wide && *prom)
		sb_addf(&sb, _(" | promise %s"), prom);
	if (!wide && r->next_date) /* a level alone is in the note already */
		sb_addf(&sb, _(" | next %s"), next);
	draw_text(y, 0, 11, day, TEXT_LEFT, e);
	draw_text(y, 11, 9, txt(s, r->who), TEXT_LEFT, e);
	draw_text(y, 20, 10, txt(s, r->channel), TEXT_LEFT, e);
	draw_text(y, 30, wn, sb.buf, TEXT_LEFT,
		  e == UI_NORMAL && r->state == CONTACT_PROMISE_BROKEN && *prom ? UI_ERROR : e);
	sb_free(&sb);
	if (!wide)
		return;
	draw_text(y, 30 + wn, 1, "", TEXT_LEFT, e);
	draw_text(y, 31 + wn, 27, prom, TEXT_LEFT,
		  e == UI_NORMAL && r->state == CONTACT_PROMISE_BROKEN ? UI_ERROR : e);
	draw_text(y, 58 + wn, 22, next, TEXT_LEFT, e);
}

/* One "Label  value" line of an entry read in full; none without a value. */
static void
entry_field(struct strbuf *sb, int w, const char *label, const char *value)
{
	if (!*value)
		return;
	text_pad(sb, label, w, TEXT_LEFT);
	sb_addf(sb, " %s\n", value);
}

/* The timeline entry r in full: every field, then its whole note. */
static void
entry_open(struct view *v, const struct cset *s, const struct citem *r)
{
	const char *label[] = { _("Date"), _("Who"), _("Channel"), _("Outcome"), _("Promise"),
				_("Next action"), _("Dunning level") };
	char day[32], prom[128], next[128], paid[MONEY_BUFSZ], full[300], title[512];
	struct strbuf sb;
	int w = 0;

	for (size_t i = 0; i < sizeof label / sizeof label[0]; i++)
		if (draw_width(label[i]) > w)
			w = draw_width(label[i]);
	settings_date(&v->app->set, r->day, day, sizeof day);
	entry_parts(v, s, r, prom, next, sizeof next);
	money_format(r->paid, r->currency, MONEY_GROUP, paid, sizeof paid);
	snprintf(full, sizeof full, _("%s, paid %s"), prom, paid);
	sb_init(&sb);
	entry_field(&sb, w, label[0], day);
	entry_field(&sb, w, label[1], txt(s, r->who));
	entry_field(&sb, w, label[2], txt(s, r->channel));
	entry_field(&sb, w, label[3], r->level ? "" : txt(s, r->head));
	entry_field(&sb, w, label[4], r->promise_date ? full : "");
	entry_field(&sb, w, label[5], r->next_date ? next : "");
	entry_field(&sb, w, label[6], r->level ? contact_level_name(r->level) : "");
	sb_addf(&sb, "\n%s", txt(s, r->body));
	snprintf(title, sizeof title, _(" Contact of %s %s, %s "), s->c.code, s->c.name, day);
	textview_open(v->app, title, sb.buf);
	sb_free(&sb);
}

/* "| loading the worklist… 0.4 s" */
static void
draw_progress(struct view *v, int y)
{
	struct contacts *k = v->priv;
	long n = loader_progress(k->ld);
	char what[300], extra[64] = "";

	if (k->timeline)
		snprintf(what, sizeof what, _("the contacts of %s"), k->c.code);
	else
		snprintf(what, sizeof what, "%s", _("the worklist"));
	if (n > 0)
		snprintf(extra, sizeof extra, ngettext_("%ld row", "%ld rows", n), n);
	app_loading(y, k->ld, what, extra);
}

static void
draw_heads(struct contacts *k, int y)
{
	struct work_cols c = work_cols(&k->set);
	int x = c.label + WORK_CODE + c.name;

	if (k->set.timeline) {
		draw_text(y, 0, 11, _("Date"), TEXT_LEFT, UI_HEADER);
		draw_text(y, 11, 9, _("Who"), TEXT_LEFT, UI_HEADER);
		draw_text(y, 20, 10, _("Channel"), TEXT_LEFT, UI_HEADER);
		if (COLS < 120) {
			draw_text(y, 30, COLS - 30, _("Note | promise | next action"), TEXT_LEFT,
				  UI_HEADER);
			return;
		}
		draw_text(y, 30, COLS - 80, _("Note"), TEXT_LEFT, UI_HEADER);
		draw_text(y, COLS - 50, 28, _(" Promise"), TEXT_LEFT, UI_HEADER);
		draw_text(y, COLS - 22, 22, _("Next / level"), TEXT_LEFT, UI_HEADER);
		return;
	}
	draw_text(y, 0, c.label, _("To do"), TEXT_LEFT, UI_HEADER);
	draw_text(y, c.label, WORK_CODE + c.name, _("Customer"), TEXT_LEFT, UI_HEADER);
	draw_text(y, x, c.date, _("Date"), TEXT_LEFT, UI_HEADER);
	x += c.date;
	draw_text(y, x, c.amount, _("Amount"), TEXT_RIGHT, UI_HEADER);
	/* TRANSLATORS: the credit rating's column head, as short as can be */
	draw_text(y, x + c.amount, WORK_RATING, _(" Rtg"), TEXT_LEFT, UI_HEADER);
	draw_text(y, x + c.amount + WORK_RATING, COLS - x - c.amount - WORK_RATING,
		  _(" Who · what"), TEXT_LEFT, UI_HEADER);
}

static void
contacts_draw(struct view *v, int y, int rows)
{
	struct contacts *k = v->priv;
	const struct cset *s = &k->set;
	char buf[512], date[32], conf[256];
	long top;

	settings_date(&v->app->set, v->app->today, date, sizeof date);
	if (s->timeline) {
		confirm_text(s, conf, sizeof conf);
		snprintf(buf, sizeof buf, ngettext_("Contact log · %s %s · %zu entry · %s",
						    "Contact log · %s %s · %zu entries · %s", s->n),
			 s->c.code, s->c.name, s->n, conf);
	} else if (*k->rep)
		snprintf(buf, sizeof buf, _("Worklist for %s · %zu to do · calls for %s"), date,
			 s->n, k->rep);
	else
		snprintf(buf, sizeof buf, _("Worklist for %s · %zu to do"), date, s->n);
	draw_text(y, 0, COLS, buf, TEXT_LEFT, UI_TITLE);
	if (v->app->loading && loader_busy(k->ld))
		draw_progress(v, y);
	draw_heads(k, y + 1);
	top = app_list_top(v, rows - 2);
	for (long i = top; i < (long)s->n && i < top + rows - 2; i++) {
		enum ui_elem e = i == v->cursor ? UI_CURSOR : UI_NORMAL;

		if (s->timeline)
			draw_entry(v, s, &s->rows[i], y + 2 + (int)(i - top), e);
		else
			draw_work(v, s, &s->rows[i], y + 2 + (int)(i - top), e);
	}
	if (!s->n)
		draw_text(y + 3, 2, COLS - 4,
			  !k->loaded ? _("Loading…")
			  : s->timeline ? _("No contacts recorded yet.") : _("Nothing to do today."),
			  TEXT_LEFT, UI_MUTED);
}

/* Row r of the worklist as a digest row. */
static void
digest_add_citem(struct digest *g, const struct cset *s, const struct citem *r)
{
	struct worklist_item w;

	memset(&w, 0, sizeof w);
	w.kind = (enum worklist_kind)r->kind;
	w.customer = txt(s, r->code);
	w.name = txt(s, r->name);
	w.currency = r->currency;
	w.sales_rep = txt(s, r->rep);
	w.date = r->day;
	w.amount = r->amount;
	w.paid = r->paid;
	w.owner = "";
	w.note = txt(s, r->note);
	w.days_overdue = r->days;
	w.level = r->level;
	w.recorded_level = r->recorded;
	w.caller = contact_owner_name((enum contact_owner)r->caller);
	w.rating = r->rating;
	w.hold = r->hold;
	digest_add_item(g, &w);
}

/* Level prompt: the typed level, or the suggested one for an empty line. */
static void
dunning_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct view *v = ctx;
	struct contacts *k = v->priv;
	struct strbuf levels;
	struct ur_err err;
	int level;

	if (!final || !text || !k)
		return;
	level = *text ? atoi(text) : k->suggest;
	if (level < 1 || level > ARCONF_LEVELS) {
		sb_init(&levels);
		contact_level_list(false, &levels);
		app_error(a, _("Type a dunning level: %s."), levels.buf);
		sb_free(&levels);
		return;
	}
	ur_err_clear(&err);
	if (store_dunning_move(a->st, k->target.id, level, a->today, NULL, NULL, &err) != UR_OK)
		return app_error(a, "%s", err.msg);
	app_msg(a, _("%s moved to %s (logged as a contact)."), k->target.code,
		contact_level_name(level));
	app_refresh(a);
}

static void
ask_dunning(struct view *v, const struct pane_customer *c)
{
	struct contacts *k = v->priv;
	const struct citem *r = k->set.n && !k->set.timeline ? &k->set.rows[v->cursor] : NULL;
	char label[256];

	k->target = *c;
	k->suggest = r && r->kind == WORK_DUNNING ? r->level : 0;
	if (k->suggest)
		snprintf(label, sizeof label, _("Dunning level for %s (1-%d, Enter: %d %s): "),
			 c->code, ARCONF_LEVELS, k->suggest, contact_level_name(k->suggest));
	else
		snprintf(label, sizeof label, _("Dunning level for %s (1-%d): "), c->code,
			 ARCONF_LEVELS);
	app_prompt(v->app, label, false, dunning_prompt, v);
}

/* r: the worklist of the row's sales rep only; again: everyone's. */
static void
filter_rep(struct view *v)
{
	struct contacts *k = v->priv;
	const char *rep;

	if (*k->rep)
		k->rep[0] = '\0';
	else if (k->set.timeline || !k->set.n)
		return app_error(v->app, "%s", _("No customer here."));
	else if (!*(rep = txt(&k->set, k->set.rows[v->cursor].rep)))
		return app_error(v->app, "%s", _("This customer has no sales rep."));
	else
		snprintf(k->rep, sizeof k->rep, "%s", rep);
	contacts_show(v, NULL);
}

/* The rows shown as a digest of day into *g (free with digest_free). */
static void
contacts_digest(const struct contacts *k, int32_t day, struct digest *g)
{
	digest_init_worklist(g, k->rep, day);
	for (size_t i = 0; i < k->set.n; i++)
		digest_add_citem(g, &k->set, &k->set.rows[i]);
}

/* The rows shown as a digest, written to path (.pdf: PDF, else text). */
static void
digest_prompt(struct app *a, const char *path, bool final, void *ctx)
{
	struct contacts *k = ((struct view *)ctx)->priv;
	char *settings = kvconf_path("company");
	struct company co;
	struct ur_err err;
	struct digest g;
	bool found;

	if (!final || !path || !*path || !k) {
		free(settings);
		return;
	}
	contacts_digest(k, a->today, &g);
	ur_err_clear(&err);
	if (company_src_load(a->st, settings, &co, &found, &err) != UR_OK ||
	    digest_save(&g, path, &co, &err) != UR_OK)
		app_error(a, "%s", err.msg);
	else
		app_msg(a, ngettext_("Saved a digest of %zu call to %s.",
				     "Saved a digest of %zu calls to %s.", g.n), g.n, path);
	digest_free(&g);
	company_free(&co);
	free(settings);
}

/* m: the rows shown as a digest to their sales rep, asking first. */
static void
digest_mail(struct view *v)
{
	struct contacts *k = v->priv;
	struct digest g;

	if (k->set.timeline || !*k->rep)
		return app_error(v->app, "%s",
				 _("The digest goes to a sales rep: show one rep's worklist (r)."));
	if (!k->set.n)
		return app_error(v->app, "%s", _("Nothing to do for this sales rep: no mail sent."));
	contacts_digest(k, v->app->today, &g);
	ui_mail_digest(v->app, k->rep, &g);
	digest_free(&g);
}

static enum request
contacts_request(struct view *v, enum request req)
{
	struct contacts *k = v->priv;
	struct pane_customer c;

	switch (req) {
	case REQ_WORKLIST: contacts_show(v, NULL); return REQ_NONE;
	case REQ_FILTER_REP: filter_rep(v); return REQ_NONE;
	case REQ_EMAIL: digest_mail(v); return REQ_NONE;
	case REQ_DIGEST:
		if (k->set.timeline)
			app_error(v->app, "%s", _("The digest is of the worklist (w)."));
		else
			app_prompt(v->app, _("Save the digest to (.pdf or .txt file): "), false,
				   digest_prompt, v);
		return REQ_NONE;
	case REQ_DRILL:
	case REQ_RECORD_CONTACT:
	case REQ_CONFIRM_ANSWER:
	case REQ_CONFIRM_SEND:
	case REQ_DUNNING_MOVE:
	case REQ_DUNNING_LETTER:
	case REQ_STATEMENT: break;
	default: return req;
	}
	if (!k->set.n && !k->set.timeline) {
		app_error(v->app, "%s", _("No customer here."));
		return REQ_NONE;
	}
	if (k->set.timeline)
		c = k->set.c;
	else if (!pane_customer_get(v->app, k->set.rows[v->cursor].customer_id, &c))
		return REQ_NONE;
	if (req == REQ_DRILL && !k->set.timeline)
		contacts_show(v, &c);
	else if (req == REQ_DRILL && k->set.n)
		entry_open(v, &k->set, &k->set.rows[v->cursor]);
	else if (req == REQ_DRILL)
		app_error(v->app, "%s", _("No contacts recorded yet."));
	else if (req == REQ_RECORD_CONTACT)
		contact_form_open(v->app, &c);
	else if (req == REQ_CONFIRM_ANSWER)
		confirm_answer_open(v->app, &c);
	else if (req == REQ_CONFIRM_SEND)
		preview_confirm_open(v->app, &c);
	else if (req == REQ_STATEMENT)
		preview_open(v->app, c.code);
	else if (req == REQ_DUNNING_LETTER)
		preview_letter_open(v->app, c.code);
	else
		ask_dunning(v, &c);
	return REQ_NONE;
}

static long
contacts_find(struct view *v, const char *text, long from, int dir)
{
	struct contacts *k = v->priv;

	const struct cset *s = &k->set;

	for (long i = from; i >= 0 && i < (long)s->n; i += dir)
		if (strstr(txt(s, s->rows[i].code), text) || strstr(txt(s, s->rows[i].name), text) ||
		    strstr(txt(s, s->rows[i].note), text))
			return i;
	return -1;
}

const struct view_ops contacts_ops = {
	.title = N_("Contacts"),
	.section = KM_CONTACTS,
	.open = contacts_open,
	.close = contacts_close,
	.reload = contacts_reload,
	.draw = contacts_draw,
	.request = contacts_request,
	.count = contacts_count,
	.find = contacts_find,
	.poll = contacts_poll,
};
