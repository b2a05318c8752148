/* cmd_mail: documents by e-mail (`--email`, see cmd_statement.h) —
 * statements, dunning letters, balance confirmations, payment notices and
 * a sales rep's digest: the options, the settings and every address
 * checked before the first mail goes, then each document through
 * src/run/mailout.h (rendered, composed, handed to the mail command and,
 * to a customer, logged as a contact — the interface's e-mail key goes
 * the same way) — or written as an .eml file with --dry-run; what went
 * said on standard output. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd_statement.h"
#include "date.h"
#include "i18n.h"
#include "xalloc.h"

int
mailout_options(bool print, const char *format, const char *out, bool dry_run)
{
	if (print)
		return cli_usage_error(_("--email or --print: choose one"));
	if (format && strcmp(format, "pdf") != 0)
		return cli_usage_error(_("--email sends PDF documents: leave out --format txt"));
	if (out && !docout_is_dir(out))
		return cli_usage_error(_("with --email, -o names a directory (ending in /): "
					 "copies of the PDFs sent, or the .eml files of --dry-run"));
	if (dry_run && !out)
		return cli_usage_error(_("--email --dry-run writes .eml files: give the "
					 "directory with -o DIR/"));
	return UR_OK;
}

int
mailout_settings(struct mailout *m, const struct company *co, const char *settings)
{
	struct ur_err err;

	ur_err_clear(&err);
	m->company = co;
	m->day = date_today();
	if (mailout_setup(m, settings ? settings : "~/.config/urikake/company", &err) != UR_OK)
		return cli_fail(&err);
	return UR_OK;
}

/* The customer's address, checked: UR_OK with *has false when it has none. */
static int
check_customer(struct mailout *m, const char *code, bool *has)
{
	struct ur_err err;
	char *address;

	ur_err_clear(&err);
	if (mailout_address(m, code, &address, &err) != UR_OK)
		return cli_fail(&err);
	*has = address != NULL;
	free(address);
	return UR_OK;
}

int
mailout_prepare(struct mailout *m, const struct company *co, const char *settings,
		const char **codes, size_t *ncodes, bool owned, bool all)
{
	bool *has = xcalloc(*ncodes + 1, sizeof *has);
	size_t kept = 0;
	int rc = mailout_settings(m, co, settings), one;

	/* every customer checked, so one run names every address to correct */
	for (size_t i = 0; i < *ncodes && rc != UR_FAIL; i++) {
		if ((one = check_customer(m, codes[i], &has[i])) != UR_OK) {
			rc = rc == UR_OK || one == UR_FAIL ? one : rc;
		} else if (!has[i] && !all) {
			cli_error(_("customer %s has no e-mail address"), codes[i]);
			rc = rc == UR_OK ? UR_INPUT : rc;
		}
	}
	for (size_t i = 0; i < *ncodes && rc == UR_OK; i++) {
		if (has[i])
			codes[kept++] = codes[i];
		else
			cli_error(_("note: customer %s has no e-mail address: not sent"), codes[i]);
		if (!has[i] && owned)
			free(unconst(codes[i]));
	}
	if (rc == UR_OK)
		*ncodes = kept;
	free(has);
	return rc;
}

/* --dry-run: DIR/KIND-CODE.eml, put in place with the rest at the end. */
static int
write_eml(struct docout *o, const char *code)
{
	char *path = docout_file_for(o, o->out, code, ".eml");
	struct outfile *f;
	struct ur_err err;
	int rc = docout_start_file(o, path, &f);

	free(path);
	ur_err_clear(&err);
	if (rc == UR_OK && (outfile_write(f, o->mail->msg.buf, o->mail->msg.len, &err) != UR_OK ||
			    outfile_close(f, &err) != UR_OK))
		rc = cli_fail(&err);
	return rc;
}

/* With -o DIR, the PDF about to be sent, kept before it goes. */
static int
keep_copy(struct docout *o, const char *code)
{
	char *path;
	struct ur_err err;
	int rc = UR_OK;

	if (!o->out)
		return UR_OK;
	ur_err_clear(&err);
	path = docout_file_for(o, o->out, code, ".pdf");
	if (outfile_put(path, o->mail->pdf.buf, o->mail->pdf.len, 0666,
			o->force ? OUTFILE_REPLACE : 0, &err) != UR_OK)
		rc = cli_fail(&err);
	free(path);
	return rc;
}

/* The mail t, its document rendered (rc), composed, then written
 * (--dry-run) or handed over and, to a customer, logged; t freed. */
static int
mail_pdf(struct docout *o, struct mailout_to *t, int rc, struct ur_err *err)
{
	struct mailout *m = o->mail;
	size_t sent = m->sent;

	if (rc == UR_OK)
		rc = mailout_compose(m, t, err);
	if (rc != UR_OK)
		rc = cli_fail(err);
	else if (m->dry_run && (rc = write_eml(o, t->code)) == UR_OK)
		mailout_written(m, t);
	else if (!m->dry_run && (rc = keep_copy(o, t->code)) == UR_OK) {
		rc = mailout_deliver(m, t, err);
		if (m->sent != sent) /* handed over (logged or not) */
			cli_printf(_("Sent %s to %s (%s).\n"), t->file_name, t->address, t->code);
		if (rc != UR_OK)
			rc = cli_fail(err);
	}
	mailout_to_free(t);
	return rc;
}

int
mailout_add(struct docout *o, const struct statement *s, const struct dunning_letter *d)
{
	struct mailout_to t;
	struct ur_err err;

	o->docs++;
	ur_err_clear(&err);
	return mail_pdf(o, &t, mailout_doc(o->mail, o->kind, s, d, &t, &err), &err);
}

int
mailout_digest(struct docout *o, const struct digest *g, enum stmt_lang lang, int32_t day,
	       const char *rep, const char *address)
{
	struct mailout_to t;
	struct ur_err err;

	o->docs++;
	ur_err_clear(&err);
	return mail_pdf(o, &t,
			mailout_digest_doc(o->mail, o->kind, g, lang, day, rep, address, &t, &err),
			&err);
}

void
mailout_summary(const struct docout *o)
{
	const struct mailout *m = o->mail;

	if (m->dry_run)
		cli_printf(ngettext_("Wrote %zu message to %s; nothing was sent (--dry-run).\n",
				     "Wrote %zu messages to %s; nothing was sent (--dry-run).\n",
				     m->sent),
			   m->sent, o->out);
	else if (m->logged)
		cli_printf(ngettext_("Sent %zu e-mail; it is in the contact log.\n",
				     "Sent %zu e-mails; each is in the contact log.\n", m->sent),
			   m->sent);
	else
		cli_printf(ngettext_("Sent %zu e-mail.\n", "Sent %zu e-mails.\n", m->sent),
			   m->sent);
}
