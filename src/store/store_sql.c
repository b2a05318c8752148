/* store_sql: the helpers every store file uses to speak SQL — preparing
 * (one-off statements kept for their next use: the screen asks the same
 * questions at every key), the statements cached by id, error mapping,
 * binding and reading columns. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "store_priv.h"
#include "xalloc.h"

enum ur_status
store_sqlfail(struct store *st, int rc, struct ur_err *err)
{
	if (db_is_conflict(rc))
		return ur_fail(err, UR_CONFLICT,
			       _("another user holds the database (%s); try again"), st->shown);
	return ur_fail(err, UR_FAIL, _("database %s: %s"), st->shown, db_errmsg(st->db));
}

/* The kept statement of text sql, taken out of the cache; NULL when none. */
static struct db_stmt *
kept_take(struct store *st, const char *sql)
{
	struct db_stmt *s;

	for (int i = 0; i < STORE_KEPT; i++)
		if ((s = st->kept[i]) && !strcmp(db_sql(s), sql)) {
			st->kept[i] = NULL;
			return s;
		}
	return NULL;
}

/* The end of the token at p: a quoted literal or name, a comment, or one
 * character (the scoping rewrite below copies all but parameters as they are). */
static const char *
sql_token_end(const char *p)
{
	if (*p == '\'' || *p == '"') {
		char q = *p++;

		while (*p && !(*p == q && p[1] != q))
			p += *p == q ? 2 : 1;
		return *p ? p + 1 : p;
	}
	if (p[0] == '-' && p[1] == '-')
		return p + strcspn(p, "\n");
	return p + 1;
}

static bool
sql_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* Whether [p, e) is the parameter STORE_COMPANY. */
static bool
is_company(const char *p, const char *e)
{
	return (size_t)(e - p) == strlen(STORE_COMPANY) && !memcmp(p, STORE_COMPANY, (size_t)(e - p));
}

/* One pass over sql, whose parameters are ?N and bare ?s, numbering them
 * as SQLite does (?N: N; a bare ?: the largest so far plus one) into out
 * as ?N when out is not NULL, STORE_COMPANY as ?company; returns the
 * largest number, -1 when sql has other named parameters. */
static int
number_params(const char *sql, int company, struct strbuf *out)
{
	int max = 0;

	for (const char *p = sql, *e; *p; p = e) {
		int n = -1;

		e = sql_token_end(p);
		if (*p == '?') {
			for (n = 0; *e >= '0' && *e <= '9'; e++)
				n = n * 10 + (*e - '0');
			n = n ? n : max + 1;
			max = n > max ? n : max;
		} else if (*p == ':' && sql_word(*e) && (p == sql || p[-1] != ':')) {
			while (sql_word(*e))
				e++;
			if (!is_company(p, e))
				return -1;
			n = company;
		}
		if (out && n > 0)
			sb_addf(out, "?%d", n);
		else if (out)
			sb_add(out, p, (size_t)(e - p));
	}
	return max;
}

/* The company's number in a statement with numbered parameters: after all
 * of them (so that the caller's numbers stay) and out of reach of a
 * caller that binds one more than this statement has (a binding shared by
 * several statements). */
#define COMPANY_PARAM_MIN 40

/* Whether sql names STORE_COMPANY; then, when its other parameters are
 * numbered, sb holds it with the company numbered after all of them; with
 * named ones (bound by name) it stays. */
static bool
scoped_sql(const char *sql, struct strbuf *sb)
{
	int max;

	if (!strstr(sql, STORE_COMPANY))
		return false;
	if ((max = number_params(sql, 0, NULL)) >= 0)
		number_params(sql, max < COMPANY_PARAM_MIN ? COMPANY_PARAM_MIN : max + 1, sb);
	return true;
}

/* Bind the current company to a scoped statement: by its name, else the
 * last parameter. */
static void
bind_company(struct store *st, struct db_stmt *s, bool scoped)
{
	int idx;

	if (!scoped)
		return;
	idx = db_param_index(s, STORE_COMPANY);
	db_bind_int64(s, idx ? idx : db_param_count(s), st->company);
}

void
store_bind_company(struct store *st, struct db_stmt *s)
{
	bind_company(st, s, true);
}

struct db_stmt *
store_prepare(struct store *st, const char *sql, struct ur_err *err)
{
	struct strbuf sb;
	bool scoped;
	struct db_stmt *s;
	int rc;

	sb_init(&sb);
	scoped = scoped_sql(sql, &sb);
	if (scoped && sb.len)
		sql = sb.buf;
	if ((s = kept_take(st, sql))) {
		bind_company(st, s, scoped);
		sb_free(&sb);
		return s;
	}
	if ((rc = db_prepare(st->db, sql, &s)) != DB_OK) {
		store_sqlfail(st, rc, err);
		db_finalize(s);
		s = NULL;
	}
	bind_company(st, s, s && scoped);
	sb_free(&sb);
	return s;
}

int
store_prepare_db(struct store *st, const char *sql, struct db_stmt **out)
{
	struct strbuf sb;
	bool scoped;
	int rc;

	sb_init(&sb);
	scoped = scoped_sql(sql, &sb);
	rc = db_prepare(st->db, scoped && sb.len ? sb.buf : sql, out);
	sb_free(&sb);
	if (rc == DB_OK)
		bind_company(st, *out, scoped);
	return rc;
}

