/* store_ui_match: ranked proposals for one deposit, as the queue pane shows
 * them — candidate customers (assigned, learned alias, folded name), then
 * the invoices the amount fits, each proposal with its explanation. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "money.h"
#include "store_priv.h"
#include "store_ui.h"
#include "store_ui_priv.h"
#include "xalloc.h"

/* Candidate customers considered per deposit, open items per customer. */
#define MAX_CANDIDATES 3
#define MAX_OPEN 64
/* Largest transfer fee (yen) a customer is assumed to deduct. */
#define MAX_FEE_JPY 1100

struct candidate {
	int64_t id;
	int base; /* score from how the customer was found */
	struct strbuf why;
};

static int
cand_add(struct candidate *c, int *n, int64_t id, int base, const char *why)
{
	for (int i = 0; i < *n; i++)
		if (c[i].id == id) {
			if (base > c[i].base)
				c[i].base = base;
			sb_addf(&c[i].why, "; %s", why);
			return 0;
		}
	if (*n == MAX_CANDIDATES)
		return 0;
	c[*n].id = id;
	c[*n].base = base;
	sb_init(&c[*n].why);
	sb_adds(&c[*n].why, why);
	(*n)++;
	return 1;
}

/* Customers learned for the payer key, then those whose reading folds to it. */
static enum ur_status
find_candidates(struct store *st, const struct sui_deposit *d, struct candidate *c, int *n,
		struct ur_err *err)
{
	static const char sql[] =
		"SELECT customer_id, count, 1 FROM payer_alias WHERE payer_key = ?1"
		" UNION ALL SELECT id, 0, 2 FROM customer WHERE kana_key = ?1"
		" ORDER BY 3, 2 DESC LIMIT 8";
	sqlite3_stmt *s;
	char why[128];
	int rc;

	*n = 0;
	if (d->customer_id)
		cand_add(c, n, d->customer_id, 60, _("assigned by a clerk"));
	if (!*d->payer_key)
		return UR_OK;
	if (!(s = sui_prepare(st, sql, err)))
		return err->status;
	sqlite3_bind_text(s, 1, d->payer_key, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t cnt = sqlite3_column_int64(s, 1);

		if (sqlite3_column_int(s, 2) == 1)
			snprintf(why, sizeof why, _("learned payer name (%lld×)"), (long long)cnt);
		else
			snprintf(why, sizeof why, "%s", _("payer name = customer reading"));
		cand_add(c, n, sqlite3_column_int64(s, 0),
			 sqlite3_column_int(s, 2) == 1 ? 55 + (cnt > 5 ? 10 : 2 * (int)cnt) : 50,
			 why);
	}
	return sui_finish(st, s, rc, err);
}

static void
prop_item(struct sui_proposal *p, const struct sui_item *it, int64_t amount, int64_t fee)
{
	struct sui_item *x = &p->items[p->nitems++];

	*x = *it;
	x->amount = amount;
	x->fee = fee;
}

/* Fit the amount to one open invoice: exactly, or short by a fee. */
static int
fit_one(const struct sui_deposit *d, const struct sui_item *it, size_t n, struct sui_proposal *p,
	struct strbuf *why)
{
	char buf[MONEY_BUFSZ];
	size_t i;

	for (i = 0; i < n; i++)
		if (it[i].open == d->amount) {
			prop_item(p, &it[i], d->amount, 0);
			sb_addf(why, _("amount = open amount of %s"), it[i].number);
			return 40;
		}
	if (strcmp(d->currency, "JPY") != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (it[i].open > d->amount && it[i].open - d->amount <= MAX_FEE_JPY) {
			prop_item(p, &it[i], d->amount, it[i].open - d->amount);
			money_format(it[i].open - d->amount, d->currency, MONEY_GROUP, buf, sizeof buf);
			sb_addf(why, _("amount = %s less a transfer fee of %s"), it[i].number, buf);
			return 30;
		}
	return 0;
}

/* Fit the amount to the oldest invoices together. */
static int
fit_oldest(const struct sui_deposit *d, const struct sui_item *it, size_t n,
	   struct sui_proposal *p, struct strbuf *why)
{
	int64_t sum = 0;
	size_t k;

	for (k = 0; k < n && k < SUI_MAX_ITEMS && sum < d->amount; k++)
		sum += it[k].open;
	if (sum != d->amount || k < 2)
		return 0;
	for (size_t i = 0; i < k; i++)
		prop_item(p, &it[i], it[i].open, 0);
	sb_addf(why, ngettext_("amount = the oldest %zu invoice", "amount = the oldest %zu invoices",
			       k), k);
	return 25;
}

static enum ur_status
propose_for(struct store *st, const struct sui_deposit *d, struct candidate *c,
	    struct sui_proposal *p, struct ur_err *err)
{
	struct sui_customer cu;
	struct sui_item *it;
	struct strbuf why;
	size_t n;
	int bonus;

	if (store_ui_customer_get(st, c->id, &cu, err) != UR_OK ||
	    store_ui_open_items(st, c->id, d->currency, MAX_OPEN, &it, &n, err) != UR_OK) {
		sui_customers_free(&cu, 1);
		return err->status;
	}
	memset(p, 0, sizeof *p);
	p->customer_id = cu.id;
	snprintf(p->code, sizeof p->code, "%s", cu.code);
	p->name = cu.name;
	free(cu.kana);
	sb_init(&why);
	sb_adds(&why, c->why.buf);
	sb_addc(&why, '\n');
	if (!(bonus = fit_one(d, it, n, p, &why)) && !(bonus = fit_oldest(d, it, n, p, &why))) {
		p->on_account = d->amount;
		sb_adds(&why, _("no open amount fits: hold on account"));
	}
	p->score = c->base + bonus > 99 ? 99 : c->base + bonus;
	p->why = sb_detach(&why);
	free(it);
	return UR_OK;
}

static int
prop_cmp(const void *a, const void *b)
{
	const struct sui_proposal *x = a, *y = b;

	return (y->score > x->score) - (y->score < x->score);
}

void
sui_proposals_free(struct sui_proposal *p, int n)
{
	for (int i = 0; i < n; i++) {
		free(p[i].name);
		free(p[i].why);
	}
}

enum ur_status
store_ui_proposals(struct store *st, const struct sui_deposit *d, int max,
		   struct sui_proposal *out, int *n, struct ur_err *err)
{
	struct candidate c[MAX_CANDIDATES];
	enum ur_status rc;
	int nc = 0, i;

	*n = 0;
	rc = find_candidates(st, d, c, &nc, err);
	for (i = 0; rc == UR_OK && i < nc && *n < max && *n < SUI_MAX_PROPOSALS; i++)
		if ((rc = propose_for(st, d, &c[i], &out[*n], err)) == UR_OK)
			(*n)++;
	for (i = 0; i < nc; i++)
		sb_free(&c[i].why);
	if (rc != UR_OK) {
		sui_proposals_free(out, *n);
		*n = 0;
		return rc;
	}
	qsort(out, (size_t)*n, sizeof *out, prop_cmp);
	return UR_OK;
}
