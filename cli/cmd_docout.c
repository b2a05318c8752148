/* cmd_docout: where statements and letters go (see cmd_statement.h) —
 * standard output, one file or a directory of files, as text or PDF —
 * the company settings file, and printing through CUPS' lp. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd_statement.h"
#include "date.h"
#include "docprint.h"
#include "i18n.h"
#include "pdf.h"
#include "render.h"
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

int
docout_company(const char *path, struct company *co)
{
	char *dflt = path ? NULL : config_path("company");
	struct ur_err err;
	bool found = false;
	enum ur_status rc = UR_OK;

	ur_err_clear(&err);
	memset(co, 0, sizeof *co);
	if (path || dflt)
		rc = company_load(path ? path : dflt, co, &found, &err);
	if (rc == UR_OK && !found && path)
		rc = ur_fail(&err, UR_INPUT, _("%s: no such settings file"), path);
	if (rc == UR_OK && !found)
		cli_error(_("note: no company settings in %s: documents show no sender, "
			    "registration number or bank account"), dflt ? dflt : "~/.config/urikake");
	free(dflt);
	return rc == UR_OK ? UR_OK : cli_fail(&err);
}

static bool
is_dir(const char *path)
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

static char *
file_for(const struct docout *o, const char *dir, const char *code)
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
	sb_adds(&sb, o->fmt == DOCOUT_PDF ? ".pdf" : ".txt");
	path = sb_detach(&sb);
	sb_free(&sb);
	return path;
}

static void
remember(struct docout *o, const char *path)
{
	o->files = xrealloc(o->files, (o->nfiles + 1) * sizeof *o->files);
	o->files[o->nfiles++] = xstrdup(path);
}

static int
open_single(struct docout *o, const char *path)
{
	struct ur_err err;

	ur_err_clear(&err);
	o->path = xstrdup(path);
	if (o->fmt == DOCOUT_PDF) {
		if (pdf_open(path, &o->pdf, &err) != UR_OK)
			return cli_fail(&err);
	} else if (!(o->txt = fopen(path, "w"))) {
		cli_error(_("cannot create %s: %s"), path, strerror(errno));
		return UR_FAIL;
	}
	remember(o, path);
	return UR_OK;
}

int
docout_open(struct docout *o, const char *first, size_t count)
{
	char *path;
	int rc;

	if (o->print)
		o->fmt = DOCOUT_PDF;
	o->dir = o->out && is_dir(o->out);
	if (o->out && o->dir && mkdir(o->out, 0777) != 0 && errno != EEXIST) {
		cli_error(_("cannot create directory %s: %s"), o->out, strerror(errno));
		return UR_FAIL;
	}
	if (o->dir)
		return UR_OK;
	if (!o->out && o->fmt == DOCOUT_TXT) {
		o->txt = stdout;
		return UR_OK;
	}
	path = o->out ? xstrdup(o->out) : file_for(o, NULL, count == 1 ? first : "all");
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

static void
render_pdf(struct pdf *p, const struct docout *o, const struct statement *s,
	   const struct dunning_letter *d)
{
	if (d)
		pdf_letter(p, d, o->company);
	else
		pdf_statement(p, s, o->company);
}

/* One customer, one file in the directory. */
static int
add_to_dir(struct docout *o, const struct statement *s, const struct dunning_letter *d)
{
	char *path = file_for(o, o->out, s->code);
	struct ur_err err;
	struct pdf *p;
	struct strbuf sb;
	FILE *f;
	int rc = UR_OK;

	ur_err_clear(&err);
	if (o->fmt == DOCOUT_PDF) {
		if (pdf_open(path, &p, &err) != UR_OK) {
			free(path);
			return cli_fail(&err);
		}
		render_pdf(p, o, s, d);
		o->pages += pdf_pages(p);
		if (pdf_close(p, &err) != UR_OK)
			rc = cli_fail(&err);
	} else {
		sb_init(&sb);
		render_txt(&sb, o, s, d);
		if (!(f = fopen(path, "w")) || fwrite(sb.buf, 1, sb.len, f) != sb.len ||
		    fclose(f) != 0) {
			cli_error(_("cannot write %s: %s"), path, strerror(errno));
			rc = UR_FAIL;
		}
		sb_free(&sb);
	}
	if (rc == UR_OK)
		remember(o, path);
	free(path);
	return rc;
}

int
docout_add(struct docout *o, const struct statement *s, const struct dunning_letter *d)
{
	struct strbuf sb;

	o->docs++;
	if (o->dir)
		return add_to_dir(o, s, d);
	if (o->pdf) {
		render_pdf(o->pdf, o, s, d);
		return UR_OK;
	}
	sb_init(&sb);
	if (o->docs > 1)
		sb_adds(&sb, "\f\n");
	render_txt(&sb, o, s, d);
	if (fwrite(sb.buf, 1, sb.len, o->txt) != sb.len) {
		sb_free(&sb);
		cli_error(_("cannot write %s: %s"), o->path ? o->path : _("the output"),
			  strerror(errno));
		return UR_FAIL;
	}
	sb_free(&sb);
	return UR_OK;
}

static void
free_files(struct docout *o)
{
	for (size_t i = 0; i < o->nfiles; i++)
		free(o->files[i]);
	free(o->files);
	free(o->path);
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
	if (o->txt && o->txt != stdout)
		fclose(o->txt);
	o->pdf = NULL;
	o->txt = NULL;
	for (size_t i = 0; i < o->nfiles; i++)
		unlink(o->files[i]);
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
	if (o->txt && o->txt != stdout && fclose(o->txt) != 0) {
		cli_error(_("cannot write %s: %s"), o->path, strerror(errno));
		rc = UR_FAIL;
	}
	if (o->txt == stdout && fflush(stdout) != 0)
		rc = UR_FAIL;
	o->txt = NULL;
	if (rc == UR_OK && o->nfiles) {
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
