/* cmd_contact: the contact log commands — `contact add|list|worklist|
 * dunning` and `export contacts` (called from cmd_export). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_CLI_CMD_CONTACT_H
#define UR_CLI_CMD_CONTACT_H

#include "cli.h"
#include "custstats.h"

struct store;

/** `urikake contact add|list|worklist|dunning …` (argv[0] is "contact").
 *  Returns the exit status. */
int cmd_contact(const struct cli *c, int argc, char **argv);

/** `urikake contact worklist [--date D] [--rep NAME] [--format table|csv|json]`
 *  (argv[0] is "worklist"). */
int cmd_worklist(const struct cli *c, int argc, char **argv);
/** `urikake contact digest [--rep NAME] [--date D] [--format pdf|txt]
 *  [-o PATH | --print] [--force] [--company FILE]`: the worklist as a
 *  document to print or keep. */
int cmd_digest(const struct cli *c, int argc, char **argv);

/** The ratings of every customer as of day into set (ar_set_init'd by
 *  this with s, the settings the command read, even on failure); whether
 *  one is on hold is rating_on_hold(&s->hold, …), as in the worklist. */
enum ur_status cli_ratings(struct store *st, const struct ar_settings *s, int32_t day,
			   struct ar_set *set, struct ur_err *err);

/** `urikake export contacts`: the columns customer, at, user, channel,
 *  direction, note, outcome, promise_date, promise_amount, next_date,
 *  next_owner, dunning_level as CSV or JSON (format "csv" or "json", else a
 *  usage error). Returns the exit status. */
int cmd_contact_export(const struct cli *c, const char *format);

#endif
