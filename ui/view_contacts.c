/* view_contacts: pane 3, the contact log — today's worklist (follow-ups
 * due, promises due today, broken promises, dunning levels crossed) and a
 * customer's timeline (who, channel, direction, note, outcome, promise and
 * its state, next action and owner); recording a contact, moving the
 * dunning level, the drill-down and the statement preview from here. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "money.h"
#include "panes.h"
#include "store_contact.h"
#include "xalloc.h"

/* A worklist item or a timeline entry, copied out of the store's callback. */
struct citem {
	int kind; /* enum worklist_kind; -1 for a timeline entry */
	int64_t customer_id;
	char *code, *name, *currency, *who, *channel, *note, *owner;
	int32_t day, promise_date, next_date;
	int64_t amount, paid;
	int state, level, recorded, days;
};

struct contacts {
	struct ar_settings conf;
	bool timeline;
	struct pane_customer c;
	struct pane_customer target; /* of the dunning prompt */
	int suggest;                 /*   and the level it suggests */
	struct citem *rows;
	size_t n, cap;
};

static void
drop_rows(struct contacts *k)
{
	for (size_t i = 0; i < k->n; i++) {
		struct citem *r = &k->rows[i];

		free(r->code);
		free(r->name);
		free(r->currency);
		free(r->who);
		free(r->channel);
		free(r->note);
		free(r->owner);
	}
	k->n = 0;
}

static struct citem *
new_row(struct contacts *k)
{
	if (k->n == k->cap)
		k->rows = xrealloc(k->rows, (k->cap = k->cap ? 2 * k->cap : 64) * sizeof *k->rows);
	memset(&k->rows[k->n], 0, sizeof *k->rows);
	return &k->rows[k->n++];
}

static int
add_work(const struct worklist_item *w, void *ctx)
{
	struct citem *r = new_row(ctx);

	r->kind = (int)w->kind;
	r->customer_id = w->customer_id;
	r->code = xstrdup(w->customer);
	r->name = xstrdup(w->name);
	r->currency = xstrdup(w->currency);
	r->who = xstrdup(w->sales_rep);
	r->note = xstrdup(w->note);
	r->owner = xstrdup(w->owner);
	r->channel = xstrdup("");
	r->day = w->date;
	r->amount = w->amount;
	r->paid = w->paid;
	r->level = w->level;
	r->recorded = w->recorded_level;
	r->days = w->days_overdue;
	return 0;
}

static int
add_entry(const struct contact_entry *e, void *ctx)
{
	struct citem *r = new_row(ctx);
	struct strbuf sb;

	sb_init(&sb);
	sb_addf(&sb, "%s%s%s", e->outcome, *e->outcome ? ": " : "", e->note);
	r->kind = -1;
	r->customer_id = e->customer_id;
	r->code = xstrdup(e->customer);
	r->name = xstrdup(e->name);
	r->currency = xstrdup(e->currency);
	r->who = xstrdup(e->user);
	r->note = sb_detach(&sb);
	r->owner = xstrdup(e->next_owner);
	sb_free(&sb);
	sb_init(&sb);
	sb_addf(&sb, "%s/%s", e->channel, *e->direction == 'i' ? _("in") : _("out"));
	r->channel = sb_detach(&sb);
	sb_free(&sb);
	r->day = e->day;
	r->promise_date = e->promise_date;
	r->amount = e->promise_amount;
	r->paid = e->promise_paid;
	r->state = (int)e->promise_state;
	r->next_date = e->next_date;
	r->level = e->dunning_level;
	return 0;
}

static void
contacts_load(struct view *v)
{
	struct contacts *k = v->priv;
	struct ur_err err;
	enum ur_status s;

	drop_rows(k);
	ur_err_clear(&err);
	if (k->timeline)
		s = store_contact_timeline(v->app->st, k->c.id, v->app->today, add_entry, k, &err);
	else
		s = store_contact_worklist(v->app->st, &k->conf, v->app->today, add_work, k, &err);
	if (s != UR_OK)
		app_error(v->app, "%s", err.msg);
	app_move(v, v->cursor);
}

static void
contacts_open(struct view *v)
{
	struct contacts *k = xcalloc(1, sizeof *k);

	v->priv = k;
	pane_arconf(v->app, &k->conf);
	contacts_load(v);
}

