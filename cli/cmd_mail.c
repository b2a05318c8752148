/* cmd_mail: documents by e-mail (`--email`, see cmd_statement.h) —
 * statements, dunning letters, balance confirmations, payment notices and
 * a sales rep's digest: the settings and every address checked before the
 * first mail goes, each document rendered once into memory, composed
 * (src/mail.c) with its covering text in the reader's language
 * (docmail.h), handed to the mail command and, to a customer, logged as a
 * contact — or written as an .eml file with --dry-run. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd_statement.h"
#include "date.h"
#include "digest.h"
#include "docmail.h"
#include "docprint.h"
#include "i18n.h"
#include "mail.h"
#include "pdf.h"
#include "sha256.h"
#include "store.h"
#include "store_contact.h"
#include "store_statement.h"
#include "words.h"
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
	const char *file = settings ? settings : "~/.config/urikake/company";
	struct ur_err err;

	ur_err_clear(&err);
	m->from = company_get(co, "mail-from", NULL);
	if (!*m->from)
		m->from = company_get(co, "email", NULL);
	m->command = company_get(co, "mail-command", NULL);
	if (!*m->from) {
		cli_error(_("%s: no mail-from: set the address mail is sent from, e.g. "
			    "mail-from = keiri@example.co.jp"), file);
		return UR_INPUT;
	}
	if (mail_address_check(m->from, &err) != UR_OK) {
		cli_error(_("%s: mail-from: %s"), file, err.msg);
		return UR_INPUT;
	}
	if (m->dry_run)
		return UR_OK;
	if (!*m->command) {
		cli_error(_("%s: no mail-command: set the program that sends mail, e.g. "
			    "mail-command = msmtp -t (see the README, E-mail)"), file);
		return UR_INPUT;
	}
	return mail_command_check(m->command, &err) == UR_OK ? UR_OK : cli_fail(&err);
}

/* The customer's address, checked: UR_OK with *has false when it has none. */
static int
check_customer(struct mailout *m, const char *code, bool *has)
{
	struct customer c;
	struct ur_err err;

	ur_err_clear(&err);
	if (store_customer_get(m->st, code, &c, &err) != UR_OK)
		return cli_fail(&err);
	*has = c.email && *c.email;
	if (*has && mail_address_check(c.email, &err) != UR_OK) {
		cli_error(_("customer %s: e-mail address: %s"), code, err.msg);
		return UR_INPUT;
	}
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

/* The PDF about to be mailed, drawn into m->pdf by draw. */
static int
render(struct docout *o, void (*draw)(struct pdf *, const void *), const void *doc)
{
	struct mailout *m = o->mail;
	struct ur_err err;
	struct pdf *p;

	ur_err_clear(&err);
	if (pdf_open_buffer(&m->pdf, &p, &err) != UR_OK)
		return cli_fail(&err);
	draw(p, doc);
	o->pages += pdf_pages(p);
	return pdf_close(p, &err) == UR_OK ? UR_OK : cli_fail(&err);
}

/* Where a mail goes, what it says, and the contact it is logged as. */
struct mail_to {
	const char *code;     /* the word in the .eml and copy file names */
	const char *address, *name;
	struct docmail dm;    /* the covering text */
	const char *file_name;
	int64_t customer_id;  /* 0: to one of us, no contact logged */
};

/* The message of t carrying m->pdf into m->msg. */
static int
compose(struct docout *o, const struct mail_to *t, char **id)
{
	struct mailout *m = o->mail;
	struct mail_msg msg;
	struct ur_err err;

	ur_err_clear(&err);
	docmail_text(&t->dm, o->company, &m->subject, &m->body);
	memset(&msg, 0, sizeof msg);
	msg.from = m->from;
	msg.from_name = company_get(o->company, "name", stmt_lang_code(t->dm.lang));
	msg.to = t->address;
	msg.to_name = t->name;
	msg.subject = m->subject.buf;
	msg.body = m->body.buf;
	msg.file_name = t->file_name;
	msg.file_type = "application/pdf";
	msg.file = m->pdf.buf;
	msg.file_len = m->pdf.len;
	return mail_compose(&msg, &m->msg, id, &err) == UR_OK ? UR_OK : cli_fail(&err);
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

/* The contact a mail to a customer is logged as, with what it carried. */
static int
log_contact(struct mailout *m, const struct mail_to *t, const char *id)
{
	char hex[SHA256_HEX_SIZE];
	struct contact_doc doc = { t->file_name, hex, id };
	struct contact sent = { .channel = CONTACT_EMAIL, .dunning_level = m->level, .doc = &doc };
	struct sha256 h;
	struct strbuf note;
	struct ur_err err;
	int rc = UR_OK;

	sha256_init(&h);
	sha256_update(&h, m->pdf.buf, m->pdf.len);
	sha256_hex(&h, hex);
	sb_init(&note);
	sb_addf(&note, _("%s e-mailed to %s (%s)"), t->dm.title, t->address, t->file_name);
	sent.customer_id = t->customer_id;
	sent.note = note.buf;
	sent.next_date = m->next_date;
	ur_err_clear(&err);
	if (store_contact_add(m->st, &sent, date_today(), NULL, &err) != UR_OK) {
		rc = cli_fail(&err);
		cli_error(_("the mail to %s was sent but is not in the contact log"), t->code);
	} else {
		m->logged++;
	}
	sb_free(&note);
	return rc;
}

/* Compose t with m->pdf, then write it (--dry-run) or hand it over and,
 * to a customer, log it. */
static int
mail_pdf(struct docout *o, const struct mail_to *t)
{
	struct mailout *m = o->mail;
	struct ur_err err;
	char *id = NULL;
	int rc;

	ur_err_clear(&err);
	if ((rc = compose(o, t, &id)) != UR_OK)
		return rc;
	if (m->dry_run)
		rc = write_eml(o, t->code);
	else if ((rc = keep_copy(o, t->code)) == UR_OK) {
		if (mail_send(m->command, m->msg.buf, m->msg.len, &err) != UR_OK)
			rc = cli_fail(&err);
		else
			cli_printf(_("Sent %s to %s (%s).\n"), t->file_name, t->address, t->code);
		if (rc == UR_OK && t->customer_id)
			rc = log_contact(m, t, id);
	}
	if (rc == UR_OK) {
		m->sent++;
		free(m->sent_file);
		m->sent_file = xstrdup(t->file_name);
	}
	free(id);
	return rc;
}

/* A statement, or the letter d when set, as drawn by docout_render_pdf. */
struct stmt_doc {
	const struct docout *o;
	const struct statement *s;
	const struct dunning_letter *d;
};

static void
draw_stmt(struct pdf *p, const void *doc)
{
	const struct stmt_doc *x = doc;

	docout_render_pdf(p, x->o, x->s, x->d);
}

int
mailout_add(struct docout *o, const struct statement *s, const struct dunning_letter *d)
{
	struct mailout *m = o->mail;
	struct stmt_doc doc = { o, s, d };
	struct mail_to t = { s->code, NULL, s->name, { s->lang, NULL, s->name, s->from, s->to,
						       false }, NULL, s->cust_id };
	struct customer c;
	struct ur_err err;
	int rc;

	o->docs++;
	ur_err_clear(&err);
	if (store_customer_get(m->st, s->code, &c, &err) != UR_OK)
		return cli_fail(&err);
	t.address = xstrdup(c.email); /* the store's until its next look-up */
	t.dm.title = m->title ? m->title
		     : d    ? dunning_letter_title(d->level, s->lang)
			    : stmt_words(s->lang)->title;
	t.file_name = docprint_file_name(o->kind, s->code, date_today());
	if ((rc = render(o, draw_stmt, &doc)) == UR_OK)
		rc = mail_pdf(o, &t);
	free(unconst(t.file_name));
	free(unconst(t.address));
	return rc;
}

/* A digest, as drawn by pdf_digest. */
struct digest_doc {
	const struct digest *g;
	const struct company *co;
	enum stmt_lang lang;
};

static void
draw_digest(struct pdf *p, const void *doc)
{
	const struct digest_doc *x = doc;

	pdf_digest(p, x->g, x->co, x->lang);
}

int
mailout_digest(struct docout *o, const struct digest *g, enum stmt_lang lang, int32_t day,
	       const char *rep, const char *address)
{
	struct digest_doc doc = { g, o->company, lang };
	struct mail_to t = { rep, address, rep, { lang, g->title, rep, 0, day, true }, NULL, 0 };
	int rc;

	o->docs++;
	t.file_name = docprint_file_name(o->kind, rep, day);
	if ((rc = render(o, draw_digest, &doc)) == UR_OK)
		rc = mail_pdf(o, &t);
	free(unconst(t.file_name));
	return rc;
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

void
mailout_free(struct mailout *m)
{
	sb_free(&m->pdf);
	sb_free(&m->msg);
	sb_free(&m->subject);
	sb_free(&m->body);
	free(m->sent_file);
}
