/* cmd_match: `urikake match …` (auto, confirm, undo, show, aliases) and
 * `export allocations`. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_CLI_CMD_MATCH_H
#define UR_CLI_CMD_MATCH_H

#include "cli.h"
#include "ledger_words.h"
#include "match.h"

/** `match --auto|confirm|undo|show|aliases …`; argv[0] is "match". */
int cmd_match(const struct cli *c, int argc, char **argv);
/** `match show --deposit REF [--json]`; argv[0] is "show". */
int cmd_match_show(const struct cli *c, int argc, char **argv);
struct store;
struct store_match_deposits;
/** For `match undo|show --deposit REF`: parse the option (usage names the
 *  command on error), open the store and load the deposit into *l with its
 *  state. Returns UR_OK with *st open (the caller frees *l and closes *st),
 *  else the exit status, everything released and the error printed. With
 *  json non-NULL, --json is accepted and sets *json. */
int cmd_match_load_deposit(const struct cli *c, int argc, char **argv, const char *usage,
			   bool readonly, struct store **st, struct store_match_deposits *l,
			   enum deposit_state *state, const char **ref, int *json);
/** The engine's settings from the config file (arconf); UR_OK, or the
 *  error printed and its exit status. */
enum ur_status cmd_match_settings(struct match_config *cfg);
/** `match aliases [list [--json] | edit ID --customer CODE | remove ID]`;
 *  argv[0] is "aliases". */
int cmd_match_aliases(const struct cli *c, int argc, char **argv);
/** `export allocations [--format csv|json]`: the active allocations to
 *  stdout with the doc/cli-contract.md columns. format is "csv" or "json". */
int cmd_export_allocations(const struct cli *c, const char *format);

#endif
