/* arconf: the receivables settings from the config file (see arconf.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arconf.h"
#include "i18n.h"
#include "kvconf.h"
#include "money.h"
#include "xalloc.h"

static const char *const arconf_keys[] = {
	"aging-buckets", "aging-due-buckets", "dunning-days", "write-off-limit", "fee-limit",
	"auto-match-threshold", "auto-match-margin", "allocation-order", "collector-by-level",
	"credit-hold", "db", "company",
};

void
arconf_default(struct ar_settings *s)
{
	static const struct arconf_limit limits[] = {
		{ "JPY", 1000 }, { "CNY", 1000 }, { "USD", 1000 },
	};
	static const struct arconf_limit fee_limits[] = {
		{ "JPY", 880 }, { "CNY", 5000 }, { "USD", 5000 },
	};
	struct match_config cfg;

	memset(s, 0, sizeof *s);
	s->bounds[0] = 30;
	s->bounds[1] = 60;
	s->bounds[2] = 90;
	s->nbounds = 3;
	s->dunning_days[0] = 7;
	s->dunning_days[1] = 30;
	s->dunning_days[2] = 60;
	s->dunning_days[3] = 90;
	memcpy(s->limits, limits, sizeof limits);
	s->nlimits = 3;
	memcpy(s->fee_limits, fee_limits, sizeof fee_limits);
	s->nfee_limits = 3;
	match_config_default(&cfg);
	s->match_threshold = cfg.threshold;
	s->match_margin = cfg.margin;
	s->oldest_first = cfg.oldest_first;
	s->collector[0] = s->collector[1] = 1; /* CONTACT_SALES */
	for (int i = 2; i <= ARCONF_LEVELS; i++)
		s->collector[i] = 2; /* CONTACT_ACCOUNTING */
	s->hold.grade = 'E';
	s->hold.over_limit = true;
}

void
arconf_match(const struct ar_settings *s, struct match_config *cfg)
{
	match_config_default(cfg);
	cfg->threshold = s->match_threshold;
	cfg->margin = s->match_margin;
	cfg->oldest_first = s->oldest_first;
}

/* A whole number from lo to hi into *out; false (out untouched) if not. */
static bool
arconf_int(const char *v, long lo, long hi, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (end == v || *end || errno || n < lo || n > hi)
		return false;
	*out = (int)n;
	return true;
}

/* "sales, accounting": who calls at levels 1, 2, … (the last repeats);
 * s untouched unless the whole value is good. */
static bool
arconf_collectors(struct ar_settings *s, const char *v)
{
	char *copy = xstrdup(v), *item, *save = NULL;
	int8_t c[ARCONF_LEVELS + 1];
	int n = 0;
	bool ok = true;

	for (item = strtok_r(copy, ",", &save); item && ok; item = strtok_r(NULL, ",", &save)) {
		item = kvconf_trim(item);
		ok = n < ARCONF_LEVELS &&
		     (strcmp(item, "sales") == 0 || strcmp(item, "accounting") == 0);
		if (ok)
			c[++n] = strcmp(item, "sales") == 0 ? 1 : 2;
	}
	free(copy);
	if (!ok || n == 0)
		return false;
	for (int i = n + 1; i <= ARCONF_LEVELS; i++)
		c[i] = c[n];
	c[0] = c[1];
	memcpy(s->collector, c, sizeof c);
	return true;
}

/* The matcher's keys, who calls and the credit hold; NULL when fine (or not
 * one of them), else why. */
static const char *
arconf_apply_match(struct ar_settings *s, const char *k, const char *v)
{
	if (strcmp(k, "auto-match-threshold") == 0) {
		if (!arconf_int(v, 1, 1000, &s->match_threshold))
			return _("auto-match-threshold is a whole number from 1 to 1000");
	} else if (strcmp(k, "auto-match-margin") == 0) {
		if (!arconf_int(v, 0, 1000, &s->match_margin))
			return _("auto-match-margin is a whole number from 0 to 1000");
	} else if (strcmp(k, "collector-by-level") == 0) {
		if (!arconf_collectors(s, v))
			return _("collector-by-level is a list of sales or accounting, one per "
				 "dunning level, such as: sales, accounting");
	} else if (strcmp(k, "credit-hold") == 0) {
		if (!rating_hold_parse(v, &s->hold))
			return _("credit-hold is none, or a rating A-E and/or limit, such as: E, limit");
	} else if (strcmp(k, "allocation-order") == 0) {
		if (strcmp(v, "due") != 0 && strcmp(v, "oldest") != 0)
			return _("allocation-order is due or oldest");
		s->oldest_first = strcmp(v, "oldest") == 0;
	}
	return NULL;
}

bool
arconf_is_key(const char *name)
{
	for (size_t i = 0; i < sizeof arconf_keys / sizeof arconf_keys[0]; i++)
		if (strcmp(name, arconf_keys[i]) == 0)
			return true;
	return false;
}

