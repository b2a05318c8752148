/* company: our own details printed on statements and letters — name,
 * address, qualified-invoice registration number (T + 13 digits), bank
 * account, letterhead, printer, fonts — read from a settings file of
 * `key = value` lines, with per-language variants (`name.en = …`). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_COMPANY_H
#define UR_SRC_STATEMENT_COMPANY_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

struct company_kv {
	char *key; /* "name" or "name.en" */
	char *value;
};

struct company {
	struct company_kv *kv;
	size_t n;
};

/** Read the settings file at path into *c (free with company_free). Lines:
 *  `key = value`, blank, or comments starting with '#'; "\n" in a value is
 *  a line break. Keys: name, address, phone, email, contact (the person to
 *  ask for), registration, bank, letterhead, printer, font, dunning_days,
 *  mail-from, mail-command (mail.h), each optionally suffixed .ja,
 *  .zh_CN or .en; and rep-email.NAME, the address of sales rep NAME. registration (and registration.ja) must be T and 13
 *  digits. A missing file gives empty settings and *found = false.
 *  UR_INPUT naming path:line for anything else. */
enum ur_status company_load(const char *path, struct company *c, bool *found,
			    struct ur_err *err);
/** Parse settings text (name is used in messages); as company_load. */
enum ur_status company_parse(const char *text, const char *name, struct company *c,
			     struct ur_err *err);
void company_free(struct company *c);

/** The value of key for language lang ("ja", "zh_CN", "en"): key.lang when
 *  set, else key, else "" (never NULL). */
const char *company_get(const struct company *c, const char *key, const char *lang);

/** The e-mail address of sales rep (rep-email.REP), "" when not set. */
const char *company_rep_email(const struct company *c, const char *rep);

/** The font family for lang: font.lang or font when set, else Noto Sans
 *  CJK JP (ja, en) or WenQuanYi Micro Hei (zh_CN). */
const char *company_font(const struct company *c, const char *lang);

/** Days to pay given by a dunning letter of level (1–3): dunning_days
 *  ("14,10,7" by default). */
int company_dunning_days(const struct company *c, int level);

/** True when s is a registration number: 'T' and 13 ASCII digits. */
bool company_registration_valid(const char *s);

#endif
