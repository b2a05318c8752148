/* pg_prepare: prepares each statement of a list on a store, through the
 * store's own prepare (store_prepare: STORE_COMPANY numbered and bound,
 * then the PostgreSQL backend's translation of SQLite's spelling and the
 * server's PREPARE), and finalizes it unexecuted. tests/pg/prepare.sh runs
 * it on every statement text of the store files (tests/pg/statements.pl).
 * Then the texts the deposit queue builds at run time from pieces
 * (store_ui_queue.c), each distinct one as the store builds it, for every
 * filter, sort, direction and starting point.
 * Usage: pg_prepare DB < LIST, LIST's lines "WHERE<tab>TEXT", the text's
 * backslashes, line ends and tabs escaped (\\, \n, \t). Prints "ok WHERE"
 * or "fail WHERE: the server's message" for each; exit 0 when all were
 * prepared, 1 when one was not, 2 when the store cannot be opened. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_db_priv.h"
#include "store_priv.h"
#include "store_ui_priv.h"
#include "strbuf.h"
#include "xalloc.h"

/* The queue's texts prepared so far (the same text from other arguments
 * is prepared once). */
#define MAX_QUEUE 256
static char *seen[MAX_QUEUE];
static int nseen;

/* Undo the list's escapes in place. */
static void
unescape(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			*o++ = *s;
			continue;
		}
		s++;
		*o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
	}
	*o = '\0';
}

/* Prepare text, said as where: 0 when it was. */
static int
prepare_one(struct store *st, const char *where, const char *text)
{
	struct db_stmt *s;
	struct ur_err err;

	if (!(s = store_prepare(st, text, &err))) {
		printf("fail %s: %s\n", where, err.msg);
		return 1;
	}
	db_finalize(s);
	printf("ok %s\n", where);
	return 0;
}

/* Prepare the text in sql unless one the same was (then or else empty sql). */
static int
prepare_built(struct store *st, struct strbuf *sql, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int
prepare_built(struct store *st, struct strbuf *sql, const char *fmt, ...)
{
	char where[160];
	va_list ap;
	int rc;

	for (int i = 0; i < nseen; i++)
		if (!strcmp(seen[i], sql->buf)) {
			sb_reset(sql);
			return 0;
		}
	va_start(ap, fmt);
	vsnprintf(where, sizeof where, fmt, ap);
	va_end(ap);
	rc = prepare_one(st, where, sql->buf);
	if (nseen < MAX_QUEUE)
		seen[nseen++] = xstrdup(sql->buf);
	sb_reset(sql);
	return rc;
}

#define QUEUE "src/store/store_ui_queue.c: "

/* The queue's texts under filter f, sort so, direction dir, from each of
 * no deposit, one before or after, and one itself included. */
static int
prepare_sorted(struct store *st, struct strbuf *sql, enum sui_filter f, enum sui_sort so,
	       int dir)
{
	int failed = 0;

	for (int from = 0; from < 4; from++) {
		sui_page_sql(sql, "", f, "", so, dir, from > 0, from == 3);
		failed |= prepare_built(st, sql, QUEUE "sui_page_sql(filter %d, sort %d, dir %d, from %d)",
					f, so, dir, from);
		sui_find_sql(sql, f, so, dir, from > 0);
		failed |= prepare_built(st, sql, QUEUE "sui_find_sql(filter %d, sort %d, dir %d, from %d)",
					f, so, dir, from > 0);
		sui_count_sql(sql, f, so, from & 1, from & 2);
		failed |= prepare_built(st, sql, QUEUE "sui_count_sql(filter %d, sort %d, before %d, %s)",
					f, so, from & 1, from & 2 ? "companies" : "one company");
	}
	return failed;
}

/* Every text of the deposit queue: pages, searches and counts. */
static int
prepare_queue(struct store *st)
{
	struct strbuf sql;
	int failed = 0;

	sb_init(&sql);
	sui_auto_sql(&sql);
	failed |= prepare_built(st, &sql, QUEUE "sui_auto_sql");
	for (int f = 0; f < SUI_FILTER_COUNT; f++)
		for (int so = 0; so < SUI_SORT_COUNT; so++)
			for (int dir = -1; dir <= 1; dir += 2)
				failed |= prepare_sorted(st, &sql, f, so, dir);
	for (int i = 0; i < nseen; i++)
		free(seen[i]);
	sb_free(&sql);
	return failed;
}

/* Prepare the statement of one line of the list: 0 when it was. */
static int
prepare_line(struct store *st, char *line)
{
	char *text = strchr(line, '\t');

	line[strcspn(line, "\n")] = '\0';
	if (!text) {
		printf("fail %s: no statement on the line\n", line);
		return 1;
	}
	*text++ = '\0';
	unescape(text);
	return prepare_one(st, line, text);
}

int
main(int argc, char **argv)
{
	struct store *st;
	struct ur_err err;
	char *line = NULL;
	size_t cap = 0;
	int failed = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: pg_prepare DB < LIST\n");
		return 2;
	}
	if (store_open(&st, argv[1], "prepare", &err) != UR_OK) {
		fprintf(stderr, "pg_prepare: %s: %s\n", argv[1], err.msg);
		return 2;
	}
	while (getline(&line, &cap, stdin) > 0)
		failed |= prepare_line(st, line);
	free(line);
	failed |= prepare_queue(st);
	store_close(st);
	return failed;
}
