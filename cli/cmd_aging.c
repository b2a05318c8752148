/* cmd_aging: `urikake aging [--as-of DATE] [--format table|csv|json]
 * [--buckets 30,60,90]` — the aged-receivables report from store_aging. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arconf.h"
#include "cli.h"
#include "cmd_contact.h"
#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "jsonout.h"
#include "money.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

#define AGING_NAME_MAX 30 /* cells of the name column at most */
#define AGING_GAP "  "

enum aging_format { AGING_TABLE, AGING_CSV, AGING_JSON };

struct aging_line {
	char *code, *name, *currency;
	int64_t amt[STORE_AGING_MAX_BUCKETS + 4]; /* buckets, the total, on account */
};

struct aging_report {
	enum aging_format format;
	struct ar_settings conf;   /* the config file's, --buckets over aging-buckets */
	int ncols;                 /* amount columns: buckets, total, on account */
	char keys[STORE_AGING_MAX_BUCKETS + 4][24];  /* csv/json names */
	char heads[STORE_AGING_MAX_BUCKETS + 4][32]; /* table headings */
	struct aging_line *lines;  /* table rows, then per-currency totals */
	size_t n, cap, nrows;
	struct strbuf out;
	int overflow;
	struct ar_set ratings;     /* csv and json: each row's rating (last column) */
	struct grade *grades;      /* … by customer and currency, for a binary search */
	size_t ngrades;
};

/* A customer's grade in one currency. */
struct grade {
	const char *code, *currency;
	char grade;
};

static int
grade_cmp(const void *x, const void *y)
{
	const struct grade *a = x, *b = y;
	int c = strcmp(a->code, b->code);

	return c ? c : strcmp(a->currency, b->currency);
}

/* The ratings' grades sorted, so that each row finds its own in log n (a
 * scan per row took 15 s for 50,000 customers). */
static void
grades_index(struct aging_report *a)
{
	a->ngrades = a->ratings.nview;
	a->grades = xmalloc((a->ngrades + 1) * sizeof *a->grades);
	for (size_t i = 0; i < a->ngrades; i++) {
		const struct ar_row *x = ar_set_row(&a->ratings, i);

		a->grades[i] = (struct grade){ x->code, x->currency, x->rating.grade };
	}
	qsort(a->grades, a->ngrades, sizeof *a->grades, grade_cmp);
}

/* The grade of row r: its customer's in that currency ('-' when unknown). */
static char
row_grade(const struct aging_report *a, const struct aging_row *r)
{
	struct grade key = { r->code, r->currency, 0 };
	const struct grade *g = a->ngrades ? bsearch(&key, a->grades, a->ngrades,
						    sizeof *a->grades, grade_cmp) : NULL;

	return g ? g->grade : '-';
}

/* Column names that follow the bounds: current, d1_30, …, d90_plus, total,
 * then on_account (last, so that scripts reading the columns before it by
 * position keep working). */
static void
aging_names(struct aging_report *a)
{
	int i, lo = 1;

	a->ncols = a->conf.nbounds + 4;
	snprintf(a->keys[0], sizeof a->keys[0], "current");
	snprintf(a->heads[0], sizeof a->heads[0], "%s", _("Current"));
	for (i = 0; i < a->conf.nbounds; i++) {
		snprintf(a->keys[i + 1], sizeof a->keys[0], "d%d_%d", lo, a->conf.bounds[i]);
		snprintf(a->heads[i + 1], sizeof a->heads[0], "%d-%d", lo, a->conf.bounds[i]);
		lo = a->conf.bounds[i] + 1;
	}
	snprintf(a->keys[i + 1], sizeof a->keys[0], "d%d_plus", a->conf.bounds[i - 1]);
	snprintf(a->heads[i + 1], sizeof a->heads[0], ">%d", a->conf.bounds[i - 1]);
	snprintf(a->keys[i + 2], sizeof a->keys[0], "total");
	snprintf(a->heads[i + 2], sizeof a->heads[0], "%s", _("Total"));
	snprintf(a->keys[i + 3], sizeof a->keys[0], "on_account");
	snprintf(a->heads[i + 3], sizeof a->heads[0], "%s", _("On account"));
}

/* Amount column k of row r: a bucket, the total or the money on account. */
static int64_t
aging_value(const struct aging_report *a, const struct aging_row *r, int k)
{
	if (k == a->ncols - 1)
		return r->on_account;
	return k == a->ncols - 2 ? r->total : r->bucket[k];
}

/* The settings, read once from the config file; --buckets, when given,
 * over its aging-buckets (the same limits the full-screen pane shows). */
