/* store_readonly: opening a database only to read it — for the commands
 * that only report (aging, export, lists, backup), so that a database in a
 * directory the user may not write, an archive or a read-only share, can
 * still be reported on. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "store_priv.h"

/* path as a "file:" URI of an immutable database: percent-encoding what a
 * URI reads otherwise; an absolute path gets an empty authority. */
static void
ro_uri(const char *path, struct strbuf *out)
{
	sb_adds(out, path[0] == '/' ? "file://" : "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20 || *p == 0x7f)
			sb_addf(out, "%%%02X", *p);
		else
			sb_addc(out, (char)*p);
	}
	sb_adds(out, "?immutable=1");
}

/* Open name read-only and read the schema: DB_OK or the error. */
static int
ro_try(struct store *st, const char *name, int flags)
{
	int rc = db_open(name, DB_OPEN_READONLY | flags, &st->db), n;

	if (rc == DB_OK)
		rc = db_table_count(st->db, &n);
	return rc;
}

/* Whether another connection may be writing: path-wal exists. */
static bool
ro_has_wal(const char *path)
{
	struct strbuf wal;
	bool has;

	sb_init(&wal);
	sb_addf(&wal, "%s-wal", path);
	has = access(wal.buf, F_OK) == 0;
	sb_free(&wal);
	return has;
}

/* A WAL database is read through its -shm file, which a directory we may
 * not write cannot get; without a -wal file no one is writing, and the
 * database file alone is the whole of it. */
static int
ro_open(struct store *st)
{
	int rc = ro_try(st, st->path, 0);
	struct strbuf uri;

	if ((db_code(rc) != DB_READONLY && db_code(rc) != DB_CANTOPEN) ||
	    db_name_is_server(st->path) || ro_has_wal(st->path))
		return rc;
	db_close(st->db);
	st->db = NULL;
	sb_init(&uri);
	ro_uri(st->path, &uri);
	rc = ro_try(st, uri.buf, DB_OPEN_URI);
	sb_free(&uri);
	return rc;
}

enum ur_status
store_open_readonly(struct store **out, const char *path, const char *user,
		    struct ur_err *err)
{
	struct store *st = store_alloc(path, user);
	int rc, version;

	*out = NULL;
	db_setup_once();
	if ((rc = ro_open(st)) != DB_OK) {
		if (db_code(rc) == DB_NOTADB)
			ur_fail(err, UR_FAIL,
				_("%s is not a urikake database (not an SQLite file)"), path);
		else if (st->db)
			store_sqlfail(st, rc, err);
		else
			ur_fail(err, UR_FAIL, _("cannot open database %s: %s"), path,
				db_errstr(rc));
		store_close(st);
		return UR_FAIL;
	}
	db_busy_timeout(st->db, STORE_BUSY_MS);
	if (store_check_version(st, &version, err) != UR_OK) {
		store_close(st);
		return err->status;
	}
	if (version < store_schema_latest()) { /* an upgrade writes */
		store_close(st);
		return store_open(out, path, user, err);
	}
	if (store_company_default(st, err) != UR_OK) {
		store_close(st);
		return err->status;
	}
	*out = st;
	return UR_OK;
}
