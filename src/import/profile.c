/* profile: reading bank CSV profiles (key = value text) from the copies
 * compiled into the program and from a user directory. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "money.h"
#include "profile.h"
#include "strbuf.h"
#include "xalloc.h"

/* build-aux/embed.sh output: every shipped profile, each preceded by a
 * "%% FILE" marker line (see src/import/csvbank.am). */
extern const char profile_builtin[];
extern const unsigned long profile_builtin_len;

#define PROFILE_MARK "%% "

static const char *const profile_col_keys[PROFILE_NCOLS] = {
	[PROFILE_DATE] = "date",
	[PROFILE_VALUE_DATE] = "value_date",
	[PROFILE_CREDIT] = "credit",
	[PROFILE_DEBIT] = "debit",
	[PROFILE_AMOUNT] = "amount",
	[PROFILE_DIRECTION] = "direction",
	[PROFILE_PAYER] = "payer",
	[PROFILE_PAYER_ACCOUNT] = "payer_account",
	[PROFILE_PAYER_BANK] = "payer_bank",
	[PROFILE_PAYER_BRANCH] = "payer_branch",
	[PROFILE_MEMO] = "memo",
	[PROFILE_REFERENCE] = "reference",
	[PROFILE_BALANCE] = "balance",
	[PROFILE_CURRENCY] = "currency_column",
	[PROFILE_ACCOUNT] = "account",
};

static const char *const profile_encodings[] = { "auto", "UTF-8", "CP932", "GB18030" };

static void
profile_list_free(struct profile_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void
profile_free(struct profile *p)
{
	free(p->name);
	free(p->description);
	free(p->encoding);
	free(p->currency);
	free(p->source);
	profile_list_free(&p->header);
	for (int i = 0; i < PROFILE_NCOLS; i++)
		profile_list_free(&p->col[i]);
	profile_list_free(&p->credit_values);
	profile_list_free(&p->skip);
	profile_list_free(&p->account_label);
	memset(p, 0, sizeof *p);
}

/* s[0..n) without surrounding spaces and tabs, as a new string. */
static char *
profile_trimdup(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

/* Replace l with the comma-separated items of value (empty items dropped). */
static void
profile_list_set(struct profile_list *l, const char *value)
{
	const char *p = value;

	profile_list_free(l);
	for (;;) {
		const char *c = strchr(p, ',');
		size_t n = c ? (size_t)(c - p) : strlen(p);
		char *item = profile_trimdup(p, n);

		if (*item) {
			l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
			l->v[l->n++] = item;
		} else {
			free(item);
		}
		if (!c)
			break;
		p = c + 1;
	}
}

static enum ur_status
profile_set_encoding(struct profile *p, const char *value)
{
	for (size_t i = 0; i < sizeof profile_encodings / sizeof *profile_encodings; i++) {
		if (strcasecmp(value, profile_encodings[i]) == 0) {
			free(p->encoding);
			p->encoding = xstrdup(profile_encodings[i]);
			return UR_OK;
		}
	}
	return UR_INPUT;
}

/* Store one key = value pair; UR_INPUT when the key is unknown or the
 * value unacceptable (the caller writes the message). */
static enum ur_status
profile_set_key(struct profile *p, const char *key, const char *value)
{
	char **scalar = NULL;

	if (strcmp(key, "name") == 0)
		scalar = &p->name;
	else if (strcmp(key, "description") == 0)
		scalar = &p->description;
	else if (strcmp(key, "currency") == 0)
		scalar = &p->currency;
	if (scalar) {
		free(*scalar);
		*scalar = xstrdup(value);
		return UR_OK;
	}
	if (strcmp(key, "encoding") == 0)
		return profile_set_encoding(p, value);
	if (strcmp(key, "header") == 0)
		profile_list_set(&p->header, value);
	else if (strcmp(key, "credit_values") == 0)
		profile_list_set(&p->credit_values, value);
	else if (strcmp(key, "skip") == 0)
		profile_list_set(&p->skip, value);
	else if (strcmp(key, "account_label") == 0)
		profile_list_set(&p->account_label, value);
	else {
		for (int i = 0; i < PROFILE_NCOLS; i++) {
			if (strcmp(key, profile_col_keys[i]) == 0) {
				profile_list_set(&p->col[i], value);
				return UR_OK;
			}
		}
		return UR_INPUT;
	}
	return UR_OK;
}

/* Parse one "key = value" line (already without its newline). */
static enum ur_status
profile_line(struct profile *p, const char *line, size_t n, const char *source,
	     size_t lineno, struct ur_err *err)
{
	const char *eq = memchr(line, '=', n);
	char *key, *value;
	enum ur_status st;

	if (!eq)
		return ur_fail(err, UR_INPUT, _("%s:%zu: expected KEY = VALUE"), source, lineno);
	key = profile_trimdup(line, (size_t)(eq - line));
	value = profile_trimdup(eq + 1, n - (size_t)(eq - line) - 1);
	st = profile_set_key(p, key, value);
	if (st != UR_OK) {
		if (strcmp(key, "encoding") == 0)
			ur_fail(err, UR_INPUT,
				_("%s:%zu: unknown encoding \"%s\" (use auto, UTF-8, CP932 or GB18030)"),
				source, lineno, value);
		else
			ur_fail(err, UR_INPUT, _("%s:%zu: unknown key \"%s\""), source, lineno, key);
	}
	free(key);
	free(value);
	return st;
}

static bool
profile_name_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' ||
		      *s == '_'))
			return false;
	}
	return true;
}

