/* main: the urikake program — global options, locale and message catalogue
 * set-up, and dispatch to the batch commands. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_confirm.h"
#include "cmd_contact.h"
#include "cmd_notice.h"
#include "cmd_match.h"
#include "cmd_statement.h"
#include "date.h"
#include "i18n.h"
#include "store.h"
#include "ui/ui.h"

struct command {
	const char *name;
	int (*run)(const struct cli *c, int argc, char **argv);
	bool creates; /* may create the database */
	bool any_company; /* needs no current company */
};

static const struct command commands[] = {
	{ "init", cmd_init, true, true },
	{ "backup", cmd_backup, false, true },
	{ "migrate", cmd_migrate, false, true },
	{ "company", cmd_company, false, true },
	{ "import", cmd_import, true, false },
	{ "export", cmd_export, false, false },
	{ "aging", cmd_aging, false, false },
	{ "demo", cmd_demo, true, false },
	{ "match", cmd_match, false, false },
	{ "contact", cmd_contact, false, false },
	{ "statement", cmd_statement, false, false },
	{ "dunning", cmd_dunning, false, false },
	{ "confirm", cmd_confirm, false, false },
	{ "notice", cmd_notice, false, false },
	{ "refund", cmd_refund, false, false },
};

/* What the global options asked for, before anything is printed (the
 * language must be set before the first message). */
struct globals {
	struct cli cli;
	int help, version;
	const char *bad; /* offending word, when bad_kind is set */
	enum { BAD_NONE, BAD_OPTION, BAD_VALUE, BAD_LANG } bad_kind;
	int cmd;             /* index of the command word in argv, 0 if none */
};

static int
main_value(int argc, char **argv, int *i, const char *name, const char **out)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*out = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*out = argv[++*i];
	return 1;
}

static void
main_globals(int argc, char **argv, struct globals *g)
{
	static const char *names[] = { "--db", "--user", "--lang", "--company" };
	int i, k, r;

	memset(g, 0, sizeof *g);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char **slot[] = { &g->cli.db, &g->cli.user, &g->cli.lang, &g->cli.company };

		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			g->help = 1;
			continue;
		}
		if (strcmp(argv[i], "--version") == 0) {
			g->version = 1;
			continue;
		}
		if (strcmp(argv[i], "--force-network-fs") == 0) {
			store_allow_network_fs();
			continue;
		}
		for (k = 0, r = 0; k < 4 && r == 0; k++)
			r = main_value(argc, argv, &i, names[k], slot[k]);
		if (r <= 0) {
			g->bad = argv[i];
			g->bad_kind = r < 0 ? BAD_VALUE : BAD_OPTION;
			return;
		}
	}
	if (g->cli.lang && strcmp(g->cli.lang, "ja") != 0 && strcmp(g->cli.lang, "zh_CN") != 0 &&
	    strcmp(g->cli.lang, "en") != 0) {
		g->bad = g->cli.lang;
		g->bad_kind = BAD_LANG;
		g->cli.lang = NULL;
	}
	g->cmd = i < argc ? i : 0;
}

/* Where the message catalogues are: $URIKAKE_LOCALEDIR, else the installed
 * ones, else .locale next to the program (an uninstalled build made by
 * ./quickstart). buf holds the last. */
static const char *
main_localedir(char *buf, size_t size)
{
	const char *env = getenv("URIKAKE_LOCALEDIR");
	ssize_t n;
	char *slash;

	if (env && *env)
		return env;
	if (access(LOCALEDIR "/ja/LC_MESSAGES/" PACKAGE ".mo", R_OK) == 0)
		return LOCALEDIR;
	n = readlink("/proc/self/exe", buf, size - sizeof "/.locale");
	if (n <= 0)
		return LOCALEDIR;
	buf[n] = '\0';
	if (!(slash = strrchr(buf, '/')))
		return LOCALEDIR;
	strcpy(slash, "/.locale");
	return access(buf, R_OK) == 0 ? buf : LOCALEDIR;
}

/* The locale the environment names for messages (LC_ALL, LC_MESSAGES,
 * LANG: the first set), or NULL for none or C. */
static const char *
main_wanted_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 ? NULL : v;
	}
	return NULL;
}

