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
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return ur_fail(err, UR_CONFLICT,
			       _("another user holds the database (%s); try again"), st->path);
	return ur_fail(err, UR_FAIL, _("database %s: %s"), st->path, sqlite3_errmsg(st->db));
}

/* The kept statement of text sql, taken out of the cache; NULL when none. */
static sqlite3_stmt *
kept_take(struct store *st, const char *sql)
{
	sqlite3_stmt *s;

	for (int i = 0; i < STORE_KEPT; i++)
		if ((s = st->kept[i]) && !strcmp(sqlite3_sql(s), sql)) {
			st->kept[i] = NULL;
			return s;
		}
	return NULL;
}

sqlite3_stmt *
store_prepare(struct store *st, const char *sql, struct ur_err *err)
{
	sqlite3_stmt *s = kept_take(st, sql);
	int rc;

	if (s)
		return s;
	if ((rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL)) != SQLITE_OK) {
		store_sqlfail(st, rc, err);
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

void
store_keep(struct store *st, sqlite3_stmt *s)
{
	int slot = -1;

	if (!s)
		return;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	for (int i = 0; i < STORE_KEPT && slot < 0; i++)
		if (!st->kept[i])
			slot = i;
	if (slot < 0) { /* full: the oldest one put in goes */
		slot = st->kept_next;
		st->kept_next = (st->kept_next + 1) % STORE_KEPT;
		sqlite3_finalize(st->kept[slot]);
	}
	st->kept[slot] = s;
}

void
store_kept_free(struct store *st)
{
	for (int i = 0; i < STORE_KEPT; i++) {
		sqlite3_finalize(st->kept[i]);
		st->kept[i] = NULL;
	}
}

int
store_has_schema(struct store *st, const char *sql)
{
	sqlite3_stmt *s = store_prepare(st, sql, NULL);
	int found;

	if (!s)
		return 0;
	found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return found;
}

enum ur_status
store_exec(struct store *st, const char *sql, struct ur_err *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? UR_OK : store_sqlfail(st, rc, err);
}

sqlite3_stmt *
store_stmt(struct store *st, enum store_stmt id, const char *sql, struct ur_err *err)
{
	sqlite3_stmt *s = st->stmt[id];
	int rc;

	if (s) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[id], NULL);
	if (rc != SQLITE_OK) {
		store_sqlfail(st, rc, err);
		return NULL;
	}
	return st->stmt[id];
}

enum ur_status
store_step_done(struct store *st, sqlite3_stmt *s, struct ur_err *err)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}

int
store_bind_text(sqlite3_stmt *s, int idx, const char *text)
{
	if (!text || !*text)
		return sqlite3_bind_null(s, idx);
	return sqlite3_bind_text(s, idx, text, -1, SQLITE_STATIC);
}

int
store_bind_date(sqlite3_stmt *s, int idx, int32_t day)
{
	char buf[DATE_ISO_SIZE];

	date_format_iso(day, buf);
	return sqlite3_bind_text(s, idx, buf, -1, SQLITE_TRANSIENT);
}

int32_t
store_column_date(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	int n = sqlite3_column_bytes(s, col), v[8];

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
store_column_str(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	return t ? (const char *)t : "";
}

enum deposit_state
store_column_state(sqlite3_stmt *s, int col)
{
	enum deposit_state v = DEPOSIT_UNMATCHED;

	deposit_state_parse(store_column_str(s, col), &v);
	return v;
}

enum alloc_kind
store_column_alloc_kind(sqlite3_stmt *s, int col)
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

/* The integer a PRAGMA (or a one-value query) reads into *v: SQLITE_OK,
 * or SQLite's error. */
