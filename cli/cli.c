/* cli: argument parsing, error reporting, the database path and progress
 * output shared by the batch commands. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arconf.h"
#include "cli.h"
#include "i18n.h"
#include "money.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

/* Write text to f in the visible forms of its control characters (file
 * names, payer names and cells may hold escape sequences): the one way
 * every message and every report on a terminal goes out. */
static bool
cli_put_visible(FILE *f, const char *text, size_t n)
{
	struct strbuf v;
	bool ok;

	sb_init(&v);
	text_sanitize_lines(&v, text, n);
	ok = fwrite(v.buf, 1, v.len, f) == v.len;
	sb_free(&v);
	return ok;
}

/* "urikake: " and the message on stderr, after what stdout holds. */
static void __attribute__((format(printf, 1, 0)))
verror(const char *fmt, va_list ap)
{
	struct strbuf m;

	fflush(stdout);
	sb_init(&m);
	sb_adds(&m, "urikake: ");
	sb_vaddf(&m, fmt, ap);
	sb_addc(&m, '\n');
	cli_put_visible(stderr, m.buf, m.len);
	sb_free(&m);
}

static void __attribute__((format(printf, 2, 0)))
cli_vprint(FILE *f, const char *fmt, va_list ap)
{
	struct strbuf m;

	sb_init(&m);
	sb_vaddf(&m, fmt, ap);
	cli_put_visible(f, m.buf, m.len);
	sb_free(&m);
}

void
cli_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vprint(stdout, fmt, ap);
	va_end(ap);
}

void
cli_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vprint(stderr, fmt, ap);
	va_end(ap);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
}

int
cli_fail(const struct ur_err *err)
{
	cli_error("%s", err->msg[0] ? err->msg : _("failed"));
	return err->status != UR_OK ? (int)err->status : UR_FAIL;
}

int
cli_settings(struct ar_settings *s)
{
	struct ur_err err;

	ur_err_clear(&err);
	return arconf_load(s, NULL, &err) == UR_OK ? UR_OK : cli_fail(&err);
}

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
	fputs(_("Try 'urikake --help' for more information.\n"), stderr);
	return UR_USAGE;
}

static const struct cli_opt *
cli_find_opt(const struct cli_opt *opts, const char *word, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, word, len) == 0)
			return opts;
	return NULL;
}

/* One option word at argv[*i]; advances *i past its value. */
static enum ur_status
cli_one_opt(int argc, char **argv, int *i, const struct cli_opt *opts)
{
	const char *word = argv[*i], *eq = strchr(word, '=');
	size_t len = eq ? (size_t)(eq - word) : strlen(word);
	const struct cli_opt *o = cli_find_opt(opts, word, len);

	if (!o)
		return cli_usage_error(_("unknown option '%.*s'"), (int)len, word);
	if (!o->value) {
		if (eq)
			return cli_usage_error(_("option '%s' takes no value"), o->name);
		*o->flag = 1;
		return UR_OK;
	}
	if (eq) {
		*o->value = eq + 1;
	} else if (*i + 1 < argc) {
		*o->value = argv[++*i];
	} else {
		return cli_usage_error(_("option '%s' needs a value"), o->name);
	}
	return UR_OK;
}

enum ur_status
cli_args(int argc, char **argv, const struct cli_opt *opts, const char **pos, int maxpos,
	 int *npos)
{
	int i, dashdash = 0;

	*npos = 0;
	for (i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (!dashdash && strcmp(w, "--") == 0) {
			dashdash = 1;
		} else if (!dashdash && w[0] == '-' && w[1] != '\0') {
			if (cli_one_opt(argc, argv, &i, opts) != UR_OK)
				return UR_USAGE;
		} else if (*npos < maxpos) {
			pos[(*npos)++] = w;
		} else {
			return cli_usage_error(_("unexpected argument '%s'"), w);
		}
	}
	return UR_OK;
}

