/* test_kvconf: settings file lines and locations. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kvconf.h"
#include "tap.h"

/* Records "name=value;" for every line applied; refuses the name "bad". */
static const char *
record(void *ctx, const char *name, const char *value)
{
	struct strbuf *seen = ctx;

	if (strcmp(name, "bad") == 0)
		return "no good";
	sb_addf(seen, "%s=%s;", name, value);
	return NULL;
}

TAP_SUITE(kvconf)
{
	static const char text[] = "# comment\n\n  theme = mono \r\nbad = 1\nno equals here\n"
				   "a=b=c\n";
	struct strbuf seen, errors;
	const char *home_env = getenv("HOME");
	char *path, *home = home_env ? strdup(home_env) : NULL;

	sb_init(&seen);
	sb_init(&errors);
	tap_is_int(kvconf_parse(text, "cfg", true, record, &seen, &errors), 2,
		   "strict: the refused line and the line without '=' are bad");
	tap_is_str(seen.buf, "theme=mono;a=b=c;", "names and values trimmed, '=' in a value kept");
	tap_is_str(errors.buf, "cfg:4: no good; cfg:5: expected: name = value",
		   "errors name the file and line");
	sb_reset(&seen);
	sb_reset(&errors);
	tap_is_int(kvconf_parse(text, "cfg", false, record, &seen, &errors), 1,
		   "lenient: a line without '=' is skipped");
	tap_is_str(errors.buf, "cfg:4: no good", "only the refused line is reported");
	sb_free(&seen);
	sb_free(&errors);

	setenv("XDG_CONFIG_HOME", "/x", 1);
	path = kvconf_path("keys");
	tap_is_str(path, "/x/urikake/keys", "under $XDG_CONFIG_HOME");
	free(path);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/h", 1);
	path = kvconf_path("config");
	tap_is_str(path, "/h/.config/urikake/config", "else under ~/.config");
	free(path);
	if (home)
		setenv("HOME", home, 1);
	free(home);
}