static int
aging_settings(struct aging_report *a, const char *text)
{
	int bounds[STORE_AGING_MAX_BUCKETS], n = 0, rc;

	if (text && (n = arconf_days(text, bounds, STORE_AGING_MAX_BUCKETS, 0)) < 0)
		return cli_usage_error(_("bad --buckets '%s': give up to %d ascending "
					 "day counts such as 30,60,90"),
				       text, STORE_AGING_MAX_BUCKETS);
	if ((rc = cli_settings(&a->conf)) != UR_OK)
		return rc;
	if (text) {
		memcpy(a->conf.bounds, bounds, (size_t)n * sizeof bounds[0]);
		a->conf.nbounds = n;
	}
	return UR_OK;
}

static void
aging_put_csv(struct aging_report *a, const struct aging_row *r)
{
	csv_put_sep(&a->out, r->code, 0);
	csv_put_sep(&a->out, r->name, 0);
	csv_put_sep(&a->out, r->currency, 0);
	for (int i = 0; i < a->ncols; i++) {
		cli_put_money(&a->out, aging_value(a, r, i), r->currency, MONEY_PLAIN);
		sb_addc(&a->out, ',');
	}
	sb_addf(&a->out, "%c\n", row_grade(a, r));
}

static void
aging_put_json(struct aging_report *a, const struct aging_row *r)
{
	sb_adds(&a->out, a->nrows ? ",\n{" : "{");
	jsonout_pair(&a->out, "customer", r->code, 1);
	jsonout_pair(&a->out, "name", r->name, 0);
	jsonout_pair(&a->out, "currency", r->currency, 0);
	for (int i = 0; i < a->ncols; i++) {
		jsonout_key(&a->out, a->keys[i], 0);
		cli_put_money(&a->out, aging_value(a, r, i), r->currency, MONEY_PLAIN);
	}
	sb_addf(&a->out, ",\"rating\":\"%c\"}", row_grade(a, r));
}

static struct aging_line *
aging_push(struct aging_report *a, const char *code, const char *name, const char *cur)
{
	struct aging_line *l;

	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->lines = xrealloc(a->lines, a->cap * sizeof *a->lines);
	}
	l = &a->lines[a->n++];
	memset(l, 0, sizeof *l);
	l->code = xstrdup(code ? code : "");
	l->name = xstrdup(name ? name : "");
	l->currency = xstrdup(cur ? cur : "");
	return l;
}

static int
aging_row(const struct aging_row *r, void *ctx)
{
	struct aging_report *a = ctx;
	struct aging_line *l;

	if (a->format == AGING_CSV) {
		aging_put_csv(a, r);
	} else if (a->format == AGING_JSON) {
		aging_put_json(a, r);
	} else {
		l = aging_push(a, r->code, r->name, r->currency);
		for (int k = 0; k < a->ncols; k++)
			l->amt[k] = aging_value(a, r, k);
	}
	a->nrows++;
	if (a->out.len >= 65536 && cli_flush(&a->out) != UR_OK)
		return 1;
	return 0;
}

/* Append one total line per currency (in code order); never mixes them. */
static void
aging_totals(struct aging_report *a)
{
	size_t rows = a->n, i;
	const char *prev = NULL, *next;

	for (;;) {
		struct aging_line *t;

		next = NULL;
		for (i = 0; i < rows; i++) {
			const char *c = a->lines[i].currency;

			if ((!prev || strcmp(c, prev) > 0) && (!next || strcmp(c, next) < 0))
				next = c;
		}
		if (!next)
			return;
		t = aging_push(a, "", _("Total"), next);
		for (i = 0; i < rows; i++)
			for (int k = 0; k < a->ncols && !strcmp(a->lines[i].currency, next); k++)
				if (!money_add(t->amt[k], a->lines[i].amt[k], &t->amt[k]))
					a->overflow = 1;
		prev = next;
	}
}

static int
aging_max(int w, int v)
{
	return v > w ? v : w;
}

/* Cell widths of the columns: code, name, currency, then the amounts. */
static void
aging_widths(const struct aging_report *a, int *w)
{
	char buf[MONEY_BUFSZ];

	w[0] = text_width(_("Customer"));
	w[1] = text_width(_("Name"));
	w[2] = text_width(_("Currency"));
	for (int k = 0; k < a->ncols; k++)
		w[3 + k] = text_width(a->heads[k]);
	for (size_t i = 0; i < a->n; i++) {
		const struct aging_line *l = &a->lines[i];

		w[0] = aging_max(w[0], text_width(l->code));
		w[1] = aging_max(w[1], text_width(l->name) < AGING_NAME_MAX ?
					       text_width(l->name) : AGING_NAME_MAX);
		w[2] = aging_max(w[2], text_width(l->currency));
		for (int k = 0; k < a->ncols; k++) {
			money_format(l->amt[k], l->currency, MONEY_GROUP, buf, sizeof buf);
			w[3 + k] = aging_max(w[3 + k], text_width(buf));
		}
	}
}

static void
aging_rule(struct aging_report *a, const int *w)
{
	int total = 0;

	for (int k = 0; k < 3 + a->ncols; k++)
		total += w[k] + (k ? (int)strlen(AGING_GAP) : 0);
	for (int i = 0; i < total; i++)
		sb_addc(&a->out, '-');
	sb_addc(&a->out, '\n');
}

