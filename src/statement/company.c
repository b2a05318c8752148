/* company: the settings file with our own details (see company.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "company.h"
#include "i18n.h"
#include "strbuf.h"
#include "xalloc.h"

static const char *const keys[] = {
	"name", "address", "phone", "email", "contact", "registration", "bank",
	"letterhead", "printer", "font", "dunning_days", "mail-from", "mail-command",
};
static const char *const langs[] = { "ja", "zh_CN", "en" };
/* Keys suffixed with a name rather than a language: one per sales rep. */
#define REP_EMAIL "rep-email"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool
key_known(const char *key)
{
	const char *dot = strchr(key, '.');
	size_t n = dot ? (size_t)(dot - key) : strlen(key);
	bool ok = false;

	if (dot && dot[1] && n == strlen(REP_EMAIL) && strncmp(key, REP_EMAIL, n) == 0)
		return true;
	for (size_t i = 0; i < COUNT(keys) && !ok; i++)
		ok = strlen(keys[i]) == n && strncmp(keys[i], key, n) == 0;
	if (!ok || !dot)
		return ok;
	for (size_t i = 0; i < COUNT(langs); i++)
		if (strcmp(dot + 1, langs[i]) == 0)
			return true;
	return false;
}

bool
company_registration_valid(const char *s)
{
	if (!s || s[0] != 'T' || strlen(s) != 14)
		return false;
	for (int i = 1; i < 14; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static char *
trim(char *s, char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	*end = '\0';
	return s;
}

/* The value with "\n" turned into line breaks and "\\" into a backslash. */
static char *
unescape(const char *v)
{
	struct strbuf sb;
	char *out;

	sb_init(&sb);
	for (; *v; v++) {
		if (v[0] == '\\' && (v[1] == 'n' || v[1] == '\\')) {
			sb_addc(&sb, v[1] == 'n' ? '\n' : '\\');
			v++;
		} else {
			sb_addc(&sb, *v);
		}
	}
	out = sb_detach(&sb);
	sb_free(&sb); /* sb_detach leaves an empty buffer behind */
	return out;
}

static void
set(struct company *c, const char *key, const char *value)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->kv[i].key, key) == 0) {
			free(c->kv[i].value);
			c->kv[i].value = unescape(value);
			return;
		}
	c->kv = xrealloc(c->kv, (c->n + 1) * sizeof *c->kv);
	c->kv[c->n].key = xstrdup(key);
	c->kv[c->n].value = unescape(value);
	c->n++;
}

static enum ur_status
parse_line(struct company *c, char *line, const char *name, size_t lineno, struct ur_err *err)
{
	char *eq = strchr(line, '='), *key, *value;

	line = trim(line, line + strlen(line));
	if (!*line || *line == '#')
		return UR_OK;
	if (!eq)
		return ur_fail(err, UR_INPUT, _("%s:%zu: expected 'key = value'"), name, lineno);
	key = trim(line, eq);
	value = trim(eq + 1, eq + 1 + strlen(eq + 1));
	if (!key_known(key))
		return ur_fail(err, UR_INPUT, _("%s:%zu: unknown setting '%s'"), name, lineno, key);
	if ((strcmp(key, "registration") == 0 || strcmp(key, "registration.ja") == 0) && *value &&
	    !company_registration_valid(value))
		return ur_fail(err, UR_INPUT,
			       _("%s:%zu: registration number '%s' is not T and 13 digits"), name,
			       lineno, value);
	set(c, key, value);
	return UR_OK;
}

enum ur_status
company_parse(const char *text, const char *name, struct company *c, struct ur_err *err)
{
	char *copy = xstrdup(text), *p = copy, *nl;
	size_t lineno = 0;
	enum ur_status rc = UR_OK;

	memset(c, 0, sizeof *c);
	if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
	    (unsigned char)p[2] == 0xBF)
		p += 3;
	while (rc == UR_OK && *p) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		rc = parse_line(c, p, name, ++lineno, err);
		p = nl ? nl + 1 : p + strlen(p);
	}
	free(copy);
	if (rc != UR_OK)
		company_free(c);
	return rc;
}

enum ur_status
company_load(const char *path, struct company *c, bool *found, struct ur_err *err)
{
	struct strbuf sb;
	enum ur_status rc;
	int e;

	memset(c, 0, sizeof *c);
	sb_init(&sb);
	if (!sb_read_file(&sb, path)) {
		e = errno;
		sb_free(&sb);
		*found = e != ENOENT;
		return *found ? ur_fail(err, UR_FAIL, _("%s: %s"), path, strerror(e)) : UR_OK;
	}
	*found = true;
	if (memchr(sb.buf, '\0', sb.len)) {
		sb_free(&sb);
		return ur_fail(err, UR_INPUT, _("%s: not a text file"), path);
	}
	rc = company_parse(sb.buf, path, c, err);
	sb_free(&sb);
	return rc;
}

void
company_free(struct company *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->kv[i].key);
		free(c->kv[i].value);
	}
	free(c->kv);
	memset(c, 0, sizeof *c);
}

static const char *
lookup(const struct company *c, const char *key)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->kv[i].key, key) == 0)
			return c->kv[i].value;
	return NULL;
}

const char *
company_get(const struct company *c, const char *key, const char *lang)
{
	char full[48];
	const char *v = NULL;

	if (lang) {
		snprintf(full, sizeof full, "%s.%s", key, lang);
		v = lookup(c, full);
	}
	if (!v)
		v = lookup(c, key);
	return v ? v : "";
}

const char *
company_font(const struct company *c, const char *lang)
{
	const char *v = company_get(c, "font", lang);

	if (*v)
		return v;
	/* TrueType outlines for Chinese: cairo 1.16 (Debian 12) subsets Noto Sans
	 * CJK SC's CFF wrongly for 如, which then prints as nothing. */
	return lang && strcmp(lang, "zh_CN") == 0 ? "WenQuanYi Micro Hei" : "Noto Sans CJK JP";
}

int
company_dunning_days(const struct company *c, int level)
{
	static const int dflt[] = { 14, 10, 7 };
	const char *p = company_get(c, "dunning_days", NULL);
	int k = level < 1 ? 0 : level > 3 ? 2 : level - 1;
	char *end;
	long v = 0;

	for (int i = 0; i <= k && *p; i++) {
		v = strtol(p, &end, 10);
		if (end == p)
			break;
		p = *end == ',' ? end + 1 : end;
		if (i == k && v > 0 && v < 366)
			return (int)v;
	}
	return dflt[k];
}

const char *
company_rep_email(const struct company *c, const char *rep)
{
	struct strbuf key;
	const char *v;

	sb_init(&key);
	sb_addf(&key, "%s.%s", REP_EMAIL, rep);
	v = lookup(c, key.buf);
	sb_free(&key);
	return v ? v : "";
}
