/* keymap: which key runs which action in which pane — parsing the compiled
 * in data/keymap.default and the user's overrides, key names, look-ups. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_KEYMAP_H
#define UR_UI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "request.h"
#include "strbuf.h"

/* Keys are Unicode code points, or UI_KEY_FN + a curses KEY_ code. */
#define UI_KEY_FN 0x200000
#define UI_KEY_ENTER '\n'
#define UI_KEY_ESC 27

enum keymap_section { KM_GENERIC, KM_QUEUE, KM_AGING, KM_CONTACTS, KM_FORM, KM_SECTIONS };

struct keymap;

/** A new keymap holding no bindings. */
struct keymap *keymap_new(void);
/** Free km (NULL is fine). */
void keymap_free(struct keymap *km);
/** Apply the lines of text ("bind SECTION KEY ACTION", "# comment"); a
 *  later binding of the same key in the same section replaces the earlier.
 *  Each bad line adds "SOURCE:LINE: why" (translated) to errors. Returns
 *  the number of bad lines. */
int keymap_load(struct keymap *km, const char *text, const char *source,
		struct strbuf *errors);
/** Parse a key name: one character ("j", "?"), "<Enter>", "<Tab>", "<Esc>",
 *  "<Space>", "<Up>", "<Down>", "<Left>", "<Right>", "<PgUp>", "<PgDown>",
 *  "<Home>", "<End>", "<Backspace>", "<C-x>". Returns 0 when unknown. */
int keymap_parse_key(const char *name, int *key);
/** Write the name of key into buf (the form keymap_parse_key reads). */
void keymap_key_name(int key, char *buf, size_t size);
/** The action of key in section, else in the generic section (for the
 *  form section only the moving actions: rows, pages, first, last). */
enum request keymap_lookup(const struct keymap *km, enum keymap_section sec, int key);
/** True when section sec binds a key of its own to req (not only the
 *  generic section). */
bool keymap_section_runs(const struct keymap *km, enum keymap_section sec, enum request req);
/** Names of the keys running req in section sec (or generic), comma
 *  separated, into buf; returns how many. */
int keymap_keys_for(const struct keymap *km, enum keymap_section sec, enum request req,
		    char *buf, size_t size);

#endif
