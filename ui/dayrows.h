/* dayrows: the aging rows of a day loaded once for pane 2 and for pane 3's
 * worklist (which is made from today's rows) — the panes' loaders load
 * them one at a time and share them read-only while the database stays as
 * it was (the app's generation), so two panes never hold two copies. No
 * curses here. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_DAYROWS_H
#define UR_UI_DAYROWS_H

#include "custstats.h"
#include "err.h"

struct dayrows;
struct loader;
struct store;

struct dayrows *dayrows_new(void);
/** After every loader using d is freed. NULL: nothing. */
void dayrows_free(struct dayrows *d);
/** On loader l's thread (st its connection): fill set (ar_set_init, empty)
 *  with the rows of its date and aging basis at generation gen — shared
 *  with the latest load of the same when there is one, else loaded (one
 *  load at a time: a second waits, then shares) and kept for the next. A
 *  shared set has no view yet (ar_set_view). */
enum ur_status dayrows_load(struct dayrows *d, struct loader *l, long gen, struct store *st,
			    struct ar_set *set, struct ur_err *err);
/** Forget the kept rows once no pane's set holds them (after a swap). */
void dayrows_trim(struct dayrows *d);

#endif
