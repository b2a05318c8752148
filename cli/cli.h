/* cli: what the batch commands of the urikake program share — the global
 * settings, argument parsing, opening the store, and reporting errors. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_CLI_CLI_H
#define UR_CLI_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "strbuf.h"

struct store;

/* Global settings, from the options before the command. */
struct cli {
	const char *db;   /* --db, else $URIKAKE_DB, else NULL (the XDG default) */
	const char *user; /* --user, else $URIKAKE_USER, else the login name */
	const char *lang; /* --lang or NULL */
	/* --company, else $URIKAKE_COMPANY, else the config file's company = */
	const char *company;
	bool creates;     /* the command may create the database (init, demo, import) */
	bool any_company; /* the command needs no current company (init, company …) */
};

/* One option a command accepts. value receives the argument (--name VALUE
 * or --name=VALUE); a NULL value makes it a flag that sets *flag to 1. */
struct cli_opt {
	const char *name; /* with the leading dashes: "--format" */
	const char **value;
	int *flag;
};

/** Parse argv[0..argc) (the words after the command): options anywhere,
 *  "--" ends them, the other words go to pos[] (at most maxpos). On a bad
 *  option or too many words, print why and return UR_USAGE. */
enum ur_status cli_args(int argc, char **argv, const struct cli_opt *opts,
			const char **pos, int maxpos, int *npos);

/* A subcommand (`confirm send`): its word and what runs it, given the
 * words from the subcommand's on. A table of them ends with a NULL name
 * whose run, when set, takes any other word, the words from the command's
 * on (`refund --customer …`). */
struct cli_sub {
	const char *name;
	int (*run)(const struct cli *c, int argc, char **argv);
};
/** Run the subcommand argv[1] names in subs; with none, the end entry's
 *  run, or the usage error usage (translated). */
int cli_subcommand(const struct cli *c, int argc, char **argv, const struct cli_sub *subs,
		   const char *usage);

/** Print a message on stdout (printf-style, already translated), control
 *  characters in their visible forms ("^[" for ESC). */
void cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/** The same on stderr: a note beside the output, not an error. */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/** Print "urikake: MESSAGE" on stderr (printf-style, already translated),
 *  control characters in their visible forms. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/** Print err's message and return its status (UR_FAIL if it had none). */
int cli_fail(const struct ur_err *err);
/** The config file's settings (arconf_load, the one reader every command
 *  and the full-screen program share); prints a bad line and returns its
 *  status (UR_INPUT). */
struct ar_settings;
int cli_settings(struct ar_settings *s);
/** Print a usage error followed by the usage hint; return UR_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/** Print the program's usage to f. */
void cli_usage(FILE *f);
/** Print the help of the command named name to f (its synopses, what it
 *  does, its options); false when there is no such command. */
bool cli_command_help(FILE *f, const char *name);
/** Whether s is a whole number from lo to hi (digits only), put in *out. */
bool cli_number(const char *s, long lo, long hi, long *out);

/** Resolve the database path (creating the default directory 0700 when
 *  needed), open and migrate the store. Prints errors; returns the status. */
int cli_open_store(const struct cli *c, struct store **st);
/** As cli_open_store, for init: an existing empty file becomes the database. */
int cli_open_store_init(const struct cli *c, struct store **st);
/** The same for a command that only reads: the database must exist, and
 *  is opened read-only (store_open_readonly). */
int cli_open_store_readonly(const struct cli *c, struct store **st);
/** UR_OK when the database at path exists; else says so (how to make one)
 *  and returns UR_FAIL. */
int cli_need_db(const char *path);
/** Say that a database of several companies needs one chosen (naming
 *  them); returns UR_USAGE. */
int cli_company_required(struct store *st);
/** Who is recorded in the audit log: --user, $URIKAKE_USER, else the login. */
const char *cli_user(const struct cli *c);
/** The database path cli_open_store uses (malloc'd), or NULL with err. */
char *cli_db_path(const struct cli *c, struct ur_err *err);

/** Append amount v of currency cur to out (money_format with flags). */
void cli_put_money(struct strbuf *out, int64_t v, const char *cur, unsigned flags);
/** Write out's bytes to stdout (flushed) and empty it; UR_FAIL (printed)
 *  on error. A terminal gets the control characters in their visible forms. */
int cli_flush(struct strbuf *out);
/** A command's exit status rc, made UR_FAIL (and said) when something it
 *  printed did not reach standard output: a full disk is no success. */
int cli_finish(int rc);
/** Draw or update a progress bar on stderr when it is a terminal. */
void cli_progress(size_t done, size_t total, void *label);
/** Say on stderr, when it is a terminal, that step n of total begins
 *  (what: translated); scripts see nothing. */
void cli_step(int n, int total, const char *what);

/* The commands: argv[0] is the command word; return the exit status. */
int cmd_init(const struct cli *c, int argc, char **argv);
int cmd_backup(const struct cli *c, int argc, char **argv);
int cmd_company(const struct cli *c, int argc, char **argv);
/** The company asked for (--company, $URIKAKE_COMPANY, the config file's
 *  company =), malloc'd; NULL when none is. */
char *cli_company(const struct cli *c);
int cmd_import(const struct cli *c, int argc, char **argv);
int cmd_export(const struct cli *c, int argc, char **argv);
int cmd_aging(const struct cli *c, int argc, char **argv);
int cmd_demo(const struct cli *c, int argc, char **argv);
int cmd_migrate(const struct cli *c, int argc, char **argv);

#endif
