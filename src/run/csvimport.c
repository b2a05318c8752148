/* csvimport: header mapping, per-record validation and upserts of customer
 * and invoice CSV, streamed record by record inside one transaction. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "csvimport.h"
#include "date.h"
#include "fieldcap.h"
#include "i18n.h"
#include "jsonout.h"
#include "kana.h"
#include "match.h"
#include "money.h"
#include "store.h"
#include "terms.h"
#include "text.h"
#include "xalloc.h"

#define IMP_MAXCOLS 14
#define IMP_PROGRESS_EVERY 4096

/* A string → size_t hash map (open addressing) with its keys in one arena,
 * so a million invoice numbers cost no malloc each. */
struct strmap_slot {
	size_t off1; /* key offset + 1 in keys; 0 = empty */
	size_t val;
	uint64_t hash;
};

struct strmap {
	struct strbuf keys;
	struct strmap_slot *slot;
	size_t cap, n;
};

/* Customer facts an invoice needs, cached by code. */
struct cinfo {
	char currency[8];
	struct terms terms;
	enum cal_region region;
};

struct imp {
	struct store *st;
	const struct csvimport_opts *o;
	struct csv_reader r;
	size_t len;
	const char *const *names;     /* the columns this import knows */
	int ncols;
	unsigned multiline;           /* text columns: cells may hold line breaks, tabs */
	size_t nhdr;                  /* fields of the header row */
	int col[IMP_MAXCOLS];
	struct strbuf f[IMP_MAXCOLS]; /* trimmed copies of identifier fields */
	struct strbuf kana_key;
	struct strmap seen;           /* code/number → line first seen */
	struct strmap cust;           /* invoices: customer code → index in ci */
	struct cinfo *ci;
	size_t nci, ci_cap;
	struct csvimport_counts n;
	struct ur_err *err;
};

static const char *const cust_cols[] = {
	"code", "name", "kana", "currency", "terms", "credit_limit", "sales_rep", "phone",
	"email", "address", "parent", "rep_kana", "fee_policy", "collector",
};
enum { C_CODE, C_NAME, C_KANA, C_CURRENCY, C_TERMS, C_CREDIT, C_REP, C_PHONE, C_EMAIL, C_ADDRESS,
       C_PARENT, C_REP_KANA, C_FEE, C_COLLECTOR };

static const char *const inv_cols[] = {
	"number", "customer", "issue_date", "due_date", "amount", "currency", "tax", "memo",
};
enum { I_NUMBER, I_CUSTOMER, I_ISSUE, I_DUE, I_AMOUNT, I_CURRENCY, I_TAX, I_MEMO };

