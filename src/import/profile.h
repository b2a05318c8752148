/* profile: bank CSV profiles — the key = value files (data/bank-profiles/
 * and the user's own directory) that tell the bank CSV parser how one
 * bank's export is laid out: encoding, header keywords, column names. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_IMPORT_PROFILE_H
#define UR_SRC_IMPORT_PROFILE_H

#include <stddef.h>

#include "err.h"

/* The columns a profile can name (see data/bank-profiles/README). */
enum profile_col {
	PROFILE_DATE,          /* booking date (date+time cells accepted) */
	PROFILE_VALUE_DATE,    /* value date; = booking date when absent */
	PROFILE_CREDIT,        /* money in (贷方 / 收入 / 入金金額) */
	PROFILE_DEBIT,         /* money out (checked, never imported) */
	PROFILE_AMOUNT,        /* one signed amount, or unsigned + direction */
	PROFILE_DIRECTION,     /* 借贷标志 etc.; credit when in credit_values */
	PROFILE_PAYER,         /* payer name */
	PROFILE_PAYER_ACCOUNT, /* payer account */
	PROFILE_PAYER_BANK,    /* payer's bank */
	PROFILE_PAYER_BRANCH,  /* payer's branch */
	PROFILE_MEMO,          /* memo / EDI: every listed column present, joined */
	PROFILE_REFERENCE,     /* the bank's serial number of the row */
	PROFILE_BALANCE,       /* balance after the row (checked only) */
	PROFILE_CURRENCY,      /* per-row currency (币种); profile currency if absent */
	PROFILE_ACCOUNT,       /* our account number */
	PROFILE_NCOLS
};

/* A list of names out of one comma-separated value. */
struct profile_list {
	char **v;
	size_t n;
};

struct profile {
	char *name;        /* [a-z0-9_-]+, used as --format csv:NAME */
	char *description;
	char *encoding;    /* "auto", "UTF-8", "CP932" or "GB18030" */
	char *currency;    /* ISO 4217 */
	char *source;      /* where it was read from, for messages */
	struct profile_list header;        /* keywords, each "a|b|c" */
	struct profile_list col[PROFILE_NCOLS]; /* alternative names, first present wins */
	struct profile_list credit_values; /* direction cells that mean money in */
	struct profile_list skip;          /* first-cell prefixes of noise rows */
	struct profile_list account_label; /* title-row labels of our account */
};

struct profile_set {
	struct profile *v;
	size_t n;
};

/** Parse one profile from text (UTF-8, len bytes); source names it in
 *  messages ("SOURCE:LINE: reason", UR_INPUT). On success *out is filled
 *  and must be released with profile_free. */
enum ur_status profile_parse(const char *text, size_t len, const char *source,
			     struct profile *out, struct ur_err *err);

/** Release what a profile owns. */
void profile_free(struct profile *p);

/** Load the profiles compiled into the program into set (emptied first). */
enum ur_status profile_load_builtin(struct profile_set *set, struct ur_err *err);

/** Add every DIR/ *.profile file to set, in name order; one whose name is
 *  already in set replaces it. A missing directory is not an error. */
enum ur_status profile_load_dir(struct profile_set *set, const char *dir,
				struct ur_err *err);

/** The profile called name, or NULL. */
const struct profile *profile_find(const struct profile_set *set, const char *name);

/** Release every profile of set and empty it. */
void profile_set_free(struct profile_set *set);

#endif