/* The checks a complete profile must pass. */
static enum ur_status
profile_check(const struct profile *p, const char *source, struct ur_err *err)
{
	if (!p->name || !profile_name_ok(p->name))
		return ur_fail(err, UR_INPUT,
			       _("%s: \"name\" is missing or not made of a-z, 0-9, - and _"),
			       source);
	if (!p->currency || !money_currency_known(p->currency))
		return ur_fail(err, UR_INPUT, _("%s: \"currency\" is missing or unknown"), source);
	if (p->header.n == 0)
		return ur_fail(err, UR_INPUT, _("%s: \"header\" keywords are missing"), source);
	if (p->col[PROFILE_DATE].n == 0)
		return ur_fail(err, UR_INPUT, _("%s: the \"date\" column is missing"), source);
	if (p->col[PROFILE_CREDIT].n == 0 && p->col[PROFILE_AMOUNT].n == 0)
		return ur_fail(err, UR_INPUT,
			       _("%s: name a \"credit\" or an \"amount\" column"), source);
	if (p->col[PROFILE_DIRECTION].n && p->credit_values.n == 0)
		return ur_fail(err, UR_INPUT,
			       _("%s: a \"direction\" column needs \"credit_values\""), source);
	return UR_OK;
}

enum ur_status
profile_parse(const char *text, size_t len, const char *source, struct profile *out,
	      struct ur_err *err)
{
	const char *p = text, *end = text + len;
	size_t lineno = 0;

	memset(out, 0, sizeof *out);
	out->encoding = xstrdup("auto");
	out->source = xstrdup(source);
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *s = p;

		lineno++;
		while (s < eol && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		if (s < eol && *s != '#' &&
		    profile_line(out, s, (size_t)(eol - s), source, lineno, err) != UR_OK)
			goto fail;
		p = nl ? nl + 1 : end;
	}
	if (profile_check(out, source, err) == UR_OK)
		return UR_OK;
fail:
	profile_free(out);
	return UR_INPUT;
}

const struct profile *
profile_find(const struct profile_set *set, const char *name)
{
	for (size_t i = 0; i < set->n; i++) {
		if (strcmp(set->v[i].name, name) == 0)
			return &set->v[i];
	}
	return NULL;
}

/* Put p into set, replacing a profile of the same name (p is moved). */
static void
profile_set_put(struct profile_set *set, struct profile *p)
{
	for (size_t i = 0; i < set->n; i++) {
		if (strcmp(set->v[i].name, p->name) == 0) {
			profile_free(&set->v[i]);
			set->v[i] = *p;
			return;
		}
	}
	set->v = xrealloc(set->v, (set->n + 1) * sizeof *set->v);
	set->v[set->n++] = *p;
}

void
profile_set_free(struct profile_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		profile_free(&set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

/* Parse the builtin section [p, end) that follows the marker naming file. */
static enum ur_status
profile_add_section(struct profile_set *set, const char *file, const char *p,
		    const char *end, struct ur_err *err)
{
	struct profile prof;
	struct strbuf source;
	enum ur_status st;

	sb_init(&source);
	sb_addf(&source, "builtin:%s", file);
	st = profile_parse(p, (size_t)(end - p), source.buf, &prof, err);
	sb_free(&source);
	if (st == UR_OK)
		profile_set_put(set, &prof);
	return st;
}

enum ur_status
profile_load_builtin(struct profile_set *set, struct ur_err *err)
{
	const char *p = profile_builtin, *end = profile_builtin + profile_builtin_len;
	size_t mlen = strlen(PROFILE_MARK);

	profile_set_free(set);
	while (p < end && strncmp(p, PROFILE_MARK, mlen) == 0) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *next;
		char *file;
		enum ur_status st;

		if (!nl)
			break;
		file = profile_trimdup(p + mlen, (size_t)(nl - p) - mlen);
		for (next = nl + 1; next < end; next++) {
			if (next[-1] == '\n' && strncmp(next, PROFILE_MARK, mlen) == 0)
				break;
		}
		st = profile_add_section(set, file, nl + 1, next, err);
		free(file);
		if (st != UR_OK)
			return st;
		p = next;
	}
	return UR_OK;
}

static enum ur_status
profile_read_file(const char *path, struct strbuf *out, struct ur_err *err)
{
	if (!sb_read_file(out, path))
		return ur_fail(err, UR_FAIL, _("%s: %s"), path, strerror(errno));
	return UR_OK;
}

static int
profile_cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.profile entries of dir, sorted; NULL (and *n = 0) when unreadable. */
static char **
profile_dir_list(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len <= 8 || strcmp(e->d_name + len - 8, ".profile"))
			continue;
		names = xrealloc(names, (*n + 1) * sizeof *names);
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, profile_cmp_names);
	return names;
}

static enum ur_status
profile_load_one(struct profile_set *set, const char *path, struct ur_err *err)
{
	struct strbuf text;
	struct profile prof;
	enum ur_status st;

	sb_init(&text);
	st = profile_read_file(path, &text, err);
	if (st == UR_OK)
		st = profile_parse(text.buf, text.len, path, &prof, err);
	if (st == UR_OK)
		profile_set_put(set, &prof);
	sb_free(&text);
	return st;
}

enum ur_status
profile_load_dir(struct profile_set *set, const char *dir, struct ur_err *err)
{
	size_t n;
	char **names = profile_dir_list(dir, &n);
	enum ur_status st = UR_OK;
	struct strbuf path;

	sb_init(&path);
	for (size_t i = 0; i < n; i++) {
		if (st == UR_OK) {
			sb_reset(&path);
			sb_addf(&path, "%s/%s", dir, names[i]);
			st = profile_load_one(set, path.buf, err);
		}
		free(names[i]);
	}
	free(names);
	sb_free(&path);
	return st;
}
