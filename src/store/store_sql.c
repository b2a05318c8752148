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

struct db_stmt *
store_prepare(struct store *st, const char *sql, struct ur_err *err)
{
	struct db_stmt *s = kept_take(st, sql);
	int rc;

	if (s)
		return s;
	if ((rc = db_prepare(st->db, sql, &s)) != DB_OK) {
		store_sqlfail(st, rc, err);
		db_finalize(s);
		return NULL;
	}
	return s;
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

	if (s) {
		db_reset(s);
		db_clear_bindings(s);
		return s;
	}
	rc = db_prepare_persistent(st->db, sql, &st->stmt[id]);
	if (rc != DB_OK) {
		store_sqlfail(st, rc, err);
		return NULL;
	}
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