/* Locale from the environment, --lang for messages, UTF-8 text always.
 * A locale not generated on this machine still picks the catalogue (as
 * LANGUAGE does) while text is handled as C.UTF-8; returns its name then,
 * to say how to generate it, else NULL. */
static const char *
main_locale(const char *lang)
{
	static char buf[4096], language[64];
	const char *msgs, *dir = main_localedir(buf, sizeof buf), *missing = NULL;

	if (!setlocale(LC_ALL, "") && (missing = main_wanted_locale())) {
		snprintf(language, sizeof language, "%.*s", (int)strcspn(missing, ".@"), missing);
		if (!lang && !(getenv("LANGUAGE") && *getenv("LANGUAGE")))
			setenv("LANGUAGE", language, 1);
		setlocale(LC_ALL, "C.UTF-8");
	}
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if (lang)
		setenv("LANGUAGE", lang, 1);
	msgs = setlocale(LC_MESSAGES, NULL);
	if ((lang || missing) && (!msgs || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0))
		setlocale(LC_MESSAGES, "C.UTF-8");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)dir;
#endif
	return missing;
}

/* How to generate the missing locale, in the interface's language. */
static const char *
main_locale_notice(const char *missing, char *buf, size_t size)
{
	if (!missing)
		return NULL;
	snprintf(buf, size,
		 _("no locale %s here (text as C.UTF-8): sudo locale-gen %s"),
		 missing, missing);
	return buf;
}

static int
main_bad(const struct globals *g)
{
	switch (g->bad_kind) {
	case BAD_VALUE:
		return cli_usage_error(_("option '%s' needs a value"), g->bad);
	case BAD_LANG:
		return cli_usage_error(_("unknown language '%s' (use ja, zh_CN or en)"), g->bad);
	default:
		return cli_usage_error(_("unknown option '%s'"), g->bad);
	}
}

/* Whether a command's arguments ask for help (--help or -h). */
static bool
main_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

/* The full-screen program, on a database that must exist already. */
static int
main_tui(const struct cli *c, const char *notice)
{
	struct ur_err e = { UR_OK, "" };
	char *db = cli_db_path(c, &e), *company;
	int rc;

	if (!db)
		return cli_fail(&e);
	company = cli_company(c);
	if (ui_available() && cli_need_db(db) != UR_OK)
		rc = UR_FAIL;
	else if ((rc = ui_run(db, c->user, company, notice, &e)) != UR_OK)
		cli_fail(&e);
	free(company);
	free(db);
	return rc;
}

int
main(int argc, char **argv)
{
	struct globals g;
	struct ur_err e;
	size_t k;
	char said[512];
	const char *notice;

	/* over a file-size limit (ulimit -f) a write fails with EFBIG and is
	 * reported like a full disk, instead of the signal killing us mute */
	signal(SIGXFSZ, SIG_IGN);
	main_globals(argc, argv, &g);
	notice = main_locale_notice(main_locale(g.cli.lang), said, sizeof said);
	if (g.bad_kind != BAD_NONE)
		return main_bad(&g);
	if (g.help) {
		cli_usage(stdout);
		return cli_finish(UR_OK);
	}
	if (g.version) {
		printf("%s %s\n%s\n", PACKAGE, VERSION,
		       _("Copyright (C) 2026 the urikake authors.\n"
			 "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
			 "This is free software: you are free to change and redistribute it.\n"
			 "There is NO WARRANTY, to the extent permitted by law."));
		return cli_finish(UR_OK);
	}
	if (date_today_check(&e) != UR_OK)
		return cli_fail(&e);
	if (!g.cmd)
		return main_tui(&g.cli, notice);
	if (notice)
		fprintf(stderr, "urikake: %s\n", notice);
	for (k = 0; k < sizeof commands / sizeof commands[0]; k++)
		if (strcmp(argv[g.cmd], commands[k].name) == 0) {
			if (main_wants_help(argc - g.cmd, argv + g.cmd)) {
				cli_command_help(stdout, commands[k].name);
				return cli_finish(UR_OK);
			}
			g.cli.creates = commands[k].creates;
			g.cli.any_company = commands[k].any_company;
			return cli_finish(commands[k].run(&g.cli, argc - g.cmd, argv + g.cmd));
		}
	return cli_usage_error(_("unknown command '%s'"), argv[g.cmd]);
}