int
cli_subcommand(const struct cli *c, int argc, char **argv, const struct cli_sub *subs,
	       const char *usage)
{
	const char *word = argc > 1 ? argv[1] : "";

	for (; subs->name; subs++)
		if (strcmp(word, subs->name) == 0)
			return subs->run(c, argc - 1, argv + 1);
	return subs->run ? subs->run(c, argc, argv) : cli_usage_error("%s", usage);
}

/* mkdir -p with mode 0700 for every directory it creates. */
static enum ur_status
cli_mkdirs(char *path, struct ur_err *err)
{
	char *p;

	for (p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char save = *p;

		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			ur_fail(err, UR_FAIL, _("cannot create directory %s: %s"), path,
				strerror(errno));
			*p = save;
			return UR_FAIL;
		}
		*p = save;
		if (save == '\0')
			return UR_OK;
	}
}

/* The config file's db = … (company = … when company), NULL when it has
 * none (a bad line elsewhere in it is the settings' readers' to report). */
static char *
cli_config_db(bool company)
{
	struct ar_settings s;
	struct ur_err err;
	const char *v;

	ur_err_clear(&err);
	arconf_load(&s, NULL, &err);
	v = company ? s.company : s.db;
	return v[0] ? xstrdup(v) : NULL;
}

char *
cli_db_path(const struct cli *c, struct ur_err *err)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	struct strbuf sb;
	char *conf;

	if (c->db)
		return xstrdup(c->db);
	if (getenv("URIKAKE_DB") && *getenv("URIKAKE_DB"))
		return xstrdup(getenv("URIKAKE_DB"));
	if ((conf = cli_config_db(false)))
		return conf;
	sb_init(&sb);
	if (xdg && xdg[0] == '/') {
		sb_adds(&sb, xdg);
	} else if (home && *home) {
		sb_addf(&sb, "%s/.local/share", home);
	} else {
		sb_free(&sb);
		ur_fail(err, UR_USAGE, _("no database: use --db PATH or set URIKAKE_DB or HOME"));
		return NULL;
	}
	sb_adds(&sb, "/urikake");
	if (cli_mkdirs(sb.buf, err) != UR_OK) {
		sb_free(&sb);
		return NULL;
	}
	sb_adds(&sb, "/urikake.db");
	return sb_detach(&sb);
}

const char *
cli_user(const struct cli *c)
{
	const char *u = c->user;
	struct passwd *pw;

	if (!u || !*u)
		u = getenv("URIKAKE_USER");
	if (!u || !*u)
		u = getlogin();
	if ((!u || !*u) && (pw = getpwuid(getuid())) != NULL)
		u = pw->pw_name;
	return u && *u ? u : "unknown";
}

