/* dunning: dunning letters — one template per level (1 reminder, 2 督促状 /
 * 催款函, 3 内容証明 wording / final notice) and language, compiled in and
 * overridable from a directory, expanded for a customer with the table of
 * its overdue invoices, and rendered as plain text. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_DUNNING_H
#define UR_SRC_STATEMENT_DUNNING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "company.h"
#include "err.h"
#include "render.h"
#include "statement.h"
#include "strbuf.h"
#include "words.h"

/* A row of a notice's table of amounts (dunning letters have none). */
struct letter_row {
	const char *label;
	char amount[RENDER_MONEY_SIZE + 32];
};

/* The "level" of the balance confirmation letter (残高確認書 / 往来款项询证函),
 * built from the same kind of template: every open invoice in the table,
 * the balance as {total}, and the customer's reply slip below a [cut]. */
#define DUNNING_CONFIRM 0

enum dunning_line_kind {
	DUNNING_TEXT,   /* a line of text (empty: a blank line) */
	DUNNING_RIGHT,  /* a line aligned right ([right]) */
	DUNNING_CENTER, /* a line centred ([center]) */
	DUNNING_TABLE,  /* the table of overdue invoices */
	DUNNING_CUT,    /* a cut line ([cut]), its text in the middle */
};

struct dunning_line {
	enum dunning_line_kind kind;
	char *text;
};

struct dunning_letter {
	int level;
	enum stmt_lang lang;
	int32_t date, pay_by;
	char *title;
	struct dunning_line *lines;
	size_t nlines;
	const struct statement *s; /* the customer (not owned) */
	int64_t total;             /* overdue, open on the letter's date
				      (confirmation: the balance) */
	size_t count;              /* overdue invoices (confirmation: open ones) */
	const struct letter_row *rows; /* a notice's amounts, in place of the
					  overdue invoices ({amount_table}) */
	size_t nrows;
};

/** The template text of level (one a letter goes with, contact_level_letter,
 *  or DUNNING_CONFIRM) and lang: the file dunning-LEVEL.LANG.txt
 *  (confirm.LANG.txt) in dir when dir is set and holds it, else the
 *  built-in one. *text is malloc'd; *name says where it came from.
 *  UR_INPUT for a level without a letter. */
enum ur_status dunning_template(int level, enum stmt_lang lang, const char *dir, char **text,
				char **name, struct ur_err *err);

/** Expand template text (called name in messages) for the statement s (its
 *  period ending on the letter's date), dated s->to, payment asked for
 *  within company_dunning_days(level). UR_INPUT naming name:line for an
 *  unknown placeholder, {invoice_table} sharing its line, or no title. */
enum ur_status dunning_build(const char *text, const char *name, const struct statement *s,
			     const struct company *c, int level, struct dunning_letter *out,
			     struct ur_err *err);
/** Expand a confirmation template for s (the balance at the end of s->to,
 *  {as_of}), dated date; errors as dunning_build. */
enum ur_status confirm_build(const char *text, const char *name, const struct statement *s,
			     const struct company *c, int32_t date, struct dunning_letter *out,
			     struct ur_err *err);
void dunning_free(struct dunning_letter *d);

/** Append the letter as plain text (lines without trailing spaces). */
void dunning_text(const struct dunning_letter *d, const struct company *c,
		  struct strbuf *out);

/* The six cells of one row of a letter's overdue-invoice table. */
struct dunning_cells {
	const char *cell[6];
	char issue[STMT_DATE_SIZE], due[STMT_DATE_SIZE];
	char amount[RENDER_MONEY_SIZE], open[RENDER_MONEY_SIZE], days[16];
};
/** Cells of the overdue table, left to right (number, date, due, amount,
 *  open, days late) and how to align them. */
#define DUNNING_COLS 6
#define DUNNING_ALIGN "lllrrr"

/** Row i of the overdue table into c: the header for i < 0, else item i of
 *  the statement; false for an item that is not overdue or is disputed (no
 *  row). A confirmation's table has every open item. */
bool dunning_cells(const struct dunning_letter *d, long i, struct dunning_cells *c);

/** Append the overdue-invoice table as plain text. */
void dunning_table_text(const struct dunning_letter *d, struct strbuf *out);

/** The title of the letter of a level in lang (お支払いのお願い, 督促状,
 *  催告書 …; DUNNING_CONFIRM: 残高確認書; "" for a level without a letter),
 *  as a mail's subject and the contact log say it. */
const char *dunning_letter_title(int level, enum stmt_lang lang);

/* The placeholders of a letter and their values. */
#define LETTER_VARS 20
struct letter_vars {
	const char *name[LETTER_VARS];
	char *value[LETTER_VARS];
	int n;
};
/** Add placeholder {name} with a copy of value (NULL: ""). */
void letter_var(struct letter_vars *v, const char *name, const char *value);
void letter_vars_free(struct letter_vars *v);

/** The template stem.LANG.txt in dir when dir is set and holds it, else
 *  builtin_text; *text malloc'd, *name says where it came from. */
enum ur_status letter_template(const char *stem, enum stmt_lang lang,
			       const char *builtin_text, const char *dir, char **text,
			       char **name, struct ur_err *err);
/** Expand template text (called name in messages) into out, whose lang, s,
 *  date and rows the caller set: the first line is the title, the table
 *  line is {amount_table} when out has rows, else {invoice_table}.
 *  UR_INPUT naming name:line for an unknown placeholder. */
enum ur_status letter_expand(const char *text, const char *name, const struct letter_vars *v,
			     struct dunning_letter *out, struct ur_err *err);

#endif
