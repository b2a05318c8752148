/* stmt_build: a customer's statement built from the store (see
 * stmt_build.h) — movements with running balances, totals checked against
 * the ledger, tax per rate, aging and the open invoices. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "money.h"
#include "stmt_build.h"
#include "store_billed.h"
#include "store.h"
#include "terms.h"
#include "xalloc.h"

enum stmt_lang
stmt_lang_for(const struct customer *c)
{
	const char *cur = c->currency && *c->currency ? c->currency : "JPY";

	if (strcmp(cur, "CNY") == 0)
		return STMT_ZH;
	if (strcmp(cur, "JPY") == 0 && c->kana && *c->kana)
		return STMT_JA;
	return STMT_EN;
}

/* Building: the statement, the running balance and the first error. */
struct build {
	struct statement *s;
	size_t cap;
	int64_t balance;
	int overflow;
};

static void
add(struct build *b, int64_t *sum, int64_t v)
{
	if (!money_add(*sum, v, sum))
		b->overflow = 1;
}

static void
sub(struct build *b, int64_t *sum, int64_t v)
{
	if (!money_sub(*sum, v, sum))
		b->overflow = 1;
}

static void
add_rate(struct build *b, int rate, int64_t amount, int64_t tax)
{
	struct statement *s = b->s;
	int i;

	for (i = 0; i < s->nrates && s->rates[i].rate != rate; i++)
		;
	if (i == s->nrates) {
		if (s->nrates == STMT_MAX_RATES) /* at most 7 kinds exist */
			i = s->nrates - 1;
		else
			s->rates[s->nrates++] = (struct stmt_rate){ rate, 0, 0 };
	}
	add(b, &s->rates[i].amount, amount);
	if (rate != STMT_RATE_UNKNOWN)
		add(b, &s->rates[i].tax, tax);
}

/* Totals of one movement, and its running balance. */
static void
count_move(struct build *b, struct stmt_line *l)
{
	struct statement *s = b->s;

	switch (l->kind) {
	case LEDGER_MOVE_INVOICE:
		add(b, &s->sales, l->amount);
		if (l->rate != STMT_RATE_UNKNOWN)
			add(b, &s->tax, l->tax);
		else
			s->tax_unknown++;
		add_rate(b, l->rate, l->amount, l->tax);
		add(b, &b->balance, l->amount);
		break;
	case LEDGER_MOVE_PAYMENT:
		add(b, &s->received, l->amount);
		add(b, &s->fees, l->fee);
		sub(b, &b->balance, l->amount);
		sub(b, &b->balance, l->fee);
		break;
	case LEDGER_MOVE_ADJUSTMENT:
		add(b, &s->adjusted, l->amount);
		sub(b, &b->balance, l->amount);
		break;
	case LEDGER_MOVE_REFUND: /* cash paid back: received net of it */
		sub(b, &s->received, l->amount);
		add(b, &b->balance, l->amount);
		break;
	}
	l->balance = b->balance;
}

static int
on_move(const struct store_movement *m, void *ctx)
{
	struct build *b = ctx;
	struct statement *s = b->s;
	struct stmt_line *l;

	if (s->nlines == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		s->lines = xrealloc(s->lines, b->cap * sizeof *s->lines);
	}
	l = &s->lines[s->nlines++];
	memset(l, 0, sizeof *l);
	l->kind = m->kind;
	l->date = m->date;
	l->due = m->due;
	l->ref = xstrdup(m->ref);
	l->text = xstrdup(m->text);
	l->amount = m->amount;
	l->fee = m->fee;
	l->tax = m->kind == LEDGER_MOVE_INVOICE ? m->tax : 0;
	if (m->kind == LEDGER_MOVE_INVOICE) /* a credit slip (赤伝): the rate of its return */
		l->rate = m->amount < 0 && m->tax < 0 ? stmt_tax_rate(-m->amount, -m->tax, s->currency)
						      : stmt_tax_rate(m->amount, m->tax, s->currency);
	count_move(b, l);
	return 0;
}

static int
on_item(const struct store_open_item *it, void *ctx)
{
	struct build *b = ctx;
	struct statement *s = b->s;
	struct stmt_item *x;
	int k;

	if (s->nitems == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		s->items = xrealloc(s->items, b->cap * sizeof *s->items);
	}
	x = &s->items[s->nitems++];
	x->number = xstrdup(it->number);
	x->memo = xstrdup(it->memo);
	x->issue = it->issue;
	x->due = it->due;
	x->amount = it->amount;
	x->open = it->open;
	x->disputed = it->disputed;
	x->days_late = s->to - it->due;
	k = x->days_late <= 0 ? 0 : x->days_late <= 30 ? 1 : x->days_late <= 60 ? 2
	    : x->days_late <= 90 ? 3 : 4;
	add(b, &s->aging[k], it->open);
	return 0;
}

