/* settings: the user's interface settings from $XDG_CONFIG_HOME/urikake/config
 * ("name = value" lines) and where the user's files live. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_SETTINGS_H
#define UR_UI_SETTINGS_H

#include <stdbool.h>
#include <stdint.h>

#include "strbuf.h"

enum ui_date_format { UI_DATE_ISO, UI_DATE_SLASH, UI_DATE_JA };

struct ui_settings {
	bool mono;            /* theme = mono: no colours */
	bool ambiguous_wide;  /* ambiguous-width = 2 */
	bool ascii_borders;   /* ascii-borders = yes */
	enum ui_date_format date_format; /* date-format = iso | slash | ja */
	bool prefetch;        /* prefetch = yes: load panes 2 and 3 ahead */
	bool export_words;    /* export-headers = language (else names): the
				 pane's CSV export's default headers */
	bool export_bom;      /* export-bom = yes: … and its byte-order mark */
};

/** Defaults: colour theme, ambiguous width 1, line-drawing borders, ISO
 *  dates, panes loaded ahead. */
void settings_default(struct ui_settings *s);
/** Apply "name = value" lines of text; each bad line adds "SOURCE:LINE:
 *  why" to errors. Returns the number of bad lines. */
int settings_parse(struct ui_settings *s, const char *text, const char *source,
		   struct strbuf *errors);
/** Write day in the chosen format into buf (at least 24 bytes). */
void settings_date(const struct ui_settings *s, int32_t day, char *buf, int size);

#endif
