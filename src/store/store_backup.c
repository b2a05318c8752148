/* store_backup: an online copy of the database, whole or not at all
 * (SQLite's backup API; a server's by its own pg_dump), and sharing the
 * database with a group (init --group: the file's group and modes; on a
 * server the clerks' role granted). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <grp.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "outfile.h"
#include "store_priv.h"
#include "text.h"
#include "xalloc.h"

/* Debian keeps each PostgreSQL version's programs off the PATH. */
#define PGDUMP_DEBIAN "/usr/lib/postgresql/*/bin/pg_dump"
/* The most of pg_dump's messages a failure quotes. */
#define PGDUMP_SAID_MAX 600

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

static int
newest_first(const void *a, const void *b)
{
	return strverscmp(*(char *const *)b, *(char *const *)a);
}

/* The newest executable pg_dump of Debian's versions (malloc'd), or NULL. */
static char *
pgdump_debian(void)
{
	glob_t g;
	char *found = NULL;

	if (glob(PGDUMP_DEBIAN, 0, NULL, &g) != 0)
		return NULL;
	qsort(g.gl_pathv, g.gl_pathc, sizeof *g.gl_pathv, newest_first);
	for (size_t i = 0; i < g.gl_pathc && !found; i++)
		if (access(g.gl_pathv[i], X_OK) == 0)
			found = xstrdup(g.gl_pathv[i]);
	globfree(&g);
	return found;
}

/* An executable pg_dump in a directory of $PATH (malloc'd), or NULL. */
static char *
pgdump_on_path(void)
{
	const char *dirs = getenv("PATH");
	struct strbuf p;
	char *found = NULL;
	size_t n;

	sb_init(&p);
	for (; dirs && *dirs && !found; dirs += n + (dirs[n] == ':')) {
		n = strcspn(dirs, ":");
		sb_reset(&p);
		sb_add(&p, n ? dirs : ".", n ? n : 1);
		sb_adds(&p, "/pg_dump");
		if (access(p.buf, X_OK) == 0)
			found = xstrdup(p.buf);
	}
	sb_free(&p);
	return found;
}

/* The pg_dump to run (malloc'd): $URIKAKE_PG_DUMP, else the PATH's, else
 * Debian's newest; NULL when there is none. */
static char *
pgdump_find(void)
{
	const char *chosen = getenv("URIKAKE_PG_DUMP");
	char *found;

	if (chosen && *chosen)
		return xstrdup(chosen);
	return (found = pgdump_on_path()) ? found : pgdump_debian();
}

/* environ with PGPASSWORD set to password when there is one: borrowed
 * strings but *owned, the new entry (free it and the array). */
static char **
pgdump_env(const char *password, char **owned)
{
	extern char **environ;
	size_t n = 0, k = 0;
	char **env;
	struct strbuf pw;

	*owned = NULL;
	while (environ[n])
		n++;
	env = xcalloc(n + 2, sizeof *env);
	for (size_t i = 0; i < n; i++)
		if (!password || strncmp(environ[i], "PGPASSWORD=", 11) != 0)
			env[k++] = environ[i];
	if (password) {
		sb_init(&pw);
		sb_addf(&pw, "PGPASSWORD=%s", password);
		env[k++] = *owned = sb_detach(&pw);
	}
	env[k] = NULL;
	return env;
}

/* What the child wrote to fd until it closed it: its lines joined by
 * "; ", control characters made visible, the first PGDUMP_SAID_MAX
 * bytes kept. */
static void
pgdump_read(int fd, struct strbuf *said)
{
	struct strbuf raw;
	char buf[512];
	ssize_t n;

	sb_init(&raw);
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		if (raw.len < PGDUMP_SAID_MAX)
			sb_add(&raw, buf, (size_t)n);
	}
	for (const char *p = raw.buf, *end = raw.buf + raw.len; p < end;) {
		size_t len = strcspn(p, "\n");

		if (len && said->len)
			sb_adds(said, "; ");
		text_sanitize(said, p, len);
		p += len + 1;
	}
	sb_free(&raw);
}

