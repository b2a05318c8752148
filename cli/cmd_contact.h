/* cmd_contact: the contact log commands — `contact add|list|worklist|
 * dunning` and `export contacts` (called from cmd_export). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_CLI_CMD_CONTACT_H
#define UR_CLI_CMD_CONTACT_H

#include "cli.h"

/** `urikake contact add|list|worklist|dunning …` (argv[0] is "contact").
 *  Returns the exit status. */
int cmd_contact(const struct cli *c, int argc, char **argv);

/** `urikake export contacts`: the columns customer, at, user, channel,
 *  direction, note, outcome, promise_date, promise_amount, next_date,
 *  next_owner, dunning_level as CSV or JSON (format "csv" or "json", else a
 *  usage error). Returns the exit status. */
int cmd_contact_export(const struct cli *c, const char *format);

#endif