static void
contacts_close(struct view *v)
{
	struct contacts *k = v->priv;

	drop_rows(k);
	free(k->rows);
	free(k);
	v->priv = NULL;
}

static long
contacts_count(struct view *v)
{
	return (long)((struct contacts *)v->priv)->n;
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
	v->cursor = v->top = 0;
	contacts_load(v);
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

static const char *
work_label(int kind)
{
	static const char *const names[] = { N_("Follow up"), N_("Promise due"),
					     N_("Broken promise"), N_("Dunning") };

	return _(names[kind]);
}

/* The last column of a worklist row: what to do about it. */
static void
work_note(const struct citem *r, struct strbuf *sb)
{
	if (r->kind == WORK_DUNNING)
		sb_addf(sb, ngettext_("%s → %s (%d day overdue)", "%s → %s (%d days overdue)",
				      (unsigned long)r->days),
			contact_level_name(r->recorded), contact_level_name(r->level), r->days);
	else
		sb_addf(sb, "%s%s%s", r->owner, *r->owner ? ": " : "", r->note);
	for (size_t i = 0; i < sb->len; i++)
		if (sb->buf[i] == '\n' || sb->buf[i] == '\t')
			sb->buf[i] = ' ';
}

static void
draw_work(struct view *v, const struct citem *r, int y, enum ui_elem e)
{
	int wn = (COLS - 44) / 2, wt = COLS - 44 - wn;
	char day[32], amt[MONEY_BUFSZ];
	struct strbuf sb;

	sb_init(&sb);
	settings_date(&v->app->set, r->day, day, sizeof day);
	money_format(r->amount, r->currency, MONEY_GROUP, amt, sizeof amt);
	work_note(r, &sb);
	draw_text(y, 0, 15, work_label(r->kind), TEXT_LEFT,
		  e == UI_NORMAL && r->kind == WORK_PROMISE_BROKEN ? UI_ERROR : e);
	draw_text(y, 15, 7, r->code, TEXT_LEFT, e);
	draw_text(y, 22, wn - 1, r->name, TEXT_LEFT, e);
	draw_text(y, 21 + wn, 1, "", TEXT_LEFT, e);
	draw_text(y, 22 + wn, 11, day, TEXT_LEFT, e);
	draw_text(y, 33 + wn, 14, r->amount ? amt : "", TEXT_RIGHT, e);
	draw_text(y, 47 + wn, 1, "", TEXT_LEFT, e);
	draw_text(y, 48 + wn, wt - 4, sb.buf, TEXT_LEFT, e);
	sb_free(&sb);
}

/* The promise of a timeline entry ("2026-04-15 300,000 pending") and its
 * next action ("2026-04-16 sales") or dunning level. */
static void
entry_parts(struct view *v, const struct citem *r, char *prom, char *next, size_t size)
{
	static const char *const state[] = { N_("pending"), N_("kept"), N_("broken") };
	char day[32], amt[MONEY_BUFSZ];

	prom[0] = next[0] = '\0';
	if (r->promise_date) {
		settings_date(&v->app->set, r->promise_date, day, sizeof day);
		money_format(r->amount, r->currency, MONEY_GROUP, amt, sizeof amt);
		snprintf(prom, size, "%s %s %s", day, amt, _(state[r->state]));
	}
	if (r->next_date) {
		settings_date(&v->app->set, r->next_date, day, sizeof day);
		snprintf(next, size, "%s %s", day, r->owner);
	} else if (r->level) {
		snprintf(next, size, "%s", contact_level_name(r->level));
	}
}

/* Wide: promise and next action in their own columns; narrow: after the
 * note. */
static void
draw_entry(struct view *v, const struct citem *r, int y, enum ui_elem e)
{
	bool wide = COLS >= 120;
	int wn = wide ? COLS - 80 : COLS - 30;
	char day[32], prom[128], next[128];
	struct strbuf sb;

	settings_date(&v->app->set, r->day, day, sizeof day);
	entry_parts(v, r, prom, next, sizeof prom);
	sb_init(&sb);
	sb_adds(&sb, r->note);
	if (!wide && *prom)
		sb_addf(&sb, _(" | promise %s"), prom);
	if (!wide && *next)
		sb_addf(&sb, _(" | next %s"), next);
	draw_text(y, 0, 11, day, TEXT_LEFT, e);
	draw_text(y, 11, 9, r->who, TEXT_LEFT, e);
	draw_text(y, 20, 10, r->channel, TEXT_LEFT, e);
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

static void
draw_heads(struct contacts *k, int y)
{
	int wn = (COLS - 44) / 2;

	if (k->timeline) {
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
	draw_text(y, 0, 15, _("To do"), TEXT_LEFT, UI_HEADER);
	draw_text(y, 15, 7 + wn, _("Customer"), TEXT_LEFT, UI_HEADER);
	draw_text(y, 22 + wn, 11, _("Date"), TEXT_LEFT, UI_HEADER);
	draw_text(y, 33 + wn, 14, _("Amount"), TEXT_RIGHT, UI_HEADER);
	draw_text(y, 47 + wn, COLS - 47 - wn, _(" What"), TEXT_LEFT, UI_HEADER);
}

static void
contacts_draw(struct view *v, int y, int rows)
{
	struct contacts *k = v->priv;
	char buf[512], date[32];
	long top;

	settings_date(&v->app->set, v->app->today, date, sizeof date);
	if (k->timeline)
		snprintf(buf, sizeof buf, _("Contact log · %s %s · %zu"), k->c.code, k->c.name, k->n);
	else
		snprintf(buf, sizeof buf, _("Worklist for %s · %zu to do"), date, k->n);
	draw_text(y, 0, COLS, buf, TEXT_LEFT, UI_TITLE);
	draw_heads(k, y + 1);
	top = app_list_top(v, rows - 2);
	for (long i = top; i < (long)k->n && i < top + rows - 2; i++) {
		enum ui_elem e = i == v->cursor ? UI_CURSOR : UI_NORMAL;

		if (k->timeline)
			draw_entry(v, &k->rows[i], y + 2 + (int)(i - top), e);
		else
			draw_work(v, &k->rows[i], y + 2 + (int)(i - top), e);
	}
	if (!k->n)
		draw_text(y + 3, 2, COLS - 4,
			  k->timeline ? _("No contacts recorded yet.") : _("Nothing to do today."),
			  TEXT_LEFT, UI_MUTED);
}

/* Level prompt: the typed level, or the suggested one for an empty line. */
static void
dunning_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct view *v = ctx;
	struct contacts *k = v->priv;
	struct ur_err err;
	int level;

	if (!final || !text || !k)
		return;
	level = *text ? atoi(text) : k->suggest;
	if (level < 1 || level > ARCONF_LEVELS)
		return app_error(a, _("Type a dunning level from 1 to %d."), ARCONF_LEVELS);
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
	const struct citem *r = k->n && !k->timeline ? &k->rows[v->cursor] : NULL;
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

static enum request
contacts_request(struct view *v, enum request req)
{
	struct contacts *k = v->priv;
	struct pane_customer c;

	switch (req) {
	case REQ_WORKLIST: contacts_show(v, NULL); return REQ_NONE;
	case REQ_DRILL:
	case REQ_RECORD_CONTACT:
	case REQ_DUNNING_MOVE:
	case REQ_STATEMENT: break;
	default: return req;
	}
	if (!k->n && !k->timeline) {
		app_error(v->app, "%s", _("No customer here."));
		return REQ_NONE;
	}
	if (k->timeline)
		c = k->c;
	else if (!pane_customer_get(v->app, k->rows[v->cursor].customer_id, &c))
		return REQ_NONE;
	if (req == REQ_DRILL && !k->timeline)
		contacts_show(v, &c);
	else if (req == REQ_DRILL)
		drill_open(v->app, &c, v->app->today);
	else if (req == REQ_RECORD_CONTACT)
		contact_form_open(v->app, &c);
	else if (req == REQ_STATEMENT)
		preview_open(v->app, c.code);
	else
		ask_dunning(v, &c);
	return REQ_NONE;
}

static long
contacts_find(struct view *v, const char *text, long from, int dir)
{
	struct contacts *k = v->priv;

	for (long i = from; i >= 0 && i < (long)k->n; i += dir)
		if (strstr(k->rows[i].code, text) || strstr(k->rows[i].name, text) ||
		    strstr(k->rows[i].note, text))
			return i;
	return -1;
}

const struct view_ops contacts_ops = {
	.title = N_("Contacts"),
	.section = KM_CONTACTS,
	.open = contacts_open,
	.close = contacts_close,
	.reload = contacts_load,
	.draw = contacts_draw,
	.request = contacts_request,
	.count = contacts_count,
	.find = contacts_find,
};
