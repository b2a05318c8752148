/* settings: parsing the user's config file (see settings.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "arconf.h"
#include "i18n.h"
#include "kvconf.h"
#include "settings.h"
#include "xalloc.h"

void
settings_default(struct ui_settings *s)
{
	memset(s, 0, sizeof *s);
	s->prefetch = true;
}

static int
yes_no(const char *v, bool *out)
{
	if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "1"))
		*out = true;
	else if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "0"))
		*out = false;
	else
		return 0;
	return 1;
}

/* Apply one setting; NULL when fine, else the reason. */
static const char *
apply(void *ctx, const char *k, const char *v)
{
	struct ui_settings *s = ctx;

	if (!strcmp(k, "theme")) {
		if (strcmp(v, "mono") && strcmp(v, "default"))
			return _("theme is default or mono");
		s->mono = !strcmp(v, "mono");
	} else if (!strcmp(k, "ambiguous-width")) {
		if (strcmp(v, "1") && strcmp(v, "2"))
			return _("ambiguous-width is 1 or 2");
		s->ambiguous_wide = !strcmp(v, "2");
	} else if (!strcmp(k, "ascii-borders")) {
		if (!yes_no(v, &s->ascii_borders))
			return _("ascii-borders is yes or no");
	} else if (!strcmp(k, "prefetch")) {
		if (!yes_no(v, &s->prefetch))
			return _("prefetch is yes or no");
	} else if (!strcmp(k, "export-headers")) {
		if (strcmp(v, "names") && strcmp(v, "language"))
			return _("export-headers is names or language");
		s->export_words = !strcmp(v, "language");
	} else if (!strcmp(k, "export-bom")) {
		if (!yes_no(v, &s->export_bom))
			return _("export-bom is yes or no");
	} else if (!strcmp(k, "date-format")) {
		if (!strcmp(v, "iso"))
			s->date_format = UI_DATE_ISO;
		else if (!strcmp(v, "slash"))
			s->date_format = UI_DATE_SLASH;
		else if (!strcmp(v, "ja"))
			s->date_format = UI_DATE_JA;
		else
			return _("date-format is iso, slash or ja");
	} else if (!arconf_is_key(k)) { /* aging, dunning and matching keys: src/arconf.c */
		return _("unknown setting");
	}
	return NULL;
}

int
settings_parse(struct ui_settings *s, const char *text, const char *source,
	       struct strbuf *errors)
{
	return kvconf_parse(text, source, true, apply, s, errors);
}

void
settings_date(const struct ui_settings *s, int32_t day, char *buf, int size)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (s->date_format == UI_DATE_SLASH)
		snprintf(buf, (size_t)size, "%04d/%02d/%02d", y, m, d);
	else if (s->date_format == UI_DATE_JA)
		snprintf(buf, (size_t)size, "%04d年%02d月%02d日", y, m, d);
	else
		snprintf(buf, (size_t)size, "%04d-%02d-%02d", y, m, d);
}
