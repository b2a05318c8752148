/* company_src: where our details for statements and letters come from —
 * the settings file in the user's config directory, else the company
 * settings the database carries (a demo database has the demo company's).
 * A file named on the command line (--company) is read instead of both. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_RUN_COMPANY_SRC_H
#define UR_SRC_RUN_COMPANY_SRC_H

#include <stdbool.h>

#include "company.h"
#include "err.h"

struct store;

/** Our details into *co (free with company_free): the settings file at
 *  file (NULL: none) when it exists, else the database's settings. *found
 *  false when neither has any. UR_INPUT naming the line when they cannot
 *  be read. */
enum ur_status company_src_load(struct store *st, const char *file, struct company *co,
				bool *found, struct ur_err *err);

#endif