/* The signals that stop urikake (Ctrl-C, a closed terminal, kill) while
 * pg_dump runs: passed on to it (pgdump_stop), so that urikake outlives it
 * and removes its half-written file instead of leaving it beside PATH and
 * pg_dump running on. */
static const int pgdump_stops[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define PGDUMP_NSTOPS (sizeof pgdump_stops / sizeof pgdump_stops[0])
/* The running pg_dump (0: none), for pgdump_stop. */
static volatile sig_atomic_t pgdump_pid;

static void
pgdump_stop(int sig)
{
	int saved = errno;

	if (pgdump_pid > 0)
		kill((pid_t)pgdump_pid, sig);
	errno = saved;
}

/* Catch the stopping signals (blocked in *was's complement until
 * pgdump_pid is set; one ignored when urikake started stays ignored),
 * their handlers as they were into old. */
static void
stops_catch(struct sigaction *old, sigset_t *was)
{
	struct sigaction on_stop;
	sigset_t stops;

	sigemptyset(&stops);
	for (size_t i = 0; i < PGDUMP_NSTOPS; i++)
		sigaddset(&stops, pgdump_stops[i]);
	sigprocmask(SIG_BLOCK, &stops, was);
	memset(&on_stop, 0, sizeof on_stop);
	on_stop.sa_handler = pgdump_stop;
	sigemptyset(&on_stop.sa_mask);
	for (size_t i = 0; i < PGDUMP_NSTOPS; i++)
		if (sigaction(pgdump_stops[i], NULL, &old[i]) == 0 && old[i].sa_handler != SIG_IGN)
			sigaction(pgdump_stops[i], &on_stop, NULL);
}

static void
stops_restore(const struct sigaction *old)
{
	pgdump_pid = 0;
	for (size_t i = 0; i < PGDUMP_NSTOPS; i++)
		if (old[i].sa_handler != SIG_IGN)
			sigaction(pgdump_stops[i], &old[i], NULL);
}

/* Start argv with env, no input, its output and errors into fd, with the
 * signal mask was (a caught signal is default there after exec): 0, or
 * the errno-style reason it did not start. */
static int
pgdump_spawn(char *const *argv, char *const *env, int fd, const sigset_t *was, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	int rc;

	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigmask(&attr, was);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fd, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, fd, STDERR_FILENO);
	rc = posix_spawnp(pid, argv[0], &fa, &attr, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	return rc;
}

/* Run argv with env, no input, its output and errors into *said; 0 and
 * its wait status in *status, or the errno-style reason it did not start.
 * A stopping signal meanwhile goes to it (pgdump_stops), which then fails
 * as killed. */
static int
pgdump_run(char *const *argv, char *const *env, struct strbuf *said, int *status)
{
	struct sigaction old[PGDUMP_NSTOPS];
	sigset_t was;
	siginfo_t ended;
	int fd[2], rc;
	pid_t pid;

	if (pipe2(fd, O_CLOEXEC) != 0)
		return errno;
	stops_catch(old, &was);
	if ((rc = pgdump_spawn(argv, env, fd[1], &was, &pid)) == 0)
		pgdump_pid = pid;
	sigprocmask(SIG_SETMASK, &was, NULL);
	close(fd[1]);
	if (rc == 0) {
		pgdump_read(fd[0], said);
		/* ended but not reaped (WNOWAIT) while a signal may still be
		 * passed on: its pid is not another process's yet */
		while (waitid(P_PID, (id_t)pid, &ended, WEXITED | WNOWAIT) < 0 && errno == EINTR)
			;
		pgdump_pid = 0;
		while (waitpid(pid, status, 0) < 0 && errno == EINTR)
			;
	}
	stops_restore(old);
	close(fd[0]);
	return rc;
}

/* The failure of a pg_dump that ran to write path: how it ended and what
 * it said. */
static enum ur_status
pgdump_failed(const char *path, const char *prog, int status, const char *said,
	      struct ur_err *err)
{
	if (!said[0])
		said = _("no message");
	if (WIFEXITED(status))
		return ur_fail(err, UR_FAIL, _("cannot write %s: %s failed (exit status %d): %s"),
			       path, prog, WEXITSTATUS(status), said);
	return ur_fail(err, UR_FAIL, _("cannot write %s: %s was killed (signal %d): %s"), path,
		       prog, WIFSIGNALED(status) ? WTERMSIG(status) : 0, said);
}

/* Run pg_dump's argv to write path, with password (NULL: none) in its
 * environment. */
static enum ur_status
pgdump_exec(const char *path, char *const *argv, const char *password, struct ur_err *err)
{
	char *owned, **env = pgdump_env(password, &owned);
	struct strbuf said;
	int rc, status = 0;

	sb_init(&said);
	rc = pgdump_run(argv, env, &said, &status);
	if (rc == ENOENT)
		ur_fail(err, UR_FAIL, _("cannot write %s: there is no program %s to run"), path,
			argv[0]);
	else if (rc != 0)
		ur_fail(err, UR_FAIL, _("cannot write %s: cannot run %s: %s"), path, argv[0],
			strerror(rc));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		pgdump_failed(path, argv[0], status, said.buf, err);
	sb_free(&said);
	free(env);
	free(owned);
	return rc == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? UR_OK : UR_FAIL;
}

/* pg_dump prog of the server st names, in its custom format, into the
 * file tmp (path's); the password goes by the environment, never the
 * arguments (which ps shows). */
static enum ur_status
pgdump_to(struct store *st, const char *prog, const char *path, const char *tmp,
	  struct ur_err *err)
{
	char *password, *conninfo = db_server_conninfo(st->path, &password);
	char *argv[6];
	struct strbuf file, db;
	enum ur_status rc;

	if (!conninfo)
		return ur_fail(err, UR_FAIL, _("cannot write %s: cannot read the server's address %s"),
			       path, st->shown);
	sb_init(&file);
	sb_init(&db);
	sb_addf(&file, "--file=%s", tmp);
	sb_addf(&db, "--dbname=%s", conninfo);
	argv[0] = unconst(prog);
	argv[1] = unconst("--format=custom");
	argv[2] = unconst("--no-password"); /* no prompt: the server's refusal instead */
	argv[3] = file.buf;
	argv[4] = db.buf;
	argv[5] = NULL;
	rc = pgdump_exec(path, argv, password, err);
	free(password);
	free(conninfo);
	sb_free(&file);
	sb_free(&db);
	return rc;
}

/* A server's database backed up by pg_dump, found as pgdump_find says. */
static enum ur_status
backup_server(struct store *st, const char *path, struct ur_err *err)
{
	struct outfile file;
	enum ur_status rc;
	char *prog;

	if ((rc = outfile_open(&file, path, 0600, OUTFILE_BY_NAME, err)) != UR_OK)
		return rc;
	if (!(prog = pgdump_find()))
		rc = ur_fail(err, UR_FAIL,
			     _("cannot write %s: pg_dump, PostgreSQL's backup program, is neither on "
			       "the PATH nor in /usr/lib/postgresql/*/bin (install the "
			       "postgresql-client package, or name it in URIKAKE_PG_DUMP)"), path);
	else
		rc = pgdump_to(st, prog, path, outfile_temp(&file), err);
	free(prog);
	if (rc != UR_OK) {
		outfile_abort(&file);
		return rc;
	}
	return outfile_commit(&file, err);
}

enum ur_status
store_backup(struct store *st, const char *path, struct ur_err *err)
{
	struct outfile file;
	struct db_conn *dst = NULL;
	enum ur_status rc;

	if (db_name_is_server(st->path))
		return backup_server(st, path, err);
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

/* The clerks' role on a server (data/schema-pg.sql). */
#define CLERK_ROLE "urikake_clerk"

/* Whether role is on the server (*exists) and a clerk already (*clerk:
 * a member of the clerks' role, directly or not). */
static enum ur_status
role_state(struct store *st, const char *role, bool *exists, bool *clerk, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, "SELECT CASE WHEN pg_has_role(r.oid, '" CLERK_ROLE
					  "', 'MEMBER') THEN 1 ELSE 0 END FROM pg_roles AS r"
					  " WHERE r.rolname = ?1", err);
	int rc;

	*exists = *clerk = false;
	if (!s)
		return err->status;
	db_bind_text(s, 1, role);
	if ((rc = db_step(s)) == DB_ROW) {
		*exists = true;
		*clerk = db_column_int64(s, 0) != 0;
	}
	store_keep(st, s);
	return rc == DB_ROW || rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

/* Append name as an SQL identifier: between '"'s (one in it written twice),
 * or, unless always, bare when it is one the server would not fold (lower
 * case letters, digits and '_', not first a digit). */
static void
add_ident(struct strbuf *out, const char *name, bool always)
{
	if (!always && name[0] && strchr("abcdefghijklmnopqrstuvwxyz_", name[0]) &&
	    name[strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_")] == '\0') {
		sb_adds(out, name);
		return;
	}
	sb_addc(out, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			sb_addc(out, '"');
		sb_addc(out, *p);
	}
	sb_addc(out, '"');
}

/* GRANT the clerks' role TO role, the name quoted as an identifier; a
 * refusal (no ADMIN option on the role) says who may. */
static enum ur_status
grant_clerk(struct store *st, const char *role, struct ur_err *err)
{
	struct strbuf sql;
	int rc;

	sb_init(&sql);
	sb_adds(&sql, "GRANT " CLERK_ROLE " TO ");
	add_ident(&sql, role, true);
	rc = db_exec(st->db, sql.buf);
	sb_free(&sql);
	if (rc == DB_OK)
		return UR_OK;
	if (db_is_conflict(rc))
		return store_sqlfail(st, rc, err);
	return ur_fail(err, UR_FAIL,
		       _("%s cannot give %s the role %s in %s: %s (a login with the ADMIN option "
			 "on %s gives it: the database administrator, or the owner after GRANT %s "
			 "TO urikake_owner WITH ADMIN OPTION)"),
		       store_login(st), role, CLERK_ROLE, st->shown, db_errmsg(st->db), CLERK_ROLE,
		       CLERK_ROLE);
}

/* The grant audited in main, where rows of the whole database go (the
 * audit's company_id defaults to 1): the role is not one company's. */
static enum ur_status
audit_clerk(struct store *st, const char *role, struct ur_err *err)
{
	int64_t was = st->company;
	struct strbuf row;
	enum ur_status rc;

	sb_init(&row);
	store_json_begin(&row);
	store_json_str(&row, "member", role);
	store_json_end(&row);
	st->company = 1;
	rc = store_audit_entity(st, "grant", "role", CLERK_ROLE, NULL, row.buf, err);
	st->company = was;
	sb_free(&row);
	return rc;
}

enum ur_status
store_grant_clerk_role(struct store *st, const char *role, bool *changed, struct ur_err *err)
{
	bool exists, clerk;
	struct strbuf ident;
	enum ur_status rc;

	*changed = false;
	if (!store_name_ok(role, STORE_LOGIN_MAX))
		return ur_fail(err, UR_USAGE,
			       _("a server role takes 1 to 63 bytes without control characters"));
	if (store_begin(st, err) != UR_OK)
		return err->status;
	if ((rc = role_state(st, role, &exists, &clerk, err)) == UR_OK && !exists) {
		/* the SQL to paste: a name the server would fold quoted */
		sb_init(&ident);
		add_ident(&ident, role, false);
		rc = ur_fail(err, UR_USAGE,
			     _("no role %s on the server of %s (the database administrator creates "
			       "it: CREATE ROLE %s LOGIN)"), role, st->shown, ident.buf);
		sb_free(&ident);
	}
	if (rc == UR_OK && !clerk && (rc = grant_clerk(st, role, err)) == UR_OK)
		rc = audit_clerk(st, role, err);
	if (rc != UR_OK) {
		store_rollback(st);
		return rc;
	}
	*changed = !clerk;
	return store_commit(st, err);
}
