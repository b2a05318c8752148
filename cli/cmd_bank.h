/* cmd_bank: the bank deposit commands — `import bank`, `export deposits`
 * and the demo's bank files — called from cmd_import, cmd_export and
 * cmd_demo. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_CLI_CMD_BANK_H
#define UR_CLI_CMD_BANK_H

#include "cli.h"

/** `urikake import bank FILE [--format F] [--encoding E]`: argv[0] is
 *  "bank". Returns the exit status. */
int cmd_bank_import(const struct cli *c, int argc, char **argv);

/** `urikake export deposits`: the doc/cli-contract.md columns as CSV or JSON (format
 *  "csv" or "json", else a usage error). Returns the exit status. */
int cmd_bank_export(const struct cli *c, const char *format);

/** After `urikake demo` filled the database: write the demo bank files
 *  beside it and import them. Returns the exit status. */
int cmd_bank_demo(const struct cli *c);

/** `urikake demo bank-file PATH [--records N]`: write a large Zengin
 *  振込入金通知 file for benchmarks (argv[0] is "bank-file"). */
int cmd_bank_demo_file(const struct cli *c, int argc, char **argv);

#endif
