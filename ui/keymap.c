/* keymap: key bindings per section, loaded from keymap text (see keymap.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keymap.h"
#include "text.h"
#include "xalloc.h"

struct binding {
	enum keymap_section sec;
	int key;
	enum request req;
};

struct keymap {
	struct binding *b;
	size_t n, cap;
};

static const char *const section_names[KM_SECTIONS] = {
	"generic", "queue", "aging", "contacts", "form",
};

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "<Enter>", UI_KEY_ENTER },
	{ "<Tab>", '\t' },
	{ "<Esc>", UI_KEY_ESC },
	{ "<Space>", ' ' },
	{ "<Up>", UI_KEY_FN + KEY_UP },
	{ "<Down>", UI_KEY_FN + KEY_DOWN },
	{ "<Left>", UI_KEY_FN + KEY_LEFT },
	{ "<Right>", UI_KEY_FN + KEY_RIGHT },
	{ "<PgUp>", UI_KEY_FN + KEY_PPAGE },
	{ "<PgDown>", UI_KEY_FN + KEY_NPAGE },
	{ "<Home>", UI_KEY_FN + KEY_HOME },
	{ "<End>", UI_KEY_FN + KEY_END },
	{ "<Backspace>", UI_KEY_FN + KEY_BACKSPACE },
	{ "<BackTab>", UI_KEY_FN + KEY_BTAB },
};

struct keymap *
keymap_new(void)
{
	return xcalloc(1, sizeof(struct keymap));
}

void
keymap_free(struct keymap *km)
{
	if (!km)
		return;
	free(km->b);
	free(km);
}

int
keymap_parse_key(const char *name, int *key)
{
	uint32_t cp;
	size_t n, len = strlen(name);

	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strcmp(name, key_names[i].name) == 0) {
			*key = key_names[i].key;
			return 1;
		}
	if (len == 5 && strncmp(name, "<C-", 3) == 0 && name[4] == '>' && name[3] >= 'a' &&
	    name[3] <= 'z') {
		*key = name[3] - 'a' + 1;
		return 1;
	}
	n = utf8_decode(name, len, &cp);
	if (len == 0 || n != len || cp == 0xFFFD || cp < 0x21 || cp == 0x7F)
		return 0;
	*key = (int)cp;
	return 1;
}

void
keymap_key_name(int key, char *buf, size_t size)
{
	struct strbuf sb;

	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key == key_names[i].key) {
			snprintf(buf, size, "%s", key_names[i].name);
			return;
		}
	if (key >= 1 && key <= 26) {
		snprintf(buf, size, "<C-%c>", 'a' + key - 1);
		return;
	}
	sb_init(&sb);
	utf8_append(&sb, (uint32_t)key);
	snprintf(buf, size, "%s", sb.buf);
	sb_free(&sb);
}

static void
bind_key(struct keymap *km, enum keymap_section sec, int key, enum request req)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->b[i].sec == sec && km->b[i].key == key) {
			km->b[i].req = req;
			return;
		}
	if (km->n == km->cap)
		km->b = xrealloc(km->b, (km->cap = km->cap ? 2 * km->cap : 64) * sizeof *km->b);
	km->b[km->n++] = (struct binding){ sec, key, req };
}

/* One line split into words (at most 4); returns the number of words. */
static int
split_words(char *line, char **w)
{
	int n = 0;
	char *p = line;

	while (n < 4) {
		p += strspn(p, " \t\r");
		if (!*p || *p == '#')
			break;
		w[n++] = p;
		p += strcspn(p, " \t\r");
		if (*p)
			*p++ = '\0';
	}
	p += strspn(p, " \t\r");
	return *p && *p != '#' ? 5 : n;
}

