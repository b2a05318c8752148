/* store_server: opening a store on a database server (PostgreSQL) where a
 * file's checks do not apply: the schema comes whole from
 * data/schema-pg.sql (compiled in) on `urikake init` into a database that
 * sorts text as SQLite does; a database that holds another program's
 * tables is refused, and so is a schema version this urikake has no
 * PostgreSQL migrations for (doc/store-dialects.md). And following other
 * clerks' commits there by LISTEN/NOTIFY. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

#include "i18n.h"
#include "store_priv.h"

/* Refuse a database whose text does not sort byte by byte as SQLite's
 * does: codes, names and dates would list and compare otherwise. */
static enum ur_status
check_collation(struct store *st, struct ur_err *err)
{
	struct db_stmt *s;
	enum ur_status rc = UR_OK;
	int dbrc = db_prepare(st->db, "SELECT datcollate FROM pg_database"
				      " WHERE datname = current_database()", &s);

	if (dbrc != DB_OK)
		return store_sqlfail(st, dbrc, err);
	if ((dbrc = db_step(s)) == DB_ROW && strcmp(store_column_str(s, 0), "C") != 0 &&
	    strcmp(store_column_str(s, 0), "POSIX") != 0)
		rc = ur_fail(err, UR_FAIL,
			     _("%s sorts text by the collation %s, where urikake needs C (create "
			       "the database with LOCALE 'C' TEMPLATE template0)"),
			     st->shown, store_column_str(s, 0));
	else if (dbrc != DB_ROW && dbrc != DB_DONE)
		rc = store_sqlfail(st, dbrc, err);
	db_finalize(s);
	return rc;
}

/* Create the schema in an empty database, in one transaction of its own. */
static enum ur_status
load_schema(struct store *st, struct ur_err *err)
{
	int rc = db_exec(st->db, ur_schema_pg_sql);

	if (rc == DB_OK)
		return UR_OK;
	ur_fail(err, UR_FAIL,
		_("cannot create the urikake schema in %s: %s (a database administrator creates "
		  "the roles urikake_owner and urikake_clerk first, and init runs as the owner)"),
		st->shown, db_errmsg(st->db));
	db_rollback(st->db);
	return UR_FAIL;
}

/* Upgrade an older database with data/upgrade-pg.sql, one transaction
 * (init only: changing the schema needs its owner), and read *v again. */
static enum ur_status
upgrade_schema(struct store *st, int *v, struct ur_err *err)
{
	int from = *v;

	if (db_exec(st->db, ur_upgrade_pg_sql) == DB_OK)
		return store_check_version(st, v, err);
	ur_fail(err, UR_FAIL,
		_("cannot upgrade the urikake schema in %s from version %d: %s (init runs as the "
		  "owner, urikake_owner, or one of its members)"),
		st->shown, from, db_errmsg(st->db));
	db_rollback(st->db);
	return UR_FAIL;
}

enum ur_status
store_server_schema(struct store *st, bool adopt, int latest, struct ur_err *err)
{
	int v = 0, n = 0, rc = db_user_version(st->db, &v);

	if (rc == DB_OK && v == 0)
		rc = db_table_count(st->db, &n);
	if (rc != DB_OK)
		return store_sqlfail(st, rc, err);
	if (v == 0 && n > 0)
		return ur_fail(err, UR_FAIL,
			       _("%s has tables but no urikake schema version: it is another "
				 "program's database, not a urikake one"), st->shown);
	if (v == 0 && !adopt)
		return ur_fail(err, UR_FAIL,
			       _("%s is an empty database (urikake init creates the urikake schema "
				 "in it)"), st->shown);
	if (v == 0 && (check_collation(st, err) != UR_OK || load_schema(st, err) != UR_OK))
		return err->status;
	if (store_check_version(st, &v, err) != UR_OK)
		return err->status;
	if (v < latest && adopt && upgrade_schema(st, &v, err) != UR_OK)
		return err->status;
	if (v < latest)
		return ur_fail(err, UR_FAIL,
			       _("%s has database schema version %d and this urikake writes %d: "
				 "urikake init, run as the database's owner, upgrades it"),
			       st->shown, v, latest);
	return UR_OK;
}

/* Whether the schema notifies of commits: a database made by an earlier
 * build of the same schema version may lack the triggers (they change no
 * table, so the version stayed); the audit's id is polled there. */
static bool
notifies(struct store *st)
{
	struct db_stmt *s;
	bool found;

	if (db_prepare(st->db, "SELECT 1 FROM pg_catalog.pg_trigger WHERE tgname = 'audit_notify'"
			       " AND tgrelid = CAST('audit' AS regclass)", &s) != DB_OK)
		return false;
	found = db_step(s) == DB_ROW;
	db_finalize(s);
	return found;
}

void
store_listen(struct store *st)
{
	if (db_name_is_server(st->path) && !st->listening && !db_in_tx(st->db) && notifies(st))
		st->listening = db_listen(st->db, "urikake") == DB_OK;
}

int
store_wait_fd(struct store *st)
{
	return st->listening ? db_notify_fd(st->db) : -1;
}

int64_t
store_data_sync(struct store *st)
{
	if (st->listening)
		db_notify_sync(st->db);
	return store_data_version(st);
}

/* Copy s to out, a password=VALUE parameter's value hidden. */
static void
add_hiding_param(struct strbuf *out, const char *s)
{
	const char *p;

	while ((p = strstr(s, "password=")) != NULL) {
		sb_add(out, s, (size_t)(p - s) + 9);
		sb_adds(out, "***");
		s = p + 9 + strcspn(p + 9, "&; ");
	}
	sb_adds(out, s);
}

/* A server URL's authority, [*auth, *end) (user:password@host:port), and
 * the '@' ending its user part (NULL: none). */
static const char *
url_authority(const char *path, const char **auth, const char **end)
{
	*auth = strstr(path, "://") + 3;
	*end = *auth + strcspn(*auth, "/?");
	return memchr(*auth, '@', (size_t)(*end - *auth));
}

char *
store_name_shown(const char *path)
{
	const char *auth, *end, *at, *colon;
	struct strbuf out;

	if (!store_is_server(path))
		return xstrdup(path);
	sb_init(&out);
	at = url_authority(path, &auth, &end);
	colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon) { /* user:password@ */
		sb_add(&out, path, (size_t)(colon + 1 - path));
		sb_adds(&out, "***");
		path = at;
	}
	add_hiding_param(&out, path);
	return sb_detach(&out);
}

char *
store_name_short(const char *path)
{
	const char *auth, *end, *at, *name;
	struct strbuf out;

	if (!store_is_server(path))
		return xstrdup((name = strrchr(path, '/')) ? name + 1 : path);
	at = url_authority(path, &auth, &end);
	auth = at ? at + 1 : auth;
	name = end + (*end == '/');
	sb_init(&out);
	sb_add(&out, name, strcspn(name, "?"));
	if (end > auth) {
		sb_addc(&out, '@');
		sb_add(&out, auth, (size_t)(end - auth));
	}
	return sb_detach(&out);
}
