/* dunning: letter templates (built in or from a directory), their
 * expansion for a customer and the plain-text letter (see dunning.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "date.h"
#include "dunning.h"
#include "i18n.h"
#include "money.h"
#include "render.h"
#include "text.h"
#include "words.h"
#include "xalloc.h"

/* The built-in templates (data/templates/, embedded by build-aux/embed.sh). */
extern const char ur_tpl_dunning_1_en[], ur_tpl_dunning_2_en[], ur_tpl_dunning_3_en[];
extern const char ur_tpl_dunning_1_ja[], ur_tpl_dunning_2_ja[], ur_tpl_dunning_3_ja[];
extern const char ur_tpl_dunning_1_zh_CN[], ur_tpl_dunning_2_zh_CN[], ur_tpl_dunning_3_zh_CN[];
extern const char ur_tpl_confirm_en[], ur_tpl_confirm_ja[], ur_tpl_confirm_zh_CN[];

/* Indexed by level, DUNNING_CONFIRM (0) first; a level without a letter
 * (contact.c) has none. */
static const char *const builtin[STMT_LANGS][ARCONF_LEVELS + 1] = {
	[STMT_EN] = { ur_tpl_confirm_en, ur_tpl_dunning_1_en, ur_tpl_dunning_2_en,
		      ur_tpl_dunning_3_en },
	[STMT_JA] = { ur_tpl_confirm_ja, ur_tpl_dunning_1_ja, ur_tpl_dunning_2_ja,
		      ur_tpl_dunning_3_ja },
	[STMT_ZH] = { ur_tpl_confirm_zh_CN, ur_tpl_dunning_1_zh_CN, ur_tpl_dunning_2_zh_CN,
		      ur_tpl_dunning_3_zh_CN },
};

/* A letter's title in the customer's language (a mail's subject). */
static const char *const letter_titles[STMT_LANGS][ARCONF_LEVELS + 1] = {
	[STMT_EN] = { "Balance confirmation", "Payment reminder", "Second reminder",
		      "Final demand" },
	[STMT_JA] = { "残高確認書", "お支払いのお願い", "督促状", "催告書（内容証明）" },
	[STMT_ZH] = { "往来款项询证函", "付款提醒函", "催款函", "最后催款通知书" },
};

const char *
dunning_letter_title(int level, enum stmt_lang lang)
{
	if (level < DUNNING_CONFIRM || level > ARCONF_LEVELS || lang >= STMT_LANGS ||
	    !letter_titles[lang][level])
		return "";
	return letter_titles[lang][level];
}

/* Read path whole; UR_OK with *text NULL when it does not exist. */
static enum ur_status
read_file(const char *path, char **text, struct ur_err *err)
{
	struct strbuf sb;
	int e;

	*text = NULL;
	sb_init(&sb);
	if (!sb_read_file(&sb, path)) {
		e = errno;
		sb_free(&sb);
		return e == ENOENT ? UR_OK : ur_fail(err, UR_FAIL, _("%s: %s"), path, strerror(e));
	}
	if (!utf8_valid(sb.buf, sb.len, NULL) || strlen(sb.buf) != sb.len) {
		sb_free(&sb);
		return ur_fail(err, UR_INPUT, _("%s: not a UTF-8 text file"), path);
	}
	*text = sb_detach(&sb);
	return UR_OK;
}

enum ur_status
letter_template(const char *stem, enum stmt_lang lang, const char *builtin_text,
		const char *dir, char **text, char **name, struct ur_err *err)
{
	struct strbuf path;
	enum ur_status rc = UR_OK;

	*text = *name = NULL;
	sb_init(&path);
	sb_addf(&path, "%s/%s.%s.txt", dir ? dir : "", stem, stmt_lang_code(lang));
	if (dir && *dir)
		rc = read_file(path.buf, text, err);
	if (rc == UR_OK && !*text) {
		*text = xstrdup(builtin_text);
		sb_reset(&path);
		sb_addf(&path, "%s.%s.txt", stem, stmt_lang_code(lang));
	}
	*name = sb_detach(&path);
	sb_free(&path);
	return rc;
}

enum ur_status
dunning_template(int level, enum stmt_lang lang, const char *dir, char **text, char **name,
		 struct ur_err *err)
{
	struct strbuf levels;
	char stem[16];

