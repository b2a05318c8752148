/* cmd_init: `urikake init [--group NAME]` and `urikake backup PATH`; on
 * PostgreSQL, --group gives the role NAME the clerks' role and backup runs
 * pg_dump. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <grp.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "store.h"
#include "xalloc.h"

/* The directory part of path ("." when there is none). */
static void
init_dirname(const char *path, struct strbuf *out)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		sb_adds(out, ".");
	else if (slash == path)
		sb_adds(out, "/");
	else
		sb_add(out, path, (size_t)(slash - path));
}

static int
init_share(const struct cli *c, struct store *st, const char *group)
{
	struct ur_err err;
	struct strbuf dir;
	char *path;

	ur_err_clear(&err);
	if (store_share_with_group(st, group, &err) != UR_OK)
		return cli_fail(&err);
	if (!(path = cli_db_path(c, &err)))
		return cli_fail(&err);
	sb_init(&dir);
	init_dirname(path, &dir);
	cli_printf(_("The database is now shared with group %s. Make its directory belong to the "
		     "group and setgid, so new files (the WAL) do too:\n"
		     "  chgrp %s %s && chmod g+rwxs %s\n"),
		   group, group, dir.buf, dir.buf);
	sb_free(&dir);
	free(path);
	return UR_OK;
}

/* Whether this process may give its files to group gid: root may, other
 * users only to a group they are a member of. */
static bool
init_may_use_group(gid_t gid)
{
	gid_t *groups;
	int n;
	bool member;

	if (geteuid() == 0 || getegid() == gid)
		return true;
	if ((n = getgroups(0, NULL)) <= 0)
		return false;
	groups = xcalloc((size_t)n, sizeof *groups);
	n = getgroups(n, groups);
	member = false;
	for (int i = 0; i < n && !member; i++)
		member = groups[i] == gid;
	free(groups);
	return member;
}

/* Whether the database is on a server (PostgreSQL), not a file. */
static bool
init_on_server(const struct cli *c)
{
	struct ur_err err;
	char *path;
	bool server;

	ur_err_clear(&err);
	path = cli_db_path(c, &err);
	server = path && store_is_server(path);
	free(path);
	return server;
}

/* init --group on a server: the clerks' role given to role NAME, whose
 * login (or whose members' logins) may then work as clerks. */
static int
init_grant_clerk(struct store *st, const char *role)
{
	struct ur_err err;
	bool changed;

	ur_err_clear(&err);
	if (store_grant_clerk_role(st, role, &changed, &err) != UR_OK)
		return cli_fail(&err);
	if (changed)
		cli_printf(_("%s now has the role urikake_clerk: its login, and the logins of its "
			     "members, work in the database as clerks.\n"), role);
	else
		cli_printf(_("%s has the role urikake_clerk already; nothing changed.\n"), role);
	return UR_OK;
}

int
cmd_init(const struct cli *c, int argc, char **argv)
{
	const char *group = NULL, *pos[1];
	const struct cli_opt opts[] = { { "--group", &group, NULL }, { NULL, NULL, NULL } };
	struct group *gr = NULL;
	struct store *st;
	bool server;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, pos, 0, &npos) != UR_OK)
		return UR_USAGE;
	if (group && !*group)
		return cli_usage_error(_("--group needs a group name"));
	server = init_on_server(c);
	if (group && !server && !(gr = getgrnam(group)))
		return cli_usage_error(_("no such group: %s"), group);
	if (group && !server && !init_may_use_group(gr->gr_gid))
		return cli_usage_error(_("you are not a member of group %s, so the database cannot "
					 "be given to it (id -Gn lists your groups)"), group);
	if ((rc = cli_open_store_init(c, &st)) != UR_OK)
		return rc;
	cli_printf(_("Database ready (schema version %d).\n"), store_schema_version(st));
	if (group)
		rc = server ? init_grant_clerk(st, group) : init_share(c, st, group);
	store_close(st);
	return rc;
}

/* path as one word of a POSIX shell command line, to be pasted as it is
 * printed: as it is when it has only characters no shell treats
 * specially, else in single quotes (a quote in it as '\''); one that
 * begins with '-' gets "./" so that it is not taken for an option. */
static void
shell_word(const char *path, struct strbuf *out)
{
	static const char plain[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				    "0123456789_./:@%+,=-";
	const char *prefix = path[0] == '-' ? "./" : "";

	if (path[0] && path[strspn(path, plain)] == '\0') {
		sb_adds(out, prefix);
		sb_adds(out, path);
		return;
	}
	sb_addc(out, '\'');
	sb_adds(out, prefix);
	for (const char *p = path; *p; p++)
		if (*p == '\'')
			sb_adds(out, "'\\''");
		else
			sb_addc(out, *p);
	sb_addc(out, '\'');
}

int
cmd_backup(const struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	struct store *st;
	struct ur_err err;
	struct strbuf word;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, NULL, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 1)
		return cli_usage_error(_("usage: urikake backup PATH"));
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	ur_err_clear(&err);
	if (store_backup(st, pos[0], &err) != UR_OK)
		rc = cli_fail(&err);
	else if (init_on_server(c)) {
		sb_init(&word);
		shell_word(pos[0], &word); /* the command is to be pasted */
		cli_printf(_("Backed up to %s (pg_dump's custom format). To restore it, create a new, "
			     "empty database as for init (the top of data/schema-pg.sql) and, as "
			     "its owner, run:\n"
			     "  pg_restore --single-transaction --dbname 'postgresql://…/NEW' %s\n"),
			   pos[0], word.buf);
		sb_free(&word);
	} else
		cli_printf(_("Backed up to %s.\n"), pos[0]);
	store_close(st);
	return rc;
}