static void
copy_customer(struct statement *s, const struct customer *c, const struct stmt_opts *o)
{
	struct terms terms;

	s->cust_id = c->id;
	s->code = xstrdup(c->code);
	s->name = xstrdup(c->name ? c->name : "");
	s->address = xstrdup(c->address ? c->address : "");
	s->currency = xstrdup(c->currency && *c->currency ? c->currency : "JPY");
	s->lang = o->lang >= 0 && o->lang < STMT_LANGS ? (enum stmt_lang)o->lang
						       : stmt_lang_for(c);
	s->from = o->from;
	s->to = o->to;
	if (!o->from || !o->to) {
		int32_t f, t;

		stmt_default_period(c->terms, o->today, &f, &t);
		s->from = o->from ? o->from : f;
		s->to = o->to ? o->to : t;
	}
	s->deadline = stmt_deadline(c->terms, s->currency, s->to);
	s->closing = c->terms && terms_parse(c->terms, &terms, NULL) == UR_OK &&
		     terms.kind == TERMS_CLOSE;
}

/* The totals must add up to the balance the ledger gives for the end. */
static enum ur_status
check_totals(struct build *b, int64_t end, struct ur_err *err)
{
	struct statement *s = b->s;

	s->carried = s->previous;
	sub(b, &s->carried, s->received);
	sub(b, &s->carried, s->fees);
	sub(b, &s->carried, s->adjusted);
	s->current = s->carried;
	add(b, &s->current, s->sales);
	if (b->overflow)
		return ur_fail(err, UR_FAIL, _("statement of %s: the amounts overflow"), s->code);
	if (s->current != end || b->balance != end)
		return ur_fail(err, UR_FAIL,
			       _("statement of %s: the movements do not add up to the balance "
				 "(the ledger needs checking)"),
			       s->code);
	return UR_OK;
}

static enum ur_status
load(struct store_statement *q, struct build *b, struct ur_err *err)
{
	struct statement *s = b->s;
	int64_t end = 0;
	enum ur_status rc;

	if ((rc = store_statement_balance(q, s->cust_id, s->currency, s->from - 1, &s->previous,
					  err)) != UR_OK)
		return rc;
	b->balance = s->previous;
	if ((rc = store_statement_movements(q, s->cust_id, s->currency, s->from, s->to, on_move,
					    b, err)) != UR_OK)
		return rc;
	if ((rc = store_statement_balance(q, s->cust_id, s->currency, s->to, &end, err)) != UR_OK)
		return rc;
	if ((rc = check_totals(b, end, err)) != UR_OK)
		return rc;
	b->cap = 0;
	if ((rc = store_statement_open_items(q, s->cust_id, s->currency, s->to, on_item, b,
					     err)) != UR_OK)
		return rc;
	/* The balance counts cash kept on account; the open invoices do not:
	 * what they add up to beyond it is that cash, shown as a credit. */
	stmt_tax_on_total(s);
	s->on_account = -s->current;
	for (int i = 0; i < STMT_AGING_BUCKETS; i++)
		add(b, &s->on_account, s->aging[i]);
	return b->overflow ? ur_fail(err, UR_FAIL, _("statement of %s: the amounts overflow"),
				     s->code) : UR_OK;
}

enum ur_status
stmt_build(struct store *st, struct store_statement *q, const char *code,
	   const struct stmt_opts *o, struct statement *out, struct ur_err *err)
{
	struct customer c;
	struct build b;
	enum ur_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_customer_get(st, code, &c, err)) != UR_OK)
		return rc;
	copy_customer(out, &c, o);
	if (out->to < out->from) {
		char f[DATE_ISO_SIZE], t[DATE_ISO_SIZE];

		date_format_iso(out->from, f);
		date_format_iso(out->to, t);
		stmt_free(out);
		return ur_fail(err, UR_INPUT, _("the period ends (%s) before it starts (%s)"), t, f);
	}
	memset(&b, 0, sizeof b);
	b.s = out;
	if ((rc = load(q, &b, err)) != UR_OK)
		stmt_free(out);
	return rc;
}

enum ur_status
stmt_issued(struct store *st, const struct statement *s, int32_t day, const char *delivery,
	    const char *file, int64_t *previous, struct ur_err *err)
{
	struct billed_issue b = { s->cust_id, s->code, s->from, s->to, day, s->currency,
				  s->billed, s->sales, s->tax_rounding, delivery, file, NULL,
				  s->nitems };
	struct billed_slip *slips;
	enum ur_status rc;

	if (previous)
		*previous = -1;
	if (!s->closing)
		return UR_OK;
	b.slips = slips = xcalloc(s->nitems + 1, sizeof *slips);
	for (size_t i = 0; i < s->nitems; i++) /* open at the end of the period: as printed */
		slips[i] = (struct billed_slip){ s->items[i].number, s->items[i].open,
						 s->items[i].issue >= s->from };
	rc = store_billed_record(st, &b, previous, err);
	free(slips);
	return rc;
}