bool
cli_number(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end || errno || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

int
cli_need_db(const char *path)
{
	if (store_is_server(path) || access(path, F_OK) == 0 || errno != ENOENT)
		return UR_OK;
	cli_error(_("no database at %s (urikake init creates one; urikake demo fills one with a "
		    "demo company)"), path);
	return UR_FAIL;
}

char *
cli_company(const struct cli *c)
{
	const char *env = getenv("URIKAKE_COMPANY");

	if (c->company && *c->company)
		return xstrdup(c->company);
	if (env && *env)
		return xstrdup(env);
	return cli_config_db(true);
}

/* The codes of the companies in st open to its login, in one line ("a, b"). */
static void
cli_company_codes(struct store *st, struct strbuf *out)
{
	struct store_company *co;
	struct ur_err err;
	int n = 0;

	ur_err_clear(&err);
	if (store_company_list(st, &co, &n, &err) != UR_OK)
		return;
	for (int i = 0; i < n; i++)
		sb_addf(out, "%s%s", i ? ", " : "", co[i].code);
	store_company_free(co, n);
}

int
cli_company_required(struct store *st)
{
	struct strbuf codes;
	int rc;

	sb_init(&codes);
	cli_company_codes(st, &codes);
	if (!codes.len)
		rc = cli_usage_error(_("no company in this database is open to %s: ask whoever "
				       "keeps it to run urikake company grant CODE %s"),
				     store_login(st), store_login(st));
	else
		rc = cli_usage_error(_("this database keeps several companies (%s): choose one "
				       "with --company CODE or URIKAKE_COMPANY"), codes.buf);
	sb_free(&codes);
	return rc;
}

/* Make the company asked for current; with none asked for, the database
 * must keep only one, unless the command needs none. */
static int
cli_use_company(const struct cli *c, struct store *st)
{
	char *code = cli_company(c);
	struct ur_err err;
	int rc = UR_OK;

	ur_err_clear(&err);
	if (code && store_use_company(st, code, &err) != UR_OK)
		rc = cli_fail(&err);
	free(code);
	if (code || rc != UR_OK || c->any_company || store_company_id(st))
		return rc;
	return cli_company_required(st);
}

enum cli_open_mode { OPEN_WRITE, OPEN_INIT, OPEN_READONLY };

/* Open the database (for init: adopting an empty file; or only to read
 * it), printing any error. */
static int
cli_open(const struct cli *c, enum cli_open_mode mode, struct store **st)
{
	struct ur_err err;
	char *path;
	enum ur_status s;

	ur_err_clear(&err);
	if (!(path = cli_db_path(c, &err)))
		return cli_fail(&err);
	if ((mode == OPEN_READONLY || !c->creates) && cli_need_db(path) != UR_OK) {
		free(path);
		return UR_FAIL;
	}
	s = mode == OPEN_READONLY ? store_open_readonly(st, path, cli_user(c), &err)
	    : mode == OPEN_INIT   ? store_init(st, path, cli_user(c), &err)
				  : store_open(st, path, cli_user(c), &err);
	free(path);
	if (s != UR_OK)
		return cli_fail(&err);
	if ((s = cli_use_company(c, *st)) != UR_OK) {
		store_close(*st);
		*st = NULL;
	}
	return s;
}

int
cli_open_store(const struct cli *c, struct store **st)
{
	return cli_open(c, OPEN_WRITE, st);
}

int
cli_open_store_init(const struct cli *c, struct store **st)
{
	return cli_open(c, OPEN_INIT, st);
}

int
cli_open_store_readonly(const struct cli *c, struct store **st)
{
	return cli_open(c, OPEN_READONLY, st);
}

void
cli_put_money(struct strbuf *out, int64_t v, const char *cur, unsigned flags)
{
	char buf[MONEY_BUFSZ];

	money_format(v, cur, flags, buf, sizeof buf);
	sb_adds(out, buf);
}

int
cli_flush(struct strbuf *out)
{
	static int tty = -1;
	bool ok;

	if (tty < 0)
		tty = isatty(STDOUT_FILENO);
	/* a file or a pipe gets the data exactly as stored */
	ok = !out->len || (tty ? cli_put_visible(stdout, out->buf, out->len)
			       : fwrite(out->buf, 1, out->len, stdout) == out->len);
	if (!ok || fflush(stdout) != 0) {
		cli_error(_("cannot write the output: %s"), strerror(errno));
		return UR_FAIL;
	}
	sb_reset(out);
	return UR_OK;
}

int
cli_finish(int rc)
{
	int e = fflush(stdout) != 0 ? errno : ferror(stdout) ? EIO : 0;

	if (!e)
		return rc;
	if (rc == UR_OK)
		cli_error(_("cannot write the output: %s"), strerror(e));
	return rc == UR_OK ? UR_FAIL : rc;
}

void
cli_progress(size_t done, size_t total, void *label)
{
	static int tty = -1;
	unsigned pct;
	int bar;

	if (tty < 0)
		tty = isatty(STDERR_FILENO);
	if (!tty || total == 0)
		return;
	pct = (unsigned)(done * 100 / total);
	bar = (int)(pct / 5);
	fprintf(stderr, "\r%s [%.*s%*s] %3u%%", (const char *)label, bar,
		"####################", 20 - bar, "", pct);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

void
cli_step(int n, int total, const char *what)
{
	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "(%d/%d) %s\n", n, total, what);
	fflush(stderr);
}