void
store_keep(struct store *st, struct db_stmt *s)
{
	int slot = -1;

	if (!s)
		return;
	db_reset(s);
	db_clear_bindings(s);
	for (int i = 0; i < STORE_KEPT && slot < 0; i++)
		if (!st->kept[i])
			slot = i;
	if (slot < 0) { /* full: the oldest one put in goes */
		slot = st->kept_next;
		st->kept_next = (st->kept_next + 1) % STORE_KEPT;
		db_finalize(st->kept[slot]);
	}
	st->kept[slot] = s;
}

void
store_kept_free(struct store *st)
{
	for (int i = 0; i < STORE_KEPT; i++) {
		db_finalize(st->kept[i]);
		st->kept[i] = NULL;
	}
}

bool
store_has_table(struct store *st, const char *table, const char *column)
{
	return db_has_table(st->db, table, column);
}

enum ur_status
store_exec(struct store *st, const char *sql, struct ur_err *err)
{
	int rc = db_exec(st->db, sql);

	return rc == DB_OK ? UR_OK : store_sqlfail(st, rc, err);
}

struct db_stmt *
store_stmt(struct store *st, enum store_stmt id, const char *sql, struct ur_err *err)
{
	struct db_stmt *s = st->stmt[id];
	int rc;

	struct strbuf sb;
	bool scoped;

	if (s) {
		db_reset(s);
		db_clear_bindings(s);
		bind_company(st, s, st->stmt_scoped[id]);
		return s;
	}
	sb_init(&sb);
	scoped = scoped_sql(sql, &sb);
	rc = db_prepare_persistent(st->db, scoped && sb.len ? sb.buf : sql, &st->stmt[id]);
	sb_free(&sb);
	if (rc != DB_OK) {
		store_sqlfail(st, rc, err);
		return NULL;
	}
	st->stmt_scoped[id] = scoped;
	bind_company(st, st->stmt[id], scoped);
	return st->stmt[id];
}

enum ur_status
store_step_done(struct store *st, struct db_stmt *s, struct ur_err *err)
{
	int rc = db_step(s);

	db_reset(s);
	if (rc != DB_DONE && rc != DB_ROW)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}

enum ur_status
store_step_write(struct store *st, struct db_stmt *s, struct ur_err *err)
{
	int rc = db_step_write(s);

	db_reset(s);
	if (rc != DB_DONE && rc != DB_ROW)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}

enum ur_status
store_step_id(struct store *st, struct db_stmt *s, int64_t *id, struct ur_err *err)
{
	int rc = db_step(s);

	if (rc == DB_ROW)
		*id = db_column_int64(s, 0);
	else
		*id = rc == DB_DONE && db_changes(st->db) == 1 ? db_last_insert_id(st->db) : 0;
	db_reset(s);
	if (rc != DB_DONE && rc != DB_ROW)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}

enum ur_status
store_one_int64(struct store *st, const char *sql, int64_t *v, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	if (!s)
		return store_status(err);
	rc = db_step(s);
	*v = rc == DB_ROW ? db_column_int64(s, 0) : 0;
	store_keep(st, s);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

int
store_bind_text(struct db_stmt *s, int idx, const char *text)
{
	if (!text || !*text)
		return db_bind_null(s, idx);
	return db_bind_text(s, idx, text);
}

int
store_bind_date(struct db_stmt *s, int idx, int32_t day)
{
	char buf[DATE_ISO_SIZE];

	date_format_iso(day, buf);
	return db_bind_text_copy(s, idx, buf);
}

int32_t
store_column_date(struct db_stmt *s, int col)
{
	const char *t = db_column_text(s, col);
	int n = db_column_bytes(s, col), v[8];

	/* a date, or the date part of a timestamp 'YYYY-MM-DDTHH:MM:SSZ' */
	if (!t || (n != 10 && (n < 11 || t[10] != 'T')) || t[4] != '-' || t[7] != '-')
		return 0;
	for (int i = 0, j = 0; i < 10; i++) {
		if (i == 4 || i == 7)
			continue;
		if (t[i] < '0' || t[i] > '9')
			return 0;
		v[j++] = t[i] - '0';
	}
	return date_from_ymd(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5],
			     v[6] * 10 + v[7]);
}

const char *
store_column_str(struct db_stmt *s, int col)
{
	const char *t = db_column_text(s, col);

	return t ? t : "";
}

enum deposit_state
store_column_state(struct db_stmt *s, int col)
{
	enum deposit_state v = DEPOSIT_UNMATCHED;

	deposit_state_parse(store_column_str(s, col), &v);
	return v;
}

enum alloc_kind
store_column_alloc_kind(struct db_stmt *s, int col)
{
	enum alloc_kind v = ALLOC_AUTO;

	alloc_kind_parse(store_column_str(s, col), &v);
	return v;
}

void
store_keep_str(char **slot, const char *s)
{
	free(*slot);
	*slot = s ? xstrdup(s) : NULL;
}

enum ur_status
store_rows(struct store *st, struct db_stmt *s, const struct store_rows *how, void **out,
	   int *n, struct ur_err *err)
{
	char *rows = NULL;
	int rc, cap = 0;

	*n = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		if (*n == cap)
			rows = xrealloc(rows, (size_t)(cap = cap ? 2 * cap : 4) * how->size);
		how->read(s, rows + (size_t)(*n)++ * how->size);
	}
	store_keep(st, s);
	if (rc != DB_DONE) {
		how->free(rows, *n);
		*out = NULL;
		*n = 0;
		return store_sqlfail(st, rc, err);
	}
	*out = rows;
	return UR_OK;
}
