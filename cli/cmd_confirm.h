/* cmd_confirm: the balance confirmation commands — `confirm send|answer|
 * resolve|list` and `export confirmations`. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_CLI_CMD_CONFIRM_H
#define UR_CLI_CMD_CONFIRM_H

#include "cli.h"

/** `urikake confirm send|answer|resolve|list …` (argv[0] is "confirm"). */
int cmd_confirm(const struct cli *c, int argc, char **argv);

/** `urikake export confirmations`: every confirmation sent, by customer
 *  code — customer, sent_on, as_of, currency, balance, document, delivery,
 *  file, state, answered_on, their_balance, difference, reason, explained,
 *  resolved_on, user — as CSV or JSON on stdout. */
int cmd_confirm_export(const struct cli *c, const char *format);

#endif