static void
aging_put_line(struct aging_report *a, const int *w, const char *const *text)
{
	for (int k = 0; k < 3 + a->ncols; k++) {
		if (k)
			sb_adds(&a->out, AGING_GAP);
		text_pad(&a->out, text[k], w[k], k < 3 ? TEXT_LEFT : TEXT_RIGHT);
	}
	sb_addc(&a->out, '\n');
}

static void
aging_table(struct aging_report *a, int32_t as_of)
{
	const char *text[STORE_AGING_MAX_BUCKETS + 7];
	char amt[STORE_AGING_MAX_BUCKETS + 4][MONEY_BUFSZ], day[DATE_ISO_SIZE];
	int w[STORE_AGING_MAX_BUCKETS + 7];
	size_t rows = a->n;

	aging_totals(a);
	aging_widths(a, w);
	date_format_iso(as_of, day);
	sb_addf(&a->out, _("Aged receivables as of %s"), day);
	sb_addc(&a->out, '\n');
	text[0] = _("Customer");
	text[1] = _("Name");
	text[2] = _("Currency");
	for (int k = 0; k < a->ncols; k++)
		text[3 + k] = a->heads[k];
	aging_put_line(a, w, text);
	for (size_t i = 0; i < a->n; i++) {
		const struct aging_line *l = &a->lines[i];

		if (i == 0 || i == rows)
			aging_rule(a, w);
		text[0] = l->code;
		text[1] = l->name;
		text[2] = l->currency;
		for (int k = 0; k < a->ncols; k++) {
			money_format(l->amt[k], l->currency, MONEY_GROUP, amt[k], sizeof amt[k]);
			text[3 + k] = amt[k];
		}
		aging_put_line(a, w, text);
	}
}

static int
aging_run(const struct cli *c, struct aging_report *a, int32_t as_of)
{
	struct store *st;
	struct ur_err err;
	enum ur_status s;
	int rc;

	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	if (a->format != AGING_TABLE &&
	    cli_ratings(st, &a->conf, as_of, &a->ratings, &err) != UR_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	if (a->format != AGING_TABLE)
		grades_index(a);
	if (a->format == AGING_CSV) {
		sb_adds(&a->out, "customer,name,currency");
		for (int k = 0; k < a->ncols; k++)
			sb_addf(&a->out, ",%s", a->keys[k]);
		sb_adds(&a->out, ",rating\n");
	} else if (a->format == AGING_JSON) {
		sb_adds(&a->out, "[\n");
	}
	s = store_aging(st, as_of, a->conf.bounds, a->conf.nbounds, aging_row, a, &err);
	store_close(st);
	if (s != UR_OK)
		return cli_fail(&err);
	if (a->format == AGING_JSON)
		sb_adds(&a->out, a->nrows ? "\n]\n" : "]\n");
	else if (a->format == AGING_TABLE)
		aging_table(a, as_of);
	if (a->overflow) {
		cli_error(_("the totals are too large to add up"));
		return UR_FAIL;
	}
	return cli_flush(&a->out);
}

/* --as-of, --format and --buckets into a and *as_of. */
static int
aging_options(struct aging_report *a, const char *as_of_text, const char *format,
	      const char *buckets, int32_t *as_of)
{
	struct ur_err err;
	int rc;

	if (strcmp(format, "table") == 0)
		a->format = AGING_TABLE;
	else if (strcmp(format, "csv") == 0)
		a->format = AGING_CSV;
	else if (strcmp(format, "json") == 0)
		a->format = AGING_JSON;
	else
		return cli_usage_error(_("unknown format '%s' (use table, csv or json)"), format);
	*as_of = date_today();
	if (as_of_text && date_parse(as_of_text, as_of, &err) != UR_OK)
		return cli_usage_error("--as-of: %s", err.msg);
	if ((rc = aging_settings(a, buckets)) != UR_OK)
		return rc;
	aging_names(a);
	return UR_OK;
}

int
cmd_aging(const struct cli *c, int argc, char **argv)
{
	const char *as_of_text = NULL, *format = "table", *buckets = NULL, *pos[1];
	const struct cli_opt opts[] = {
		{ "--as-of", &as_of_text, NULL },
		{ "--format", &format, NULL },
		{ "--buckets", &buckets, NULL },
		{ NULL, NULL, NULL },
	};
	struct aging_report a;
	int32_t as_of;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	memset(&a, 0, sizeof a);
	if ((rc = aging_options(&a, as_of_text, format, buckets, &as_of)) != UR_OK)
		return rc;
	sb_init(&a.out);
	rc = aging_run(c, &a, as_of);
	for (size_t i = 0; i < a.n; i++) {
		free(a.lines[i].code);
		free(a.lines[i].name);
		free(a.lines[i].currency);
	}
	free(a.lines);
	ar_set_free(&a.ratings);
	free(a.grades);
	sb_free(&a.out);
	return rc;
}