int
arconf_days(const char *v, int *out, int max, int exact)
{
	const char *p = v;
	char *end;
	int tmp[ARCONF_MAX_BOUNDS], n = 0;

	while (*p) {
		long d;

		errno = 0;
		d = strtol(p, &end, 10);
		if (end == p || errno || d < 1 || d > 9999 || n == max ||
		    (n && d <= tmp[n - 1]))
			return -1;
		tmp[n++] = (int)d;
		end += strspn(end, " ");
		if (*end && *end != ',')
			return -1;
		p = *end ? end + 1 : end;
		p += strspn(p, " ");
	}
	if (n == 0 || (exact && n != max))
		return -1;
	memcpy(out, tmp, (size_t)n * sizeof tmp[0]);
	return n;
}

/* "JPY 1000, CNY 10.00" into list (*n entries), replaced only when the
 * whole value is good; false if not. */
static bool
arconf_limits(struct arconf_limit *list, int *nlist, const char *v)
{
	char *copy = xstrdup(v), *item, *save = NULL, *sp;
	struct arconf_limit l[ARCONF_MAX_LIMITS];
	bool ok = true;
	int n = 0;

	for (item = strtok_r(copy, ",", &save); item && ok; item = strtok_r(NULL, ",", &save)) {
		item = kvconf_trim(item);
		sp = strchr(item, ' ');
		if (!sp || n == ARCONF_MAX_LIMITS || sp - item >= (int)sizeof l[n].currency) {
			ok = false;
			break;
		}
		*sp = '\0';
		snprintf(l[n].currency, sizeof l[n].currency, "%s", item);
		ok = money_currency_known(item) &&
		     money_parse(kvconf_trim(sp + 1), item, &l[n].amount, NULL) == UR_OK &&
		     l[n].amount >= 0;
		n++;
	}
	if (ok && n > 0) {
		memcpy(list, l, (size_t)n * sizeof l[0]);
		*nlist = n;
	}
	free(copy);
	return ok && n > 0;
}

/* Apply one setting this module knows; NULL when fine (or not ours). */
static const char *
arconf_apply(void *ctx, const char *k, const char *v)
{
	struct ar_settings *s = ctx;
	int n;

	if (strcmp(k, "aging-buckets") == 0) {
		if ((n = arconf_days(v, s->bounds, ARCONF_MAX_BOUNDS, 0)) < 0)
			return _("aging-buckets is up to 8 ascending day counts such as 30,60,90");
		s->nbounds = n;
	} else if (strcmp(k, "aging-due-buckets") == 0) {
		if (strcmp(v, "none") == 0)
			s->nfuture = 0;
		else if ((n = arconf_days(v, s->future, ARCONF_MAX_FUTURE, 0)) < 0)
			return _("aging-due-buckets is none or up to 4 ascending day counts "
				 "such as 30,60");
		else
			s->nfuture = n;
	} else if (strcmp(k, "dunning-days") == 0) {
		if (arconf_days(v, s->dunning_days, ARCONF_LEVELS, 1) < 0)
			return _("dunning-days is 4 ascending day counts such as 7,30,60,90");
	} else if (strcmp(k, "write-off-limit") == 0) {
		if (!arconf_limits(s->limits, &s->nlimits, v))
			return _("write-off-limit is a list such as: JPY 1000, CNY 10.00");
	} else if (strcmp(k, "fee-limit") == 0) {
		if (!arconf_limits(s->fee_limits, &s->nfee_limits, v))
			return _("fee-limit is a list such as: JPY 880, CNY 50.00");
	} else if (strcmp(k, "db") == 0) {
		if (!*v || strlen(v) >= sizeof s->db)
			return _("db is the database: a file's path or a postgresql:// URL");
		strcpy(s->db, v);
	} else if (strcmp(k, "company") == 0) {
		if (!*v || strlen(v) >= sizeof s->company)
			return _("company is a company's code, as urikake company list shows it");
		strcpy(s->company, v);
	}
	return arconf_apply_match(s, k, v);
}

int
arconf_parse(struct ar_settings *s, const char *text, const char *source,
	     struct strbuf *errors)
{
	return kvconf_parse(text, source, false, arconf_apply, s, errors);
}

char *
arconf_path(void)
{
	return kvconf_path("config");
}

enum ur_status
arconf_load(struct ar_settings *s, const char *path, struct ur_err *err)
{
	char *own = path ? NULL : arconf_path(), *text;
	struct strbuf errors;
	enum ur_status rc = UR_OK;

	arconf_default(s);
	text = sb_slurp(path ? path : own);
	if (text) {
		sb_init(&errors);
		if (arconf_parse(s, text, path ? path : own, &errors))
			rc = ur_fail(err, UR_INPUT, "%s", errors.buf);
		sb_free(&errors);
		free(text);
	}
	free(own);
	return rc;
}

static int64_t
limit_of(const struct arconf_limit *l, int n, const char *cur)
{
	for (int i = 0; i < n; i++)
		if (strcmp(l[i].currency, cur) == 0)
			return l[i].amount;
	return 0;
}

int64_t
arconf_write_off_limit(const struct ar_settings *s, const char *cur)
{
	return limit_of(s->limits, s->nlimits, cur);
}

int64_t
arconf_fee_limit(const struct ar_settings *s, const char *cur)
{
	return limit_of(s->fee_limits, s->nfee_limits, cur);
}
