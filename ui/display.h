/* display: starting and ending curses on the terminal, or headless for the
 * screen tests, reading keys, and dumping the screen as text. Headless:
 * URIKAKE_TEST_SCRIPT names a script, URIKAKE_TEST_SIZE is COLSxROWS and
 * screens go to URIKAKE_TEST_DUMP_DIR. Script lines: keys KEY..., type
 * TEXT, resize COLSxROWS, dump NAME, poll (check the database now), sh
 * COMMAND (run another process, e.g. a second clerk), sleep MS (no key for
 * MS milliseconds: the loop idles as between a clerk's keys, woken by the
 * database's notifications too), settle (let
 * every background load finish, the panes loaded ahead included). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_DISPLAY_H
#define UR_UI_DISPLAY_H

#include <stdbool.h>

#include "err.h"

/* What display_key returns besides keys (see keymap.h for key codes). */
#define UI_KEY_NONE (-1)   /* nothing within the poll interval */
#define UI_KEY_RESIZE (-2) /* the screen changed size */
#define UI_KEY_POLL (-3)   /* headless: check the database now */
#define UI_KEY_EOF (-4)    /* headless: the script ended */
#define UI_KEY_SETTLE (-5) /* headless: finish every background load now */

/** Start curses (headless when $URIKAKE_TEST_SCRIPT is set). */
enum ur_status display_init(struct ur_err *err);
/** End curses and free the script. */
void display_end(void);
/** True when there is a terminal (or a test script) to run on. */
bool display_possible(void);
/** True when running headless from a script. */
bool display_headless(void);
/** Wait up to poll_ms for a key, or until fd (when not -1: the database's
 *  notifications) becomes readable; returns the key code or a UI_KEY_*
 *  (UI_KEY_NONE for fd, as for the time). */
int display_key(int poll_ms, int fd);
/** Write the screen, one line per row, trailing blanks trimmed, to path. */
enum ur_status display_dump(const char *path, struct ur_err *err);

#endif