	*text = *name = NULL;
	if ((level != DUNNING_CONFIRM && !contact_level_letter(level)) || !builtin[lang][level]) {
		sb_init(&levels);
		contact_level_list(true, &levels);
		ur_fail(err, UR_INPUT, _("dunning level %d (%s) has no letter; letters go with %s"),
			level, contact_level_name(level), levels.buf);
		sb_free(&levels);
		return UR_INPUT;
	}
	if (level == DUNNING_CONFIRM)
		snprintf(stem, sizeof stem, "confirm");
	else
		snprintf(stem, sizeof stem, "dunning-%d", level);
	return letter_template(stem, lang, builtin[lang][level], dir, text, name, err);
}

void
letter_var(struct letter_vars *v, const char *name, const char *value)
{
	if (v->n == LETTER_VARS)
		return;
	v->name[v->n] = name;
	v->value[v->n++] = xstrdup(value ? value : "");
}

static void
total_text(const struct dunning_letter *d, int64_t v, char *buf, size_t size)
{
	char m[RENDER_MONEY_SIZE];
	const char *cur = d->s->currency;

	render_money(v, cur, d->lang, m);
	if (d->lang == STMT_JA && strcmp(cur, "JPY") == 0)
		snprintf(buf, size, "%s円", m);
	else if (d->lang == STMT_ZH && strcmp(cur, "CNY") == 0)
		snprintf(buf, size, "人民币%s元", m);
	else
		snprintf(buf, size, "%s %s", cur, m);
}

static void
vars_fill(struct letter_vars *v, const struct dunning_letter *d, const struct company *c)
{
	const char *lang = stmt_lang_code(d->lang);
	char buf[128];

	v->n = 0;
	letter_var(v, "customer", d->s->name);
	letter_var(v, "code", d->s->code);
	letter_var(v, "company", company_get(c, "name", lang));
	stmt_date_long(d->date, d->lang, buf);
	letter_var(v, "date", buf);
	stmt_date_long(d->pay_by, d->lang, buf);
	letter_var(v, "due_date", buf);
	total_text(d, d->total, buf, sizeof buf);
	letter_var(v, "total", buf);
	total_text(d, d->s->current, buf, sizeof buf);
	letter_var(v, "balance", buf);
	stmt_date_long(d->s->to, d->lang, buf);
	letter_var(v, "as_of", buf);
	snprintf(buf, sizeof buf, "%zu", d->count);
	letter_var(v, "count", buf);
	letter_var(v, "currency", d->s->currency);
	letter_var(v, "bank", company_get(c, "bank", lang));
	letter_var(v, "registration", company_get(c, "registration", lang));
	letter_var(v, "phone", company_get(c, "phone", lang));
}

void
letter_vars_free(struct letter_vars *v)
{
	for (int i = 0; i < v->n; i++)
		free(v->value[i]);
}

static void
push(struct dunning_letter *d, enum dunning_line_kind kind, const char *text, size_t n)
{
	d->lines = xrealloc(d->lines, (d->nlines + 1) * sizeof *d->lines);
	d->lines[d->nlines].kind = kind;
	d->lines[d->nlines++].text = xstrndup(text, n);
}

/* Expand the placeholders of one line into out; UR_INPUT on an unknown one. */
static enum ur_status
expand(const struct letter_vars *v, const char *line, size_t n, struct strbuf *out, const char *name,
       size_t lineno, struct ur_err *err)
{
	const char *p = line, *end = line + n;

	while (p < end) {
		const char *close = *p == '{' ? memchr(p, '}', (size_t)(end - p)) : NULL;
		int k;

		if (!close) {
			sb_addc(out, *p++);
			continue;
		}
		for (k = 0; k < v->n; k++)
			if (strlen(v->name[k]) == (size_t)(close - p - 1) &&
			    strncmp(v->name[k], p + 1, (size_t)(close - p - 1)) == 0)
				break;
		if (k == v->n)
			return ur_fail(err, UR_INPUT, _("%s:%zu: unknown placeholder %.*s"), name,
				       lineno, (int)(close - p + 1), p);
		sb_adds(out, v->value[k]);
		p = close + 1;
	}
	return UR_OK;
}

