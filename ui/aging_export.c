/* aging_export: pane 2's `E` — the rows shown as a CSV file, asked for in
 * three steps: the file, the headers (the CLI's column names, which
 * scripts read, or the interface language's words, for people), and a
 * UTF-8 byte-order mark (spreadsheets such as Excel read the file as
 * UTF-8 only with one). The answers default to the config file's
 * export-headers and export-bom. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "custstats.h"
#include "i18n.h"
#include "money.h"
#include "outfile.h"
#include "panes.h"
#include "xalloc.h"

/* The answers so far, between the prompts. */
struct export_ask {
	struct view *v;
	char *path;
	bool words; /* headers in the interface language */
};

static void
export_line(struct strbuf *sb, const struct ar_set *set, const struct ar_row *r)
{
	char buf[MONEY_BUFSZ];

	csv_put_sep(sb, r->code, 0);
	csv_put_sep(sb, r->name, 0);
	csv_put_sep(sb, r->currency, 0);
	for (int b = 0; b < set->nbuckets; b++) {
		money_format(r->bucket[b], r->currency, MONEY_PLAIN, buf, sizeof buf);
		csv_put_sep(sb, buf, 0);
	}
	money_format(r->total, r->currency, MONEY_PLAIN, buf, sizeof buf);
	csv_put_sep(sb, buf, 0);
	money_format(r->on_account, r->currency, MONEY_PLAIN, buf, sizeof buf);
	csv_put_sep(sb, buf, 0);
	sb_addf(sb, "%c\n", r->rating.grade ? r->rating.grade : '-');
}

/* The header row: the CLI aging CSV's names, or the same columns in words. */
static void
export_header(struct strbuf *sb, const struct ar_set *set, bool words)
{
	char key[64];

	if (!words) {
		sb_adds(sb, "customer,name,currency");
		for (int b = 0; b < set->nbuckets; b++) {
			ar_bucket_key(set, b, key, sizeof key);
			sb_addf(sb, ",%s", key);
		}
		sb_adds(sb, ",total,on_account,rating\n");
		return;
	}
	csv_put_sep(sb, _("Code"), 0);
	csv_put_sep(sb, _("Customer"), 0);
	csv_put_sep(sb, _("Currency"), 0);
	for (int b = 0; b < set->nbuckets; b++) {
		ar_bucket_label(set, b, key, sizeof key);
		csv_put_sep(sb, key, 0);
	}
	csv_put_sep(sb, _("Total"), 0);
	csv_put_sep(sb, _("On account"), 0);
	csv_put_sep(sb, _("Rating"), 1);
}

static void
export_write(struct export_ask *x, bool bom)
{
	const struct ar_set *set = aging_rows(x->v);
	struct app *a = x->v->app;
	struct ur_err err;
	struct strbuf sb;

	sb_init(&sb);
	if (bom)
		sb_adds(&sb, "\xEF\xBB\xBF");
	export_header(&sb, set, x->words);
	for (size_t i = 0; i < set->nview; i++)
		export_line(&sb, set, ar_set_row(set, i));
	ur_err_clear(&err);
	if (outfile_put(x->path, sb.buf, sb.len, 0666, 0, &err) != UR_OK)
		app_error(a, "%s", err.msg);
	else
		app_msg(a, ngettext_("Exported %zu row to %s.", "Exported %zu rows to %s.",
				     set->nview), set->nview, x->path);
	sb_free(&sb);
}

static void
export_done(struct export_ask *x)
{
	free(x->path);
	free(x);
}

/* A yes/no answer: empty keeps dflt; false when it is neither. */
static bool
answer_yes_no(const char *text, bool dflt, bool *out)
{
	*out = dflt;
	if (!*text)
		return true;
	if (strchr("yY", text[0]) && !text[1])
		*out = true;
	else if (strchr("nN", text[0]) && !text[1])
		*out = false;
	else
		return false;
	return true;
}

static void
bom_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct export_ask *x = ctx;
	bool bom;

	if (!final)
		return;
	if (!text) {
		export_done(x);
		return;
	}
	if (!answer_yes_no(text, a->set.export_bom, &bom)) {
		app_error(a, "%s", _("Answer y or n: nothing was exported."));
		export_done(x);
		return;
	}
	export_write(x, bom);
	export_done(x);
}

static void
words_prompt(struct app *a, const char *text, bool final, void *ctx)
{
	struct export_ask *x = ctx;

	if (!final)
		return;
	if (!text || !answer_yes_no(text, a->set.export_words, &x->words)) {
		if (text)
			app_error(a, "%s", _("Answer y or n: nothing was exported."));
		export_done(x);
		return;
	}
	app_prompt(a, a->set.export_bom ? _("Add a BOM for spreadsheets (Excel)? [Y/n] ")
					: _("Add a BOM for spreadsheets (Excel)? [y/N] "),
		   false, bom_prompt, x);
}

static void
path_prompt(struct app *a, const char *path, bool final, void *ctx)
{
	struct export_ask *x;

	if (!final || !path || !*path)
		return;
	x = xcalloc(1, sizeof *x);
	x->v = ctx;
	x->path = xstrdup(path);
	app_prompt(a, a->set.export_words ? _("Headers in your language (not column names)? [Y/n] ")
					  : _("Headers in your language (not column names)? [y/N] "),
		   false, words_prompt, x);
}

void
aging_export_ask(struct view *v)
{
	app_prompt(v->app, _("Export the rows shown to (CSV file): "), false, path_prompt, v);
}
