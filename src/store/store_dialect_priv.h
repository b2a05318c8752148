/* store_dialect_priv: the SQL spellings that differ between SQLite and
 * PostgreSQL, as macros pasted into the store's statement texts. Each
 * expands to SQLite's text exactly; the PostgreSQL backend gives each its
 * second expansion here, in one place (doc/store-dialects.md, section 3).
 * Arguments are SQL text in C string literals: SQL_DAY_AFTER("?3").
 * Private to src/store/. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_DIALECT_PRIV_H
#define UR_SRC_STORE_DIALECT_PRIV_H

/* The current time as timestamp text, YYYY-MM-DDTHH:MM:SSZ in UTC
 * (PostgreSQL: ur_now() of data/schema-pg.sql). */
#define SQL_NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* The same moved by AGE, a text such as '-15 minutes' (which PostgreSQL
 * reads as an interval). */
#define SQL_NOW_PLUS(AGE) "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', " AGE ")"

/* The day after DAY (YYYY-MM-DD text), as text. */
#define SQL_DAY_AFTER(DAY) "date(" DAY ", '+1 day')"

/* N days before DAY, as text; NULL when DAY is no date (PostgreSQL:
 * CAST(CAST(DAY AS date) - N AS text), which refuses one instead). */
#define SQL_DAYS_BEFORE(DAY, N) "date(" DAY ", '-' || " N " || ' days')"

/* The whole days from the day FROM to the day TO, negative when TO is
 * earlier (PostgreSQL: CAST(TO AS date) - CAST(FROM AS date)). */
#define SQL_DAYS_BETWEEN(FROM, TO) "CAST(julianday(" TO ") - julianday(" FROM ") AS INTEGER)"

/* The texts X of a group joined by SEP (PostgreSQL: string_agg). */
#define SQL_LIST_AGG(X, SEP) "group_concat(" X ", " SEP ")"

/* True when the text HAY contains NEEDLE; an empty NEEDLE is contained
 * (PostgreSQL: strpos(HAY, NEEDLE) > 0, a boolean where instr's integer
 * would be refused as a condition). */
#define SQL_CONTAINS(HAY, NEEDLE) "instr(" HAY ", " NEEDLE ")"

/* Ends an INSERT whose new id store_step_id reads. A comment on SQLite,
 * whose RETURNING costs some 3.5 µs an insert (a single-row insert three
 * times as slow: match --auto and bank imports insert 100,000s): the id is
 * the connection's last one there. PostgreSQL's prepare turns exactly this
 * comment into " RETURNING id", which saves asking lastval() afterwards. */
#define SQL_RETURNING_ID " /* RETURNING id */"

/* The text of the member KEY of the JSON object DOC (PostgreSQL:
 * CAST(DOC AS jsonb) ->> 'KEY'). */
#define SQL_JSON_TEXT(DOC, KEY) "json_extract(" DOC ", '$." KEY "')"

#endif
