/* kvconf: the "name = value" settings files under $XDG_CONFIG_HOME/urikake
 * (config, keys, company …): where they are and how their lines are read.
 * What each name means is up to the caller (src/arconf.c, ui/settings.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_KVCONF_H
#define UR_SRC_KVCONF_H

#include <stdbool.h>

#include "strbuf.h"

/** Apply one setting; return NULL when it is fine, else why not (translated). */
typedef const char *(*kvconf_apply_fn)(void *ctx, const char *name, const char *value);

/** Trim spaces, tabs and CRs from both ends of p, in place; returns the start. */
char *kvconf_trim(char *p);
/** Call fn for every "name = value" line of text (blank lines and # comments
 *  skipped). A line without '=' is an error when strict, else skipped (for
 *  readers that share a file with others). Errors are appended to errors as
 *  "SOURCE:LINE: why", joined by "; "; returns how many lines were bad. */
int kvconf_parse(const char *text, const char *source, bool strict, kvconf_apply_fn fn, void *ctx,
		 struct strbuf *errors);
/** $XDG_CONFIG_HOME/urikake/NAME, else ~/.config/urikake/NAME (caller frees). */
char *kvconf_path(const char *name);

#endif