/* One template line: a comment, the title, the table or text. */
static enum ur_status
add_line(struct dunning_letter *d, const struct letter_vars *v, const char *line, size_t n,
	 const char *name, size_t lineno, struct ur_err *err)
{
	const char *table = d->rows ? "{amount_table}" : "{invoice_table}";
	enum dunning_line_kind kind = DUNNING_TEXT;
	struct strbuf sb;
	enum ur_status rc;

	if (n && line[0] == '#')
		return UR_OK;
	if (n == 0 && (!d->title || !d->nlines))
		return UR_OK; /* blank lines before the body */
	if (n == strlen(table) && memcmp(line, table, n) == 0) {
		push(d, DUNNING_TABLE, "", 0);
		return UR_OK;
	}
	if (memmem(line, n, table, strlen(table)))
		return ur_fail(err, UR_INPUT, _("%s:%zu: %s must stand on a line of its own"), name,
			       lineno, table);
	if (n >= 7 && memcmp(line, "[right]", 7) == 0)
		kind = DUNNING_RIGHT, line += 7, n -= 7;
	else if (n >= 8 && memcmp(line, "[center]", 8) == 0)
		kind = DUNNING_CENTER, line += 8, n -= 8;
	else if (n >= 5 && memcmp(line, "[cut]", 5) == 0)
		kind = DUNNING_CUT, line += 5, n -= 5;
	sb_init(&sb);
	if ((rc = expand(v, line, n, &sb, name, lineno, err)) == UR_OK) {
		if (!d->title)
			d->title = xstrdup(sb.buf);
		else
			push(d, kind, sb.buf, sb.len);
	}
	sb_free(&sb);
	return rc;
}

/* Whether item i is in the letter's table: any open item on a
 * confirmation, an overdue undisputed one on a dunning letter. */
static bool
in_table(const struct dunning_letter *d, size_t i)
{
	const struct stmt_item *it = &d->s->items[i];

	return d->level == DUNNING_CONFIRM || contact_dunnable(it->days_late, it->disputed);
}

static void
count_overdue(struct dunning_letter *d)
{
	d->total = 0;
	d->count = 0;
	if (d->level == DUNNING_CONFIRM) {
		d->total = d->s->current;
		d->count = d->s->nitems;
		return;
	}
	for (size_t i = 0; i < d->s->nitems; i++)
		if (in_table(d, i)) {
			if (!money_add(d->total, d->s->items[i].open, &d->total))
				d->total = INT64_MAX; /* shown, never summed further */
			d->count++;
		}
}

static enum ur_status
letter_build(const char *text, const char *name, const struct statement *s,
	     const struct company *c, int level, int32_t date, struct dunning_letter *out,
	     struct ur_err *err)
{
	struct letter_vars v;
	enum ur_status rc;

	memset(out, 0, sizeof *out);
	out->level = level;
	out->lang = s->lang;
	out->s = s;
	out->date = date;
	out->pay_by = date + (level ? company_dunning_days(c, level) : 0);
	count_overdue(out);
	memset(&v, 0, sizeof v);
	vars_fill(&v, out, c);
	rc = letter_expand(text, name, &v, out, err);
	letter_vars_free(&v);
	return rc;
}

enum ur_status
letter_expand(const char *text, const char *name, const struct letter_vars *v,
	      struct dunning_letter *out, struct ur_err *err)
{
	enum ur_status rc = UR_OK;
	size_t lineno = 0;

	while (rc == UR_OK && *text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);

		while (n && (text[n - 1] == '\r' || text[n - 1] == ' '))
			n--;
		rc = add_line(out, v, text, n, name, ++lineno, err);
		text = nl ? nl + 1 : text + strlen(text);
	}
	while (rc == UR_OK && out->nlines && !*out->lines[out->nlines - 1].text &&
	       out->lines[out->nlines - 1].kind == DUNNING_TEXT)
		free(out->lines[--out->nlines].text);
	if (rc == UR_OK && !out->title)
		rc = ur_fail(err, UR_INPUT, _("%s: the template has no title line"), name);
	if (rc != UR_OK)
		dunning_free(out);
	return rc;
}

enum ur_status
dunning_build(const char *text, const char *name, const struct statement *s,
	      const struct company *c, int level, struct dunning_letter *out,
	      struct ur_err *err)
{
	return letter_build(text, name, s, c, level, s->to, out, err);
}

enum ur_status
confirm_build(const char *text, const char *name, const struct statement *s,
	      const struct company *c, int32_t date, struct dunning_letter *out,
	      struct ur_err *err)
{
	return letter_build(text, name, s, c, DUNNING_CONFIRM, date, out, err);
}