/* Parse one line; NULL when fine, else the reason. */
static const char *
load_line(struct keymap *km, char *line)
{
	char *w[4];
	int n = split_words(line, w), sec, key;
	enum request req;

	if (n == 0)
		return NULL;
	if (n != 4 || strcmp(w[0], "bind") != 0)
		return _("expected: bind SECTION KEY ACTION");
	for (sec = 0; sec < KM_SECTIONS && strcmp(w[1], section_names[sec]) != 0; sec++)
		;
	if (sec == KM_SECTIONS)
		return _("unknown section (generic, queue, aging, contacts, form)");
	if (!keymap_parse_key(w[2], &key))
		return _("unknown key name");
	if ((req = req_by_name(w[3])) == REQ_NONE)
		return _("unknown action");
	bind_key(km, (enum keymap_section)sec, key, req);
	return NULL;
}

int
keymap_load(struct keymap *km, const char *text, const char *source, struct strbuf *errors)
{
	char *copy = xstrdup(text), *line = copy, *nl;
	const char *why;
	int lineno = 0, bad = 0;

	for (; line; line = nl) {
		if ((nl = strchr(line, '\n')))
			*nl++ = '\0';
		lineno++;
		if ((why = load_line(km, line))) {
			sb_addf(errors, "%s%s:%d: %s", errors->len ? "; " : "", source, lineno, why);
			bad++;
		}
	}
	free(copy);
	return bad;
}

/* The generic actions the form section takes too: moving in a list. */
static bool
form_inherits(enum request req)
{
	switch (req) {
	case REQ_MOVE_UP: case REQ_MOVE_DOWN: case REQ_PAGE_UP: case REQ_PAGE_DOWN:
	case REQ_FIRST: case REQ_LAST:
		return true;
	default:
		return false;
	}
}

enum request
keymap_lookup(const struct keymap *km, enum keymap_section sec, int key)
{
	enum request generic = REQ_NONE;

	for (size_t i = 0; i < km->n; i++) {
		if (km->b[i].key != key)
			continue;
		if (km->b[i].sec == sec)
			return km->b[i].req;
		if (km->b[i].sec == KM_GENERIC)
			generic = km->b[i].req;
	}
	return sec == KM_FORM && !form_inherits(generic) ? REQ_NONE : generic;
}

/* True when section sec itself binds key. */
static bool
section_binds(const struct keymap *km, enum keymap_section sec, int key)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->b[i].key == key && km->b[i].sec == sec)
			return true;
	return false;
}

/* Does binding b run req in section sec: its own, or a generic one the
 * section takes and does not bind the key of itself? */
static bool
binding_runs(const struct keymap *km, enum keymap_section sec, const struct binding *b,
	     enum request req)
{
	if (b->req != req || keymap_lookup(km, sec, b->key) != req)
		return false;
	if (b->sec == sec)
		return true;
	if (b->sec != KM_GENERIC || section_binds(km, sec, b->key))
		return false;
	return sec != KM_FORM || form_inherits(req);
}

bool
keymap_section_runs(const struct keymap *km, enum keymap_section sec, enum request req)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->b[i].sec == sec && binding_runs(km, sec, &km->b[i], req))
			return true;
	return false;
}

int
keymap_keys_for(const struct keymap *km, enum keymap_section sec, enum request req, char *buf,
		size_t size)
{
	char name[32];
	size_t len = 0;
	int n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < km->n; i++) {
		const struct binding *b = &km->b[i];

		if (!binding_runs(km, sec, b, req))
			continue;
		keymap_key_name(b->key, name, sizeof name);
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s",
					n ? " " : "", name);
		n++;
		if (len >= size)
			break;
	}
	return n;
}

static const struct req_info req_rows[] = {
#define G_(text) { REQ_NONE, NULL, text },
#define R_(id, name, help) { REQ_##id, name, help },
	REQ_INFO(G_, R_)
#undef G_
#undef R_
	{ REQ_NONE, NULL, NULL },
};

static const struct req_hint hint_rows[] = {
#define H_(id, label) { REQ_##id, label },
	REQ_HINTS(H_)
#undef H_
	{ REQ_NONE, NULL },
};

const struct req_hint *
req_hints(void)
{
	return hint_rows;
}

const struct req_info *
req_table(void)
{
	return req_rows;
}

enum request
req_by_name(const char *name)
{
	for (const struct req_info *r = req_rows; r->help; r++)
		if (r->name && strcmp(r->name, name) == 0)
			return r->req;
	return REQ_NONE;
}
