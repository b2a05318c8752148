/* cmd_docout: where statements and letters go (see cmd_statement.h) —
 * standard output, one file or a directory of files, as text or PDF —
 * the company settings file, and printing through CUPS' lp. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd_statement.h"
#include "company_src.h"
#include "date.h"
#include "docprint.h"
#include "i18n.h"
#include "pdf.h"
#include "render.h"
#include "store.h"
#include "xalloc.h"

/* $XDG_CONFIG_HOME/urikake/NAME or ~/.config/urikake/NAME; NULL if neither. */
static char *
config_path(const char *name)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct strbuf sb;
	char *path;

	sb_init(&sb);
	if (xdg && xdg[0] == '/')
		sb_addf(&sb, "%s/urikake/%s", xdg, name);
	else if (home && *home)
		sb_addf(&sb, "%s/.config/urikake/%s", home, name);
	else {
		sb_free(&sb);
		return NULL;
	}
	path = sb_detach(&sb);
	sb_free(&sb);
	return path;
}

char *
docout_templates_dir(void)
{
	return config_path("templates");
}

char *
docout_company_file(const char *path)
{
	return path ? xstrdup(path) : config_path("company");
}

int
docout_company(const struct cli *c, const char *path, struct company *co)
{
	char *dflt = path ? NULL : config_path("company");
	struct store *st = NULL;
	struct ur_err err;
	bool found = false;
	enum ur_status rc = UR_OK;

	ur_err_clear(&err);
	memset(co, 0, sizeof *co);
	if (!path && (rc = cli_open_store_readonly(c, &st)) != UR_OK) {
		free(dflt);
		return rc;
	}
	if (path)
		rc = company_load(path, co, &found, &err);
	else
		rc = company_src_load(st, dflt, co, &found, &err);
	if (rc == UR_OK && !found && path)
		rc = ur_fail(&err, UR_INPUT, _("%s: no such settings file"), path);
	if (rc == UR_OK && !found && st && store_company_several(st))
		cli_error(_("note: no settings for company %s: documents show no sender, "
			    "registration number or bank account (urikake --company %s company "
			    "settings FILE stores them)"), store_company_code(st), store_company_code(st));
	else if (rc == UR_OK && !found)
		cli_error(_("note: no company settings in %s: documents show no sender, "
			    "registration number or bank account"), dflt ? dflt : "~/.config/urikake");
	store_close(st);
	free(dflt);
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}

bool
docout_is_dir(const char *path)
{
	struct stat sb;
	size_t n = strlen(path);

	return (n && path[n - 1] == '/') || (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode));
}

