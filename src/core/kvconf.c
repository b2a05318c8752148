/* kvconf: settings file lines and locations. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kvconf.h"
#include "xalloc.h"

char *
kvconf_trim(char *p)
{
	char *e;

	p += strspn(p, " \t\r");
	e = p + strlen(p);
	while (e > p && strchr(" \t\r", e[-1]))
		*--e = '\0';
	return p;
}

int
kvconf_parse(const char *text, const char *source, bool strict, kvconf_apply_fn fn, void *ctx,
	     struct strbuf *errors)
{
	char *copy = xstrdup(text), *line = copy, *nl, *eq, *k;
	const char *why;
	int lineno = 0, bad = 0;

	for (; line; line = nl) {
		if ((nl = strchr(line, '\n')))
			*nl++ = '\0';
		lineno++;
		k = kvconf_trim(line);
		if (!*k || *k == '#')
			continue;
		if (!(eq = strchr(k, '='))) {
			if (!strict)
				continue;
			why = _("expected: name = value");
		} else {
			*eq = '\0';
			why = fn(ctx, kvconf_trim(k), kvconf_trim(eq + 1));
		}
		if (why) {
			sb_addf(errors, "%s%s:%d: %s", errors->len ? "; " : "", source, lineno, why);
			bad++;
		}
	}
	free(copy);
	return bad;
}

char *
kvconf_path(const char *name)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct strbuf sb;

	sb_init(&sb);
	if (xdg && *xdg)
		sb_addf(&sb, "%s/urikake/%s", xdg, name);
	else
		sb_addf(&sb, "%s/.config/urikake/%s", home && *home ? home : ".", name);
	return sb_detach(&sb);
}
