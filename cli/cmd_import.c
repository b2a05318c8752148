/* cmd_import: `urikake import customers|invoices FILE [--encoding E]` —
 * read the file, decode it to UTF-8, hand it to csvimport, report counts. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "cli.h"
#include "cmd_bank.h"
#include "csvimport.h"
#include "i18n.h"
#include "store.h"

/* The whole of path (or standard input for "-") into raw. */
static int
import_read(const char *path, struct strbuf *raw)
{
	if (strcmp(path, "-") == 0 ? !sb_read_stream(raw, stdin) : !sb_read_file(raw, path)) {
		cli_error(_("%s: cannot read: %s"), path, strerror(errno));
		return UR_FAIL;
	}
	return UR_OK;
}

/* Decode raw (in encoding enc, or detected when enc is "auto") to text. */
static int
import_decode(const char *path, const char *enc, const struct strbuf *raw, struct strbuf *text)
{
	struct ur_err err;
	const char *use = enc;

	ur_err_clear(&err);
	if (charset_refuse_unicode(raw->buf, raw->len, &err) != UR_OK) {
		cli_error("%s: %s", path, err.msg);
		return UR_INPUT;
	}
	if (strcmp(enc, "auto") == 0) {
		use = charset_detect(raw->buf, raw->len);
	} else if (!(use = charset_canonical(enc))) {
		return cli_usage_error(_("unknown encoding '%s'"), enc);
	}
	if (charset_to_utf8(use, raw->buf, raw->len, text, NULL, &err) != UR_OK) {
		cli_error("%s: %s", path, err.msg);
		return err.status == UR_OK ? UR_INPUT : (int)err.status;
	}
	if (strcmp(enc, "auto") == 0 && strcmp(use, "UTF-8") != 0)
		cli_note(_("%s: detected encoding %s\n"), path, use);
	return UR_OK;
}

static void
import_report(const char *what, const struct csvimport_counts *n)
{
	if (strcmp(what, "customers") == 0)
		cli_printf(_("customers: %zu new, %zu updated, %zu unchanged\n"), n->added,
			   n->updated, n->unchanged);
	else
		cli_printf(_("invoices: %zu new, %zu updated, %zu unchanged\n"), n->added,
			   n->updated, n->unchanged);
}

static int
import_run(const struct cli *c, const char *what, const char *path, const struct strbuf *text)
{
	struct csvimport_opts o = { path, cli_progress, NULL };
	struct csvimport_counts n;
	struct store *st;
	struct ur_err err;
	enum ur_status s;
	int rc;

	o.progress_ctx = (void *)_("importing");
	if ((rc = cli_open_store(c, &st)) != UR_OK)
		return rc;
	if (strcmp(what, "customers") == 0)
		s = csvimport_customers(st, text->buf, text->len, &o, &n, &err);
	else
		s = csvimport_invoices(st, text->buf, text->len, &o, &n, &err);
	store_close(st);
	if (s != UR_OK)
		return cli_fail(&err);
	import_report(what, &n);
	return UR_OK;
}

int
cmd_import(const struct cli *c, int argc, char **argv)
{
	const char *enc = "auto", *pos[2];
	const struct cli_opt opts[] = { { "--encoding", &enc, NULL }, { NULL, NULL, NULL } };
	struct strbuf raw, text;
	int npos, rc;

	if (argc > 1 && strcmp(argv[1], "bank") == 0)
		return cmd_bank_import(c, argc - 1, argv + 1);
	if (cli_args(argc - 1, argv + 1, opts, pos, 2, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 2 || (strcmp(pos[0], "customers") != 0 && strcmp(pos[0], "invoices") != 0))
		return cli_usage_error(_("usage: urikake import customers|invoices FILE "
					 "[--encoding E]"));
	sb_init(&raw);
	sb_init(&text);
	rc = import_read(pos[1], &raw);
	if (rc == UR_OK)
		rc = import_decode(pos[1], enc, &raw, &text);
	sb_free(&raw);
	if (rc == UR_OK)
		rc = import_run(c, pos[0], pos[1], &text);
	sb_free(&text);
	return rc;
}
