/* rowout: CSV or JSON rows for the exports (see rowout.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "jsonout.h"
#include "money.h"
#include "rowout.h"
#include "store.h"

#define ROWOUT_FLUSH_AT (64 * 1024)

int
rowout_begin(struct rowout *x, const char *format, const char *csv_header)
{
	memset(x, 0, sizeof *x);
	x->json = strcmp(format, "json") == 0;
	if (strcmp(format, "csv") != 0 && !x->json)
		return cli_usage_error(_("unknown format '%s' (use csv or json)"), format);
	sb_init(&x->out);
	sb_adds(&x->out, x->json ? "[\n" : csv_header);
	return UR_OK;
}

void
rowout_row(struct rowout *x)
{
	if (x->json)
		sb_adds(&x->out, x->rows ? ",\n{" : "{");
	x->rows++;
}

void
rowout_cell(struct rowout *x, const char *key, const char *v, int first, int last)
{
	if (x->json)
		jsonout_pair(&x->out, key, v, first);
	else
		csv_put_sep(&x->out, v, last);
}

void
rowout_num(struct rowout *x, const char *key, const char *v, int present, int last)
{
	if (!x->json) {
		csv_put_sep(&x->out, present ? v : "", last);
		return;
	}
	jsonout_key(&x->out, key, 0);
	sb_adds(&x->out, present ? v : "null");
}

void
rowout_bool(struct rowout *x, const char *key, bool v, int last)
{
	if (x->json)
		rowout_num(x, key, v ? "true" : "false", 1, last);
	else
		rowout_cell(x, key, v ? "yes" : "no", 0, last);
}

void
rowout_money(struct rowout *x, const char *key, int64_t v, const char *cur, int present,
	     int last)
{
	char buf[MONEY_BUFSZ] = "";

	if (present)
		money_format(v, cur, MONEY_PLAIN, buf, sizeof buf);
	rowout_num(x, key, buf, present, last);
}

void
rowout_date(struct rowout *x, const char *key, int32_t day)
{
	char d[DATE_ISO_SIZE] = "";

	if (day)
		date_format_iso(day, d);
	rowout_cell(x, key, d, 0, 0);
}

int
rowout_end_row(struct rowout *x)
{
	if (x->json)
		sb_addc(&x->out, '}');
	if (x->out.len >= ROWOUT_FLUSH_AT && cli_flush(&x->out) != UR_OK)
		x->failed = 1;
	return x->failed;
}

int
rowout_export(const struct cli *c, const char *format, const char *csv_header,
	      enum ur_status (*walk)(struct store *st, struct rowout *x, struct ur_err *err))
{
	struct rowout x;
	struct store *st;
	struct ur_err err;
	int rc;

	if ((rc = rowout_begin(&x, format, csv_header)) != UR_OK)
		return rc;
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK) {
		sb_free(&x.out);
		return rc;
	}
	ur_err_clear(&err);
	rc = walk(st, &x, &err);
	store_close(st);
	return rowout_finish(&x, rc, &err);
}

int
rowout_finish(struct rowout *x, int rc, const struct ur_err *err)
{
	if (x->json && rc == UR_OK)
		sb_adds(&x->out, x->rows ? "\n]\n" : "]\n");
	if (x->failed)
		rc = UR_FAIL;
	else if (rc != UR_OK)
		rc = cli_fail(err);
	else if (cli_flush(&x->out) != UR_OK)
		rc = UR_FAIL;
	sb_free(&x->out);
	return rc;
}
