/* store_pg_sql: the store's SQL text, written in SQLite's spelling,
 * translated once at prepare into PostgreSQL's: placeholders, planner
 * hints and the SQLite functions that the macros of store_dialect_priv.h
 * paste in (doc/store-dialects.md, section 3). Token by token: string
 * literals, quoted names and comments are copied untouched. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store_dialect_priv.h"
#include "store_pg_priv.h"
#include "strbuf.h"
#include "xalloc.h"

/* The timestamp text of SQL_NOW, YYYY-MM-DDTHH:MM:SSZ in UTC, of a
 * timestamp expression. */
#define PG_TS_TEXT(TS) "to_char(" TS ", 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define LITE_TS_FORMAT "'%Y-%m-%dT%H:%M:%SZ'"
/* X as a date or an interval: through text, so that a parameter X stays
 * text (a bare CAST($1 AS date) would make $1 a date, which its uses as
 * text elsewhere in the statement then contradict). */
#define AS_DATE(X) "CAST(CAST(" X " AS text) AS date)"
#define AS_INTERVAL(X) "CAST(CAST(" X " AS text) AS interval)"
#define MAX_ARGS 4

/* Translation state: the parameters met so far. */
struct tr {
	struct pg_sql *out;
};

static void span(struct tr *t, const char *p, const char *end, struct strbuf *sb);