/* A customer code made safe as part of a file name. */
static void
file_word(struct strbuf *sb, const char *code)
{
	for (const char *p = code; *p; p++)
		sb_addc(sb, (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
				    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ? *p : '_');
}

char *
docout_file_for(const struct docout *o, const char *dir, const char *code, const char *ext)
{
	struct strbuf sb;
	char d[DATE_ISO_SIZE], *path;

	sb_init(&sb);
	if (dir) {
		sb_adds(&sb, dir);
		if (sb.len && sb.buf[sb.len - 1] != '/')
			sb_addc(&sb, '/');
	}
	sb_addf(&sb, "%s-", o->kind);
	file_word(&sb, code);
	date_format_iso(date_today(), d);
	if (!dir)
		sb_addf(&sb, "-%s", d);
	sb_adds(&sb, ext ? ext : o->fmt == DOCOUT_PDF ? ".pdf" : ".txt");
	path = sb_detach(&sb);
	sb_free(&sb);
	return path;
}

/* Report why path could not be written, and how to replace it when it
 * is only there already. */
static int
fail_file(const struct docout *o, const char *path, const struct ur_err *err)
{
	struct stat sb;
	int rc = cli_fail(err);

	if (rc == UR_INPUT && !o->force && lstat(path, &sb) == 0 &&
	    (S_ISREG(sb.st_mode) || S_ISLNK(sb.st_mode)))
		cli_error(_("--force replaces existing files (a link itself, never its target)"));
	return rc;
}

/* Start the next file at path, *f; reported when it cannot be. The array
 * may move: only the last entry is ever being written. */
int
docout_start_file(struct docout *o, const char *path, struct outfile **f)
{
	struct ur_err err;

	ur_err_clear(&err);
	o->written = xrealloc(o->written, (o->nfiles + 1) * sizeof *o->written);
	o->files = xrealloc(o->files, (o->nfiles + 1) * sizeof *o->files);
	*f = &o->written[o->nfiles];
	if (outfile_open(*f, path, 0666,
			 (o->force ? OUTFILE_REPLACE : 0) | (o->dir ? OUTFILE_BATCH : 0),
			 &err) != UR_OK)
		return fail_file(o, path, &err);
	o->files[o->nfiles++] = xstrdup(path);
	return UR_OK;
}

static int
open_single(struct docout *o, const char *path)
{
	struct outfile *f;
	struct ur_err err;
	int rc;

	ur_err_clear(&err);
	o->path = xstrdup(path);
	if ((rc = docout_start_file(o, path, &f)) != UR_OK)
		return rc;
	if (o->fmt == DOCOUT_PDF && pdf_open(f, &o->pdf, &err) != UR_OK)
		return cli_fail(&err);
	return UR_OK;
}

int
docout_open(struct docout *o, const char *first, size_t count)
{
	char *path;
	int rc;

	if (o->print || o->mail)
		o->fmt = DOCOUT_PDF;
	o->dir = o->out && docout_is_dir(o->out);
	if (o->out && o->dir && mkdir(o->out, 0777) != 0 && errno != EEXIST) {
		cli_error(_("cannot create directory %s: %s"), o->out, strerror(errno));
		return UR_FAIL;
	}
	if (o->dir || o->mail)
		return UR_OK;
	if (!o->out && o->fmt == DOCOUT_TXT) {
		o->to_stdout = true;
		return UR_OK;
	}
	path = o->out ? xstrdup(o->out)
		      : docout_file_for(o, NULL, count == 1 ? first : "all", NULL);
	rc = open_single(o, path);
	free(path);
	return rc;
}

static void
render_txt(struct strbuf *sb, const struct docout *o, const struct statement *s,
	   const struct dunning_letter *d)
{
	if (d)
		dunning_text(d, o->company, sb);
	else
		render_statement_text(s, o->company, sb);
}

/* One customer, one file in the directory, complete on the disk under a
 * temporary name until docout_close. */
static int
add_to_dir(struct docout *o, const struct statement *s, const struct dunning_letter *d)
{
	char *path = docout_file_for(o, o->out, s->code, NULL);
	struct outfile *f;
	struct ur_err err;
	struct pdf *p;
	struct strbuf sb;
	int rc = docout_start_file(o, path, &f);

	free(path);
	if (rc != UR_OK)
		return rc;
	ur_err_clear(&err);
	if (o->fmt == DOCOUT_PDF) {
		if ((rc = pdf_open(f, &p, &err)) == UR_OK) {
			docprint_draw(p, s, d, o->company);
			o->pages += pdf_pages(p);
			rc = pdf_close(p, &err);
		}
	} else {
		sb_init(&sb);
		render_txt(&sb, o, s, d);
		rc = outfile_write(f, sb.buf, sb.len, &err);
		sb_free(&sb);
	}
	if (rc == UR_OK)
		rc = outfile_close(f, &err);
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}

/* Text to the single file or to standard output, every write checked. */
static int
add_text(struct docout *o, const struct statement *s, const struct dunning_letter *d)
{
	struct ur_err err;
	struct strbuf sb;
	int rc = UR_OK;

	ur_err_clear(&err);
	sb_init(&sb);
	if (o->docs > 1)
		sb_adds(&sb, "\f\n");
	render_txt(&sb, o, s, d);
	if (!o->to_stdout)
		rc = outfile_write(&o->written[0], sb.buf, sb.len, &err) == UR_OK ? UR_OK
									 : cli_fail(&err);
	else if (fwrite(sb.buf, 1, sb.len, stdout) != sb.len) {
		cli_error(_("cannot write the output: %s"), strerror(errno));
		rc = UR_FAIL;
	}
	sb_free(&sb);
	return rc;
}

int
docout_add(struct docout *o, const struct statement *s, const struct dunning_letter *d)
{
	struct ur_err err;

	if (o->mail)
		return mailout_add(o, s, d);
	o->docs++;
	if (o->dir)
		return add_to_dir(o, s, d);
	if (!o->pdf)
		return add_text(o, s, d);
	ur_err_clear(&err);
	docprint_draw(o->pdf, s, d, o->company);
	return pdf_check(o->pdf, &err) == UR_OK ? UR_OK : cli_fail(&err);
}

static void
free_files(struct docout *o)
{
	for (size_t i = 0; i < o->nfiles; i++) {
		outfile_abort(&o->written[i]);
		free(o->files[i]);
	}
	free(o->written);
	free(o->files);
	free(o->path);
	o->written = NULL;
	o->files = NULL;
	o->path = NULL;
	o->nfiles = 0;
}

void
docout_abort(struct docout *o)
{
	struct ur_err err;

	if (o->pdf)
		pdf_close(o->pdf, &err);
	o->pdf = NULL;
	free_files(o);
}

/* Run lp on path (printer from the settings, else lp's default); report
 * the request id, or why not and that the file stays. */
static int
print_file(const struct docout *o, const char *path)
{
	struct strbuf job;
	struct ur_err err;
	int rc;

	sb_init(&job);
	ur_err_clear(&err);
	rc = docprint_lp(path, company_get(o->company, "printer", NULL), &job, &err);
	if (rc == UR_OK)
		cli_printf(_("Sent %s to the printer: %s\n"), path, job.buf);
	else
		cli_fail(&err);
	sb_free(&job);
	return rc;
}

int
docout_close(struct docout *o)
{
	struct ur_err err;
	int rc = UR_OK;

	ur_err_clear(&err);
	if (o->pdf) {
		o->pages += pdf_pages(o->pdf);
		if (pdf_close(o->pdf, &err) != UR_OK)
			rc = cli_fail(&err);
		o->pdf = NULL;
	}
	if (o->to_stdout && fflush(stdout) != 0) {
		cli_error(_("cannot write the output: %s"), strerror(errno));
		rc = UR_FAIL;
	}
	if (rc == UR_OK && o->nfiles &&
	    (o->dir ? outfile_commit_all(o->written, o->nfiles, &err)
		    : outfile_commit(o->written, &err)) != UR_OK)
		rc = cli_fail(&err);
	if (rc == UR_OK && o->mail)
		mailout_summary(o);
	else if (rc == UR_OK && o->nfiles) {
		if (o->fmt == DOCOUT_PDF)
			cli_printf(_("Wrote %s (documents: %zu, pages: %d).\n"),
				   o->dir ? o->out : o->path, o->docs, o->pages);
		else
			cli_printf(_("Wrote %s (documents: %zu).\n"), o->dir ? o->out : o->path,
				   o->docs);
	}
	for (size_t i = 0; rc == UR_OK && o->print && i < o->nfiles; i++)
		rc = print_file(o, o->files[i]);
	free_files(o);
	return rc;
}
