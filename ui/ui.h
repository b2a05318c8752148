/* ui: the full-screen interface's entry point. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_UI_H
#define UR_UI_UI_H

#include <stdbool.h>

#include "err.h"

/** Run the full-screen interface on the database at db_path as user
 *  (recorded in the audit log), in the client company with code company
 *  (NULL: the only one, else a picker at the start); notice, when not
 *  NULL, is said once on
 *  the status line at the start (the message catalogue is already
 *  chosen). Returns an exit status; when it is not 0, err says why (the
 *  caller prints it). */
int ui_run(const char *db_path, const char *user, const char *company, const char *notice,
	   struct ur_err *err);
/** Whether ui_run can open the full screen here (a terminal, or the
 *  headless test mode); when not, ui_run only says why. */
bool ui_available(void);

#endif