static uint64_t
strmap_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static struct strmap_slot *
strmap_slot(const struct strmap *m, const char *key, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & (m->cap - 1);

	while (m->slot[i].off1 &&
	       (m->slot[i].hash != h || strcmp(m->keys.buf + m->slot[i].off1 - 1, key) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slot[i];
}

static void
strmap_grow(struct strmap *m)
{
	struct strmap_slot *old = m->slot;
	size_t i, oldcap = m->cap;

	m->cap = m->cap ? m->cap * 2 : 1024;
	m->slot = xcalloc(m->cap, sizeof *m->slot);
	for (i = 0; i < oldcap; i++)
		if (old[i].off1)
			*strmap_slot(m, m->keys.buf + old[i].off1 - 1, old[i].hash) = old[i];
	free(old);
}

/* The value of key, or NULL. */
static size_t *
strmap_get(struct strmap *m, const char *key)
{
	struct strmap_slot *s;

	if (!m->cap)
		return NULL;
	s = strmap_slot(m, key, strmap_hash(key));
	return s->off1 ? &s->val : NULL;
}

/* Add key (not present) with val. */
static void
strmap_put(struct strmap *m, const char *key, size_t val)
{
	struct strmap_slot *s;
	uint64_t h = strmap_hash(key);

	if (2 * (m->n + 1) > m->cap)
		strmap_grow(m);
	s = strmap_slot(m, key, h);
	s->off1 = m->keys.len + 1;
	s->val = val;
	s->hash = h;
	sb_add(&m->keys, key, strlen(key) + 1);
	m->n++;
}

static void
strmap_free(struct strmap *m)
{
	sb_free(&m->keys);
	free(m->slot);
}

/* "FILE:LINE: " + the message, as UR_INPUT. */
__attribute__((format(printf, 2, 3))) static enum ur_status
imp_fail(struct imp *im, const char *fmt, ...)
{
	char msg[sizeof im->err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return ur_fail(im->err, UR_INPUT, "%s:%zu: %s", im->o->name, csv_line(&im->r), msg);
}

/* A field's own error, prefixed with the file, line and column. */
static enum ur_status
imp_fail_col(struct imp *im, const char *col, const struct ur_err *e)
{
	return imp_fail(im, "%s: %s", col, e->msg);
}

static const char *
imp_field(const struct imp *im, int k)
{
	return im->col[k] < 0 ? "" : csv_field(&im->r, (size_t)im->col[k]);
}

/* Field k without surrounding spaces and tabs (a copy kept in im->f[k]). */
static const char *
imp_trimmed(struct imp *im, int k)
{
	const char *s = imp_field(im, k), *e;

	while (*s == ' ' || *s == '\t')
		s++;
	for (e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t'); e--)
		;
	sb_reset(&im->f[k]);
	sb_add(&im->f[k], s, (size_t)(e - s));
	return im->f[k].buf;
}

/* Map the header row's names (trimmed, any case) to columns. */
static enum ur_status
imp_header(struct imp *im, const char *const *names, int ncols, unsigned required)
{
	int st = csv_next(&im->r, im->err), k;

	if (st < 0)
		return im->err->status;
	if (st == 0)
		return ur_fail(im->err, UR_INPUT, _("%s:%d: empty file: no header row"),
			       im->o->name, 1);
	for (k = 0; k < ncols; k++)
		im->col[k] = -1;
	for (size_t i = csv_nfields(&im->r); i-- > 0;) {
		const char *h = csv_field(&im->r, i), *e;

		while (*h == ' ' || *h == '\t')
			h++;
		for (e = h + strlen(h); e > h && (e[-1] == ' ' || e[-1] == '\t'); e--)
			;
		for (k = 0; k < ncols; k++) {
			if (strlen(names[k]) != (size_t)(e - h) ||
			    strncasecmp(names[k], h, (size_t)(e - h)) != 0)
				continue;
			if (im->col[k] >= 0) /* which of the two would the rows mean? */
				return imp_fail(im, _("column '%s' appears twice in the header "
						      "(fields %zu and %d)"),
						names[k], i + 1, im->col[k] + 1);
			im->col[k] = (int)i;
		}
	}
	for (k = 0; k < ncols; k++)
		if ((required & (1u << k)) && im->col[k] < 0)
			return imp_fail(im, _("missing required column '%s'"), names[k]);
	im->names = names;
	im->ncols = ncols;
	im->nhdr = csv_nfields(&im->r);
	csv_name_columns(&im->r);
	return UR_OK;
}

static int
imp_blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* Whether column k's cell is acceptable: line breaks and tabs only in a
 * text column (address, memo; the CSV reader lets tabs through for bank
 * files), and not longer than fieldcap.h allows. */
static bool
imp_cell_ok(struct imp *im, int k)
{
	size_t f = (size_t)im->col[k], len = csv_field_len(&im->r, f);
	const char *s = csv_field(&im->r, f);
	bool text = im->multiline & (1u << k);
	size_t max = text ? FIELDCAP_TEXT_MAX : FIELDCAP_MAX;

	if (!text && csv_control_char(s, len, false, NULL) >= 0)
		imp_fail(im, _("line break in column '%s'"), im->names[k]);
	else if (!text && memchr(s, '\t', len))
		imp_fail(im, _("control character U+0009 (tab) in column '%s'"), im->names[k]);
	else if (len > max)
		imp_fail(im, _("column '%s' is %zu bytes long; an import accepts at most %zu"),
			 im->names[k], len, max);
	else
		return true;
	return false;
}

/* Check the shape of the current record: 1 to skip it (every cell empty,
 * as the rows of commas Excel leaves at the end), 0 to use it, -1 when it
 * is rejected — more fields than the header, even empty ones (an unquoted
 * 1,000 splits into two cells and shifts the rest), or a bad cell. */
static int
imp_shape(struct imp *im)
{
	size_t n = csv_nfields(&im->r), i;

	for (i = 0; i < n && imp_blank(csv_field(&im->r, i)); i++)
		;
	if (i == n)
		return 1;
	if (n > im->nhdr) {
		imp_fail(im, _("%zu fields, the header has %zu (write an amount with "
			       "thousands separators in quotes: \"1,000\")"), n, im->nhdr);
		return -1;
	}
	for (int k = 0; k < im->ncols; k++)
		if (im->col[k] >= 0 && !imp_cell_ok(im, k))
			return -1;
	return 0;
}

/* A store error for the current record, with "FILE:LINE: " in front when
 * the record is at fault (input or conflict). */
static enum ur_status
imp_store_fail(struct imp *im)
{
	char msg[sizeof im->err->msg];
	enum ur_status st = im->err->status;

	if (st != UR_INPUT && st != UR_CONFLICT)
		return st;
	snprintf(msg, sizeof msg, "%s", im->err->msg);
	return ur_fail(im->err, st, "%s:%zu: %s", im->o->name, csv_line(&im->r), msg);
}

/* Whether the file has column k. */
static int
imp_has(const struct imp *im, int k)
{
	return im->col[k] >= 0;
}

/* Reject a code or number already seen earlier in the file. */
static enum ur_status
imp_unique(struct imp *im, const char *col, const char *key)
{
	size_t *first = strmap_get(&im->seen, key);

	if (first)
		return imp_fail(im, _("duplicate %s '%s' (first on line %zu)"), col, key, *first);
	strmap_put(&im->seen, key, csv_line(&im->r));
	return UR_OK;
}

/* Field k, required to be non-empty once trimmed. */
static const char *
imp_required(struct imp *im, int k, const char *col)
{
	const char *s = imp_trimmed(im, k);

	if (!*s)
		imp_fail(im, _("empty %s"), col);
	return s;
}

/* The currency of field k (upper-cased), or dflt when empty; NULL when
 * unknown (err filled). */
static const char *
imp_currency(struct imp *im, int k, const char *dflt)
{
	struct strbuf *b = &im->f[k];
	size_t i;

	imp_trimmed(im, k);
	if (!b->len)
		return dflt;
	for (i = 0; i < b->len; i++)
		if (b->buf[i] >= 'a' && b->buf[i] <= 'z')
			b->buf[i] = (char)(b->buf[i] - 'a' + 'A');
	if (!money_currency_known(b->buf)) {
		imp_fail(im, _("unknown currency '%s'"), b->buf);
		return NULL;
	}
	return b->buf;
}

static void
imp_count(struct imp *im, enum store_upsert what)
{
	if (what == STORE_INSERTED)
		im->n.added++;
	else if (what == STORE_UPDATED)
		im->n.updated++;
	else
		im->n.unchanged++;
}

/* Terms text of the record in canonical form into buf ("" for none); the
 * stored terms when the file has no terms column. */
static enum ur_status
cust_terms(struct imp *im, const struct customer *old, char *buf, size_t size)
{
	const char *text = imp_trimmed(im, C_TERMS);
	struct terms t;
	struct ur_err e;

	if (!imp_has(im, C_TERMS)) {
		snprintf(buf, size, "%s", old && old->terms ? old->terms : "");
		return UR_OK;
	}
	buf[0] = '\0';
	if (!*text)
		return UR_OK;
	if (terms_parse(text, &t, &e) != UR_OK)
		return imp_fail_col(im, "terms", &e);
	terms_format(&t, buf, size);
	return UR_OK;
}

/* The fee_policy cell: none, deduct, an amount, amounts a/b, list:… or
 * upto:… in the customer's currency (match_fee_parse), kept as written. */
static enum ur_status
cust_fee(struct imp *im, const struct customer *c)
{
	struct match_fee_policy p;
	struct ur_err e;

	if (match_fee_parse(c->fee_policy, c->currency, &p, &e) != UR_OK)
		return imp_fail_col(im, "fee_policy", &e);
	return UR_OK;
}

/* The stored customer code into *old when the file lacks a column whose
 * stored value must then be kept: 1 found, 0 not needed or no such
 * customer, -1 on a store error (im->err filled). */
static int
cust_existing(struct imp *im, const char *code, struct customer *old)
{
	struct ur_err e;
	int k;

	for (k = C_KANA; k <= C_COLLECTOR && imp_has(im, k); k++)
		;
	if (k > C_COLLECTOR)
		return 0;
	if (store_customer_get(im->st, code, old, &e) == UR_OK)
		return 1;
	if (e.status == UR_INPUT)
		return 0;
	*im->err = e;
	return -1;
}

/* Text column k: the cell when the file has the column (trimmed or as
 * written), else the stored value (old may be NULL: a new customer). */
static const char *
cust_text(struct imp *im, int k, int trim, const char *stored)
{
	if (imp_has(im, k))
		return trim ? imp_trimmed(im, k) : imp_field(im, k);
	return stored ? stored : "";
}

/* Currency and credit limit: from the file, else the stored ones. */
static enum ur_status
cust_money(struct imp *im, struct customer *c, const struct customer *old)
{
	const char *credit = imp_trimmed(im, C_CREDIT);
	struct ur_err e;

	if (!imp_has(im, C_CURRENCY))
		c->currency = old && old->currency && *old->currency ? old->currency : "JPY";
	else if (!(c->currency = imp_currency(im, C_CURRENCY, "JPY")))
		return UR_INPUT;
	if (!imp_has(im, C_CREDIT))
		c->credit_limit = old ? old->credit_limit : 0;
	else if (*credit && money_parse(credit, c->currency, &c->credit_limit, &e) != UR_OK)
		return imp_fail_col(im, "credit_limit", &e);
	return UR_OK;
}

/* A column missing from the file keeps the stored value of an existing
 * customer (a new one gets the default); a column present with an empty
 * cell empties it. */
static enum ur_status
cust_row(struct imp *im)
{
	char terms[TERMS_TEXT_SIZE];
	struct customer c, stored, *old = NULL;
	enum store_upsert what;
	int found = 0;

	memset(&c, 0, sizeof c);
	if (!*(c.code = imp_required(im, C_CODE, "code")))
		return UR_INPUT;
	c.name = imp_field(im, C_NAME);
	if (!*imp_required(im, C_NAME, "name") || imp_unique(im, "code", c.code) != UR_OK)
		return UR_INPUT;
	if ((found = cust_existing(im, c.code, &stored)) < 0)
		return im->err->status;
	if (found)
		old = &stored;
	if (cust_money(im, &c, old) != UR_OK || cust_terms(im, old, terms, sizeof terms) != UR_OK)
		return UR_INPUT;
	c.terms = terms;
	c.kana = cust_text(im, C_KANA, 0, old ? old->kana : NULL);
	sb_reset(&im->kana_key);
	kana_fold(*c.kana ? c.kana : c.name, &im->kana_key, NULL);
	c.kana_key = im->kana_key.buf;
	c.sales_rep = cust_text(im, C_REP, 0, old ? old->sales_rep : NULL);
	c.phone = cust_text(im, C_PHONE, 0, old ? old->phone : NULL);
	c.email = cust_text(im, C_EMAIL, 0, old ? old->email : NULL);
	c.address = cust_text(im, C_ADDRESS, 0, old ? old->address : NULL);
	c.payer_parent = cust_text(im, C_PARENT, 1, old ? old->payer_parent : NULL);
	if (strcmp(c.payer_parent, c.code) == 0)
		return imp_fail(im, _("customer %s cannot be its own parent"), c.code);
	c.rep_kana = cust_text(im, C_REP_KANA, 0, old ? old->rep_kana : NULL);
	c.fee_policy = cust_text(im, C_FEE, 1, old ? old->fee_policy : NULL);
	if (*c.fee_policy && cust_fee(im, &c) != UR_OK)
		return UR_INPUT;
	c.collector = cust_text(im, C_COLLECTOR, 1, old ? old->collector : NULL);
	if (*c.collector && strcmp(c.collector, "sales") != 0 &&
	    strcmp(c.collector, "accounting") != 0)
		return imp_fail(im, _("collector: '%s' is not sales or accounting"), c.collector);
	if (store_customer_upsert(im->st, &c, &what, im->err) != UR_OK)
		return imp_store_fail(im);
	imp_count(im, what);
	return UR_OK;
}

/* The cached facts of customer code, loading them on first use. */
static const struct cinfo *
inv_customer(struct imp *im, const char *code)
{
	size_t *idx = strmap_get(&im->cust, code);
	struct customer c;
	struct cinfo *ci;
	struct ur_err e;

	if (idx)
		return &im->ci[*idx];
	if (store_customer_get(im->st, code, &c, &e) != UR_OK) {
		if (e.status == UR_INPUT)
			imp_fail(im, _("unknown customer '%s'"), code);
		else
			*im->err = e;
		return NULL;
	}
	if (im->nci == im->ci_cap) {
		im->ci_cap = im->ci_cap ? im->ci_cap * 2 : 256;
		im->ci = xrealloc(im->ci, im->ci_cap * sizeof *im->ci);
	}
	ci = &im->ci[im->nci];
	snprintf(ci->currency, sizeof ci->currency, "%s", c.currency && *c.currency ? c.currency : "JPY");
	ci->region = strcmp(ci->currency, "CNY") == 0 ? CAL_CN : CAL_JP;
	if (terms_parse(c.terms ? c.terms : "", &ci->terms, &e) != UR_OK) {
		imp_fail(im, _("customer '%s' has bad terms: %s"), code, e.msg);
		return NULL;
	}
	strmap_put(&im->cust, code, im->nci++);
	return ci;
}

/* The stored invoice number into *old when the file lacks a column whose
 * stored value must then be kept (due_date, tax, memo): as cust_existing. */
static int
inv_existing(struct imp *im, const char *number, struct invoice *old)
{
	struct ur_err e;
	int64_t open;

	if (imp_has(im, I_DUE) && imp_has(im, I_TAX) && imp_has(im, I_MEMO))
		return 0;
	if (store_invoice_get(im->st, number, old, &open, &e) == UR_OK)
		return 1;
	if (e.status == UR_INPUT)
		return 0;
	*im->err = e;
	return -1;
}

/* Amount and tax of the record in its currency; without a tax column an
 * existing invoice keeps its tax. */
static enum ur_status
inv_money(struct imp *im, struct invoice *inv, const struct invoice *old)
{
	const char *amount = imp_trimmed(im, I_AMOUNT), *tax = imp_trimmed(im, I_TAX);
	struct ur_err e;

	if (money_parse(amount, inv->currency, &inv->amount, &e) != UR_OK)
		return imp_fail_col(im, "amount", &e);
	inv->tax = imp_has(im, I_TAX) || !old ? -1 : old->tax;
	if (*tax && money_parse(tax, inv->currency, &inv->tax, &e) != UR_OK)
		return imp_fail_col(im, "tax", &e);
	return UR_OK;
}

/* Issue date, and the due date as written or from the customer's terms.
 *
 * Without a due_date column an existing invoice keeps its due date as long
 * as its issue date and customer stay the same: the due date was fixed when
 * the invoice was issued (perhaps by hand), and a later change of the
 * customer's terms applies to new invoices, not to ones already sent. A new
 * issue date or customer means the old due date was derived from facts that
 * no longer hold, so it is computed again. An empty due_date cell asks for
 * the date from the terms, as for a new invoice. */
static enum ur_status
inv_dates(struct imp *im, struct invoice *inv, const struct cinfo *ci,
	  const struct invoice *old)
{
	const char *due = imp_trimmed(im, I_DUE);
	struct ur_err e;

	if (date_parse(imp_trimmed(im, I_ISSUE), &inv->issue_date, &e) != UR_OK)
		return imp_fail_col(im, "issue_date", &e);
	if (!imp_has(im, I_DUE) && old && old->issue_date == inv->issue_date &&
	    strcmp(old->customer, inv->customer) == 0) {
		inv->due_date = old->due_date;
		return UR_OK;
	}
	if (!*due) {
		inv->due_date = terms_due_date(&ci->terms, inv->issue_date, ci->region);
		return UR_OK;
	}
	if (date_parse(due, &inv->due_date, &e) != UR_OK)
		return imp_fail_col(im, "due_date", &e);
	return UR_OK;
}

/* Columns missing from the file keep an existing invoice's values (the
 * currency is always the customer's); empty cells empty them. */
static enum ur_status
inv_row(struct imp *im)
{
	struct invoice inv, stored, *old = NULL;
	const struct cinfo *ci;
	enum store_upsert what;
	int found = 0;

	memset(&inv, 0, sizeof inv);
	if (!*(inv.number = imp_required(im, I_NUMBER, "number")) ||
	    !*(inv.customer = imp_required(im, I_CUSTOMER, "customer")) ||
	    !*imp_required(im, I_ISSUE, "issue_date") || !*imp_required(im, I_AMOUNT, "amount") ||
	    imp_unique(im, "number", inv.number) != UR_OK ||
	    !(ci = inv_customer(im, inv.customer)) ||
	    !(inv.currency = imp_currency(im, I_CURRENCY, ci->currency)) ||
	    (found = inv_existing(im, inv.number, &stored)) < 0)
		return im->err->status;
	if (found)
		old = &stored;
	if (inv_money(im, &inv, old) != UR_OK || inv_dates(im, &inv, ci, old) != UR_OK)
		return UR_INPUT;
	inv.memo = imp_has(im, I_MEMO) || !old ? imp_field(im, I_MEMO) : old->memo;
	if (store_invoice_upsert(im->st, &inv, &what, im->err) != UR_OK)
		return imp_store_fail(im);
	imp_count(im, what);
	return UR_OK;
}

static enum ur_status
imp_audit(struct imp *im, const char *action, const char *entity)
{
	struct strbuf j, name;
	enum ur_status s;

	sb_init(&j);
	sb_init(&name);
	text_sanitize(&name, im->o->name, strlen(im->o->name)); /* recorded as shown */
	sb_adds(&j, "{");
	jsonout_pair(&j, "file", name.buf, 1);
	sb_addf(&j, ",\"new\":%zu,\"updated\":%zu,\"unchanged\":%zu}", im->n.added,
		im->n.updated, im->n.unchanged);
	s = store_audit(im->st, action, entity, NULL, j.buf, im->err);
	sb_free(&name);
	sb_free(&j);
	return s;
}

/* Every record through row(), then the audit row; all in one transaction. */
static enum ur_status
imp_records(struct imp *im, enum ur_status (*row)(struct imp *), const char *action,
	    const char *entity)
{
	size_t count = 0;
	int st;

	if (store_begin(im->st, im->err) != UR_OK)
		return im->err->status;
	while ((st = csv_next(&im->r, im->err)) > 0) {
		int shape = imp_shape(im);

		if (shape < 0 || (shape == 0 && row(im) != UR_OK))
			break;
		if (im->o->progress && ++count % IMP_PROGRESS_EVERY == 0)
			im->o->progress(csv_offset(&im->r), im->len, im->o->progress_ctx);
	}
	if (st == 0 && imp_audit(im, action, entity) == UR_OK &&
	    store_commit(im->st, im->err) == UR_OK) {
		if (im->o->progress)
			im->o->progress(im->len, im->len, im->o->progress_ctx);
		return UR_OK;
	}
	store_rollback(im->st);
	return im->err->status != UR_OK ? im->err->status : UR_FAIL;
}

static void
imp_init(struct imp *im, struct store *st, const char *text, size_t len,
	 const struct csvimport_opts *o, struct ur_err *err)
{
	memset(im, 0, sizeof *im);
	im->st = st;
	im->o = o;
	im->len = len;
	im->err = err;
	ur_err_clear(err);
	for (int k = 0; k < IMP_MAXCOLS; k++)
		sb_init(&im->f[k]);
	sb_init(&im->kana_key);
	sb_init(&im->seen.keys);
	sb_init(&im->cust.keys);
	csv_open_mem(&im->r, o->name, text, len);
}

static void
imp_free(struct imp *im, struct csvimport_counts *out)
{
	if (out)
		*out = im->n;
	for (int k = 0; k < IMP_MAXCOLS; k++)
		sb_free(&im->f[k]);
	sb_free(&im->kana_key);
	strmap_free(&im->seen);
	strmap_free(&im->cust);
	free(im->ci);
	csv_close(&im->r);
}

enum ur_status
csvimport_customers(struct store *st, const char *text, size_t len,
		    const struct csvimport_opts *o, struct csvimport_counts *out,
		    struct ur_err *err)
{
	struct imp im;
	enum ur_status s;

	imp_init(&im, st, text, len, o, err);
	im.multiline = 1u << C_ADDRESS;
	s = imp_header(&im, cust_cols, C_COLLECTOR + 1, 1u << C_CODE | 1u << C_NAME);
	if (s == UR_OK)
		s = imp_records(&im, cust_row, "import.customers", "customers");
	imp_free(&im, out);
	return s;
}

enum ur_status
csvimport_invoices(struct store *st, const char *text, size_t len,
		   const struct csvimport_opts *o, struct csvimport_counts *out,
		   struct ur_err *err)
{
	struct imp im;
	enum ur_status s;

	imp_init(&im, st, text, len, o, err);
	im.multiline = 1u << I_MEMO;
	s = imp_header(&im, inv_cols, 8,
		       1u << I_NUMBER | 1u << I_CUSTOMER | 1u << I_ISSUE | 1u << I_AMOUNT);
	if (s == UR_OK)
		s = imp_records(&im, inv_row, "import.invoices", "invoices");
	imp_free(&im, out);
	return s;
}