static bool
is_word(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* The end of the dollar-quoted text ($$…$$, $tag$…$tag$: a function's
 * body) that starts at p; NULL when p starts none. */
static const char *
dollar_end(const char *p, const char *end)
{
	const char *t = p + 1;
	size_t n;

	while (t < end && (isalpha((unsigned char)*t) || *t == '_'))
		t++;
	if (t >= end || *t != '$')
		return NULL;
	n = (size_t)(t + 1 - p);
	for (const char *q = t + 1; q + n <= end; q++)
		if (!memcmp(q, p, n))
			return q + n;
	return end;
}

/* The end of the token that starts at p: a quoted literal or name, a
 * comment, a word, or one character. */
static const char *
token_end(const char *p, const char *end)
{
	const char *d;

	if (*p == '$' && (d = dollar_end(p, end)))
		return d;
	if (*p == '\'' || *p == '"') {
		char q = *p++;

		for (; p < end; p++)
			if (*p == q && !(p + 1 < end && p[1] == q))
				return p + 1;
			else if (*p == q)
				p++; /* a doubled quote stays inside */
		return end;
	}
	if (p + 1 < end && p[0] == '-' && p[1] == '-') {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		return nl ? nl : end;
	}
	if (p + 1 < end && p[0] == '/' && p[1] == '*') {
		for (const char *q = p + 2; q + 1 < end; q++)
			if (q[0] == '*' && q[1] == '/')
				return q + 2;
		return end;
	}
	if (is_word(*p)) {
		while (p < end && is_word(*p))
			p++;
		return p;
	}
	return p + 1;
}

static const char *
skip_space(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p;
}

/* Whether the word token [p, e) is kw, in any case. */
static bool
word_is(const char *p, const char *e, const char *kw)
{
	return (size_t)(e - p) == strlen(kw) && !strncasecmp(p, kw, (size_t)(e - p));
}

/* Note parameter n as used (growing the list). */
static void
use_param(struct tr *t, int n)
{
	struct pg_sql *o = t->out;

	if (n > o->nparams) {
		o->used = xrealloc(o->used, (size_t)n * sizeof *o->used);
		memset(o->used + o->nparams, 0, (size_t)(n - o->nparams) * sizeof *o->used);
		o->nparams = n;
	}
	o->used[n - 1] = true;
}

/* The index of the named parameter [p, e) (":as_of"), a new one the
 * largest so far plus one, as SQLite numbers them. */
static int
named_param(struct tr *t, const char *p, const char *e)
{
	struct pg_sql *o = t->out;
	int n;

	for (int i = 0; i < o->nnames; i++)
		if (word_is(p, e, o->names[i]))
			return o->name_index[i];
	n = o->nparams + 1;
	o->names = xrealloc(o->names, (size_t)(o->nnames + 1) * sizeof *o->names);
	o->name_index = xrealloc(o->name_index, (size_t)(o->nnames + 1) * sizeof *o->name_index);
	o->names[o->nnames] = xstrndup(p, (size_t)(e - p));
	o->name_index[o->nnames++] = n;
	return n;
}

/* The arguments of the call whose "(" is at p: each translated into
 * args[i] (at most MAX_ARGS); returns past the ")" (end when unclosed). */
static const char *
call_args(struct tr *t, const char *p, const char *end, struct strbuf *args, int *nargs)
{
	const char *start = ++p;
	int depth = 0;

	*nargs = 0;
	for (; p < end; p = token_end(p, end)) {
		bool close = *p == ')' && depth == 0;

		if ((*p == ',' && depth == 0) || close) {
			if (*nargs < MAX_ARGS) {
				sb_init(&args[*nargs]);
				span(t, skip_space(start, p), p, &args[*nargs]);
			}
			(*nargs)++;
			start = p + 1;
			if (close)
				return p + 1;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			depth--;
		}
	}
	return end;
}

/* Trailing spaces off a translated argument. */
static const char *
arg(struct strbuf *a)
{
	while (a->len && isspace((unsigned char)a->buf[a->len - 1]))
		a->buf[--a->len] = '\0';
	return a->buf;
}

/* PostgreSQL's text for SQLite's function fn [fp, fe) called with args,
 * into sb: false when it is none of those translated. */
static bool
rewrite_call(const char *fp, const char *fe, struct strbuf *a, int n, struct strbuf *sb)
{
	if (word_is(fp, fe, "strftime") && (n == 2 || n == 3) && !strcmp(arg(&a[0]), LITE_TS_FORMAT) &&
	    !strcmp(arg(&a[1]), "'now'")) {
		if (n == 2)
			sb_adds(sb, "ur_now()");
		else
			sb_addf(sb, PG_TS_TEXT("(statement_timestamp() AT TIME ZONE 'UTC') + " AS_INTERVAL("%s")),
				arg(&a[2]));
	} else if (word_is(fp, fe, "date") && n == 1) {
		sb_addf(sb, "CAST(" AS_DATE("%s") " AS text)", arg(&a[0]));
	} else if (word_is(fp, fe, "date") && n == 2) {
		/* date + interval is a timestamp: its day, as text */
		sb_addf(sb, "CAST(CAST(" AS_DATE("%s") " + " AS_INTERVAL("%s") " AS date) AS text)",
			arg(&a[0]), arg(&a[1]));
	} else if (word_is(fp, fe, "julianday") && n == 1) {
		/* a day number: differences of two are whole days, as SQL_DAYS_BETWEEN wants */
		sb_addf(sb, "(" AS_DATE("%s") " - DATE '2000-01-01')", arg(&a[0]));
	} else if (word_is(fp, fe, "group_concat") && n == 2) {
		sb_addf(sb, "string_agg(%s, %s)", arg(&a[0]), arg(&a[1]));
	} else if (word_is(fp, fe, "instr") && n == 2) {
		sb_addf(sb, "(strpos(%s, %s) > 0)", arg(&a[0]), arg(&a[1]));
	} else if (word_is(fp, fe, "json_extract") && n == 2 && !strncmp(arg(&a[1]), "'$.", 3)) {
		sb_addf(sb, "(CAST(%s AS jsonb) ->> '%s)", arg(&a[0]), arg(&a[1]) + 3);
	} else {
		return false;
	}
	return true;
}

/* A call of a function SQLite spells differently, word [p, e) then "(":
 * translated into sb; returns past it, or NULL when it is no such call. */
static const char *
call(struct tr *t, const char *p, const char *e, const char *end, struct strbuf *sb)
{
	static const char *const fns[] = {"strftime", "date", "julianday", "group_concat", "instr",
					  "json_extract"};
	struct strbuf args[MAX_ARGS];
	const char *open = skip_space(e, end), *after;
	bool known = false;
	int n;

	for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
		known = known || word_is(p, e, fns[i]);
	if (!known || open >= end || *open != '(')
		return NULL;
	after = call_args(t, open, end, args, &n);
	if (n > MAX_ARGS || !rewrite_call(p, e, args, n, sb)) {
		/* left as written (the server will say what it lacks) */
		sb_add(sb, p, (size_t)(open - p));
		span(t, open, after, sb);
	}
	for (int i = 0; i < n && i < MAX_ARGS; i++)
		sb_free(&args[i]);
	return after;
}

/* After the word [p, e): past a planner hint, INDEXED BY name or
 * NOT INDEXED, that starts there; NULL when none does. SQLite's
 * CROSS JOIN … ON (a join order forced) keeps its JOIN: PostgreSQL has no
 * ON after CROSS JOIN, and the store never writes one without. */
static const char *
hint(const char *p, const char *e, const char *end)
{
	const char *w = skip_space(e, end), *we = w < end ? token_end(w, end) : w;

	if (word_is(p, e, "CROSS") && word_is(w, we, "JOIN"))
		return w;
	if (word_is(p, e, "INDEXED") && word_is(w, we, "BY")) {
		const char *n = skip_space(we, end);

		return n < end ? token_end(n, end) : n;
	}
	if (word_is(p, e, "NOT") && word_is(w, we, "INDEXED")) {
		const char *b = skip_space(we, end), *be = b < end ? token_end(b, end) : b;

		return word_is(b, be, "BY") ? NULL : we;
	}
	return NULL;
}

/* Whether the token [p, e) ends an operand (a name, a number, a literal,
 * a parameter or a ")"), so that a "+" after it adds; after anything else
 * (an operator, "(", a keyword) a "+" is unary. */
static bool
ends_operand(const char *p, const char *e)
{
	static const char *const keywords[] = {"AND", "OR", "NOT", "WHERE", "ON", "WHEN", "THEN",
					       "ELSE", "SELECT", "BY", "CASE", "IN", "IS", "BETWEEN"};

	if (!is_word(*p))
		return *p == ')' || *p == '\'' || *p == '"' || *p == '?' || (*p == ':' && e - p > 1);
	for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
		if (word_is(p, e, keywords[i]))
			return false;
	return true;
}

/* Whether the token [p, e) is the comment that SQL_RETURNING_ID puts on
 * SQLite (its leading space aside). */
static bool
returning_id(const char *p, const char *e)
{
	static const char marker[] = SQL_RETURNING_ID;

	return (size_t)(e - p) == sizeof marker - 2 && !memcmp(p, marker + 1, sizeof marker - 2);
}

/* Whether text is one INSERT, UPDATE or DELETE that returns no rows (no
 * RETURNING): its answer is only a count, so it may wait in a pipeline. */
static bool
plain_write(const char *text)
{
	const char *p = text, *end = text + strlen(text), *e;
	bool first = true, write = false;

	for (; p < end; p = e) {
		e = token_end(p, end);
		if (!is_word(*p))
			continue;
		if (first)
			write = word_is(p, e, "INSERT") || word_is(p, e, "UPDATE") ||
				word_is(p, e, "DELETE");
		else if (word_is(p, e, "RETURNING"))
			return false;
		first = false;
	}
	return write && !memchr(text, ';', (size_t)(end - text));
}

/* For a plain INSERT, the span of its one VALUES row when every parameter
 * is inside it and nothing is updated on conflict (so that inserting
 * several rows in one statement does what as many statements would). */
static void
values_row(struct pg_sql *o)
{
	const char *text = o->text, *end = text + strlen(text), *p, *e, *open = NULL;
	bool values = false, first = true;
	int depth = 0;

	for (p = text; p < end; p = e) {
		e = token_end(p, end);
		if (is_word(*p) && first && !word_is(p, e, "INSERT"))
			break;
		first = first && !is_word(*p);
		if (word_is(p, e, "UPDATE") || (*p == '$' && !(open && !o->row_end)))
			break; /* DO UPDATE, or a parameter outside the row */
		if (*p == ',' && depth == 0 && o->row_end)
			break; /* several rows already */
		if (*p == '(' && depth++ == 0 && values && !open)
			open = p;
		else if (*p == ')' && --depth == 0 && open && !o->row_end)
			o->row_end = (size_t)(e - text);
		values = values || word_is(p, e, "VALUES");
	}
	if (p < end || !open || !o->row_end)
		o->row_end = 0;
	else
		o->row_start = (size_t)(open - text);
}

/* Where the word VALUES before t's row starts. */
static size_t
values_at(const struct pg_sql *t)
{
	const char *p, *e, *end = t->text + t->row_start, *at = end;

	for (p = t->text; p < end; p = e) {
		e = token_end(p, end);
		if (word_is(p, e, "VALUES"))
			at = p;
	}
	return (size_t)(at - t->text);
}

char *
pg_sql_unnest(const struct pg_sql *t)
{
	const char *p = t->text + t->row_start + 1, *end = t->text + t->row_end - 1, *e;
	struct strbuf sb;

	sb_init(&sb);
	sb_add(&sb, t->text, values_at(t));
	sb_adds(&sb, "SELECT ");
	for (; p < end; p = e) {
		e = token_end(p, end);
		if (*p == '$' && e < end && isdigit((unsigned char)*e)) {
			e = token_end(e, end);
			sb_addf(&sb, "u.p%d", atoi(p + 1));
		} else {
			sb_add(&sb, p, (size_t)(e - p));
		}
	}
	sb_adds(&sb, " FROM unnest(");
	for (int i = 1, k = 0; i <= t->nparams; i++)
		if (t->used[i - 1])
			sb_addf(&sb, "%s$%d", k++ ? ", " : "", i);
	sb_adds(&sb, ") AS u(");
	for (int i = 1, k = 0; i <= t->nparams; i++)
		if (t->used[i - 1])
			sb_addf(&sb, "%sp%d", k++ ? ", " : "", i);
	sb_addc(&sb, ')');
	sb_adds(&sb, t->text + t->row_end);
	return sb_detach(&sb);
}

/* The end of the parameter token that starts at p (?N, or :name), p
 * itself when none starts there. */
static const char *
param_end(const char *p, const char *end)
{
	const char *e = p + 1;

	if (p < end && *p == '?') {
		while (e < end && isdigit((unsigned char)*e))
			e++;
		return e;
	}
	if (p < end && *p == ':' && e < end && (isalpha((unsigned char)*e) || *e == '_'))
		return token_end(e, end);
	return p;
}

/* SQLite's "+col = ?N" (or ":name"), col a name or t.name, starting at
 * the word w after the "+": the end of the parameter when the comparison
 * ends there (nothing after it that binds tighter than AND: the end, ")",
 * ",", a comment or a clause's keyword), NULL otherwise. PostgreSQL then
 * reads "(col = $N) IS TRUE": the same rows (a NULL comparison passes
 * neither; as a value, not a filter, it would read false instead of NULL:
 * the store hints filters only, nearly all on company_id, never NULL) and
 * the same estimate (the planner's estimate of IS TRUE is its argument's),
 * but no index's condition, as SQLite's "+" means. Without it
 * a table with no statistics yet (one transaction that fills it: the demo,
 * a first import) made every equality look like a key, and a look-up by
 * id took the unique key that begins with company_id and read the whole
 * company (doc/store-dialects.md, section 6). */
/* p past spaces and comments. */
static const char *
skip_blank(const char *p, const char *end)
{
	for (p = skip_space(p, end);
	     p + 1 < end && ((p[0] == '-' && p[1] == '-') || (p[0] == '/' && p[1] == '*'));)
		p = skip_space(token_end(p, end), end);
	return p;
}

/* Whether the token [p, e) may precede a hinted comparison: a condition
 * begins there (WHERE, AND, OR, ON, WHEN or a parenthesis), so that the
 * comparison is a whole operand and nothing binds to it more tightly than
 * to the parentheses added around it. */
static bool
condition_starts(const char *p, const char *e)
{
	static const char *const before[] = {"WHERE", "AND", "OR", "ON", "WHEN"};

	if (!p || *p == '(')
		return p != NULL;
	for (size_t i = 0; i < sizeof before / sizeof *before; i++)
		if (word_is(p, e, before[i]))
			return true;
	return false;
}

static const char *
hinted_eq(const char *w, const char *end)
{
	static const char *const after[] = {"AND", "OR", "ORDER", "LIMIT", "GROUP", "WHERE",
					    "HAVING", "OFFSET", "UNION", "EXCEPT", "INTERSECT",
					    "RETURNING", "THEN", "FOR", "WINDOW"};
	const char *e = token_end(w, end), *q;

	if (!is_word(*w))
		return NULL;
	if (e + 1 < end && *e == '.' && is_word(e[1]))
		e = token_end(e + 1, end);
	q = skip_space(e, end);
	if (q >= end || *q != '=' || (q + 1 < end && (q[1] == '=' || q[1] == '>')))
		return NULL;
	q = skip_space(q + 1, end);
	if ((e = param_end(q, end)) == q)
		return NULL;
	q = skip_blank(e, end);
	if (q >= end || *q == ')' || *q == ',' || *q == ';')
		return e;
	for (size_t i = 0; i < sizeof after / sizeof *after; i++)
		if (word_is(q, token_end(q, end), after[i]))
			return e;
	return NULL;
}

/* Translate [p, end) into sb. */
static void
span(struct tr *t, const char *p, const char *end, struct strbuf *sb)
{
	char prev = '\0';
	bool operand = false; /* the last token, spaces and comments aside, ends an operand */
	const char *close = NULL; /* where a hinted comparison ends: ") IS TRUE" */
	const char *last = NULL, *last_end = NULL; /* that token */

	while (p < end) {
		const char *e = token_end(p, end), *next;
		bool space = isspace((unsigned char)*p) || (e - p > 1 && (*p == '-' || *p == '/'));

		if (*p == '+' && !operand && e < end && (isalpha((unsigned char)*e) || *e == '_')) {
			/* SQLite's "+col": a hint to leave col's index alone, and no
			 * unary plus on text in PostgreSQL */
			if (!close && condition_starts(last, last_end) && (close = hinted_eq(e, end)))
				sb_addc(sb, '(');
		} else if (*p == '?') {
			int n = 0;

			for (; e < end && isdigit((unsigned char)*e); e++)
				n = n * 10 + (*e - '0');
			if (n == 0) /* a bare ?: the next number */
				n = t->out->nparams + 1;
			use_param(t, n);
			sb_addf(sb, "$%d", n);
		} else if (*p == ':' && prev != ':' && e < end && (isalpha((unsigned char)*e) || *e == '_')) {
			int n;

			e = token_end(e, end);
			n = named_param(t, p, e);
			use_param(t, n);
			sb_addf(sb, "$%d", n);
		} else if (returning_id(p, e)) {
			sb_adds(sb, "RETURNING id");
		} else if (is_word(*p) && (next = hint(p, e, end))) {
			e = next;
		} else if (is_word(*p) && (next = call(t, p, e, end, sb))) {
			e = next;
		} else {
			sb_add(sb, p, (size_t)(e - p));
		}
		if (close && e >= close) {
			sb_adds(sb, e < end && is_word(*e) ? ") IS TRUE " : ") IS TRUE");
			close = NULL;
		}
		if (!space) {
			operand = ends_operand(p, e);
			last = p;
			last_end = e;
		}
		prev = e[-1];
		p = e;
	}
}

void
pg_sql_translate(const char *sql, struct pg_sql *out)
{
	struct tr t = {out};
	struct strbuf sb;

	memset(out, 0, sizeof *out);
	sb_init(&sb);
	span(&t, sql, sql + strlen(sql), &sb);
	out->text = sb_detach(&sb);
	out->plain_write = plain_write(out->text);
	if (out->plain_write)
		values_row(out);
}

void
pg_sql_free(struct pg_sql *t)
{
	for (int i = 0; i < t->nnames; i++)
		free(t->names[i]);
	free(t->names);
	free(t->name_index);
	free(t->used);
	free(t->text);
	memset(t, 0, sizeof *t);
}
