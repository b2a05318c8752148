/* cmd_match: `urikake match …` (auto, confirm, undo, show, aliases) and
 * `export allocations`. */
#ifndef UR_CLI_CMD_MATCH_H
#define UR_CLI_CMD_MATCH_H

#include "cli.h"

/** `match --auto|confirm|undo|show|aliases …`; argv[0] is "match". */
int cmd_match(const struct cli *c, int argc, char **argv);
/** `match show --deposit REF [--json]`; argv[0] is "show". */
int cmd_match_show(const struct cli *c, int argc, char **argv);
/** `match aliases [list [--json] | edit ID --customer CODE | remove ID]`;
 *  argv[0] is "aliases". */
int cmd_match_aliases(const struct cli *c, int argc, char **argv);
/** `export allocations [--format csv|json]`: the active allocations to
 *  stdout with the CLI.md columns. format is "csv" or "json". */
int cmd_export_allocations(const struct cli *c, const char *format);

#endif