void
dunning_free(struct dunning_letter *d)
{
	for (size_t i = 0; i < d->nlines; i++)
		free(d->lines[i].text);
	free(d->lines);
	free(d->title);
	memset(d, 0, sizeof *d);
}

bool
dunning_cells(const struct dunning_letter *d, long i, struct dunning_cells *c)
{
	const struct stmt_words *w = stmt_words(d->lang);
	const struct stmt_item *it;

	if (i < 0) {
		memcpy(c->cell, (const char *[]){ w->c_number, w->c_date, w->c_due, w->c_amount,
						  w->c_open, w->c_days }, sizeof c->cell);
		return true;
	}
	it = &d->s->items[i];
	if (!in_table(d, (size_t)i))
		return false;
	stmt_date_short(it->issue, d->lang, c->issue);
	stmt_date_short(it->due, d->lang, c->due);
	render_money(it->amount, d->s->currency, d->lang, c->amount);
	render_money(it->open, d->s->currency, d->lang, c->open);
	if (it->days_late > 0)
		snprintf(c->days, sizeof c->days, "%d", it->days_late);
	else
		c->days[0] = '\0';
	memcpy(c->cell, (const char *[]){ it->number, c->issue, c->due, c->amount, c->open,
					  c->days }, sizeof c->cell);
	return true;
}

void
dunning_table_text(const struct dunning_letter *d, struct strbuf *out)
{
	static const int widths[DUNNING_COLS] = { 15, 10, 10, 12, 12, 8 };
	struct dunning_cells c;

	for (size_t i = 0; i < d->nrows; i++)
		render_row(out, (const char *[]){ "", d->rows[i].label, d->rows[i].amount },
			   (const int[]){ 10, 30, 20 }, "llr", 3);
	if (d->rows)
		return;
	for (long i = -1; i < (long)d->s->nitems; i++)
		if (dunning_cells(d, i, &c))
			render_row(out, c.cell, widths, DUNNING_ALIGN, DUNNING_COLS);
}

/* "- - - 切り取り線 - - -" across the page. */
static void
cut_text(struct strbuf *out, const char *label)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_adds(&sb, "- - - - - - - - - - - - - - - -");
	if (*label)
		sb_addf(&sb, " %s ", label);
	sb_adds(&sb, "- - - - - - - - - - - - - - - -");
	sb_addc(out, '\n');
	render_row(out, (const char *[]){ sb.buf }, (const int[]){ RENDER_TEXT_WIDTH }, "c", 1);
	sb_addc(out, '\n');
	sb_free(&sb);
}

void
dunning_text(const struct dunning_letter *d, const struct company *c, struct strbuf *out)
{
	const struct stmt_words *w = stmt_words(d->lang);
	const char *lang = stmt_lang_code(d->lang);
	char date[STMT_DATE_SIZE], to[512];

	stmt_date_long(d->date, d->lang, date);
	render_row(out, (const char *[]){ date }, (const int[]){ RENDER_TEXT_WIDTH }, "r", 1);
	snprintf(to, sizeof to, "%s%s%s", w->to_prefix, d->s->name, w->to_suffix);
	render_lines(out, "", d->s->address);
	render_lines(out, "", to);
	sb_addc(out, '\n');
	render_lines(out, "                                              ",
		     company_get(c, "name", lang));
	render_lines(out, "                                              ",
		     company_get(c, "address", lang));
	render_lines(out, "                                              ",
		     company_get(c, "phone", lang));
	sb_addc(out, '\n');
	render_row(out, (const char *[]){ d->title }, (const int[]){ RENDER_TEXT_WIDTH }, "c", 1);
	sb_addc(out, '\n');
	for (size_t i = 0; i < d->nlines; i++) {
		const struct dunning_line *l = &d->lines[i];

		if (l->kind == DUNNING_TABLE)
			dunning_table_text(d, out);
		else if (l->kind == DUNNING_TEXT)
			render_wrap(out, l->text, RENDER_TEXT_WIDTH);
		else if (l->kind == DUNNING_CUT)
			cut_text(out, l->text);
		else
			render_row(out, (const char *[]){ l->text },
				   (const int[]){ RENDER_TEXT_WIDTH },
				   l->kind == DUNNING_RIGHT ? "r" : "c", 1);
	}
}
