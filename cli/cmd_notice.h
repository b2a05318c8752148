/* cmd_notice: `urikake notice difference|refund` (letters about one
 * payment, logged as contacts) and `urikake refund` (cmd_refund.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_CLI_CMD_NOTICE_H
#define UR_CLI_CMD_NOTICE_H

#include "cli.h"

/** `urikake notice difference --deposit REF --action keep|refund|expect
 *  [--by DATE] [...]` and `urikake notice refund ID [...]`. */
int cmd_notice(const struct cli *c, int argc, char **argv);
/** `urikake refund --customer CODE|--deposit REF --amount A --date D --to T
 *  --reason R`, `refund list`, `refund undo ID`. */
int cmd_refund(const struct cli *c, int argc, char **argv);

#endif
