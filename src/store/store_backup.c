/* store_backup: an online copy of the database (SQLite's backup API, whole
 * or not at all) and sharing the file with a group (init --group). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "outfile.h"
#include "store_priv.h"

static enum ur_status
backup_copy(struct store *st, struct db_conn *dst, const char *path, struct ur_err *err)
{
	const char *msg;

	if (db_backup(st->db, dst, &msg) != DB_DONE)
		return ur_fail(err, UR_FAIL, _("cannot write %s: %s"), path, msg);
	return UR_OK;
}

/* A failed copy (a full disk) can leave its rollback journal behind. */
static void
remove_journal(const char *db)
{
	struct strbuf p;

	sb_init(&p);
	sb_addf(&p, "%s-journal", db);
	unlink(p.buf);
	sb_free(&p);
}

enum ur_status
store_backup(struct store *st, const char *path, struct ur_err *err)
{
	struct outfile file;
	struct db_conn *dst = NULL;
	enum ur_status rc;

	if ((rc = outfile_open(&file, path, 0600, OUTFILE_BY_NAME, err)) != UR_OK)
		return rc;
	if (db_open(outfile_temp(&file), DB_OPEN_READWRITE, &dst) != DB_OK)
		rc = ur_fail(err, UR_FAIL, _("cannot open %s: %s"), path,
			     dst ? db_errmsg(dst) : strerror(ENOMEM));
	else
		rc = backup_copy(st, dst, path, err);
	if (db_close(dst) != DB_OK && rc == UR_OK)
		rc = ur_fail(err, UR_FAIL, _("cannot write %s: %s"), path, db_errmsg(dst));
	if (rc != UR_OK) {
		remove_journal(outfile_temp(&file));
		outfile_abort(&file);
		return rc;
	}
	return outfile_commit(&file, err);
}

static enum ur_status
share_file(const char *path, gid_t gid, int required, struct ur_err *err)
{
	if (chown(path, (uid_t)-1, gid) != 0) {
		if (errno == ENOENT && !required)
			return UR_OK;
		return ur_fail(err, UR_FAIL, _("cannot give %s to the group: %s"), path,
			       strerror(errno));
	}
	if (chmod(path, 0660) != 0)
		return ur_fail(err, UR_FAIL, _("cannot make %s group-writable: %s"), path,
			       strerror(errno));
	return UR_OK;
}

enum ur_status
store_share_with_group(struct store *st, const char *group, struct ur_err *err)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	struct group *gr = getgrnam(group);
	struct strbuf p;
	enum ur_status rc = UR_OK;

	if (!gr)
		return ur_fail(err, UR_FAIL, _("no such group: %s"), group);
	sb_init(&p);
	for (int i = 0; i < 3 && rc == UR_OK; i++) {
		sb_reset(&p);
		sb_adds(&p, st->path);
		sb_adds(&p, suffix[i]);
		rc = share_file(p.buf, gr->gr_gid, i == 0, err);
	}
	sb_free(&p);
	return rc;
}
