/* view_contacts: pane 3, the contact log — today's worklist (follow-ups
 * due, promises due today, broken promises, dunning levels crossed, open
 * balance disputes) and a customer's timeline loaded in the background,
 * and the pane's keys: recording a contact, moving the dunning level, the
 * drill-down, the statement preview, the balance confirmation's answer (b),
 * letter (c) and dispute (R) from here; a sales rep's worklist saved as a
 * digest (P) or e-mailed to the rep (m). Drawn by contacts_draw.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "company_src.h"
#include "contacts.h"
#include "contact.h"
#include "dayrows.h"
#include "digest.h"
#include "draw.h"
#include "i18n.h"
#include "kvconf.h"
#include "loader.h"
#include "panes.h"
#include "store_confirm.h"
#include "store_contact.h"
#include "xalloc.h"

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
	case REQ_CONFIRM_RESOLVE:
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
		contacts_entry_open(v, &k->set, &k->set.rows[v->cursor]);
	else if (req == REQ_DRILL)
		app_error(v->app, "%s", _("No contacts recorded yet."));
	else if (req == REQ_RECORD_CONTACT)
		contact_form_open(v->app, &c);
	else if (req == REQ_CONFIRM_ANSWER)
		confirm_answer_open(v->app, &c);
	else if (req == REQ_CONFIRM_SEND)
		preview_confirm_open(v->app, &c);
	else if (req == REQ_CONFIRM_RESOLVE)
		dispute_form_open(v->app, &c);
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
