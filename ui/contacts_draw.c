/* contacts_draw: pane 3's rows on the screen — the worklist's columns
 * fitted to the widest name and the longest to-do label in the clerk's
 * language, a timeline entry on one line (wide: promise and next action
 * in their own columns) or read in full, and the title with the customer's
 * balance confirmation. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "contact.h"
#include "contacts.h"
#include "draw.h"
#include "i18n.h"
#include "money.h"
#include "text.h"

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
void
contacts_entry_open(struct view *v, const struct cset *s, const struct citem *r)
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

void
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
