/* cmd_mail: statements and dunning letters by e-mail (`--email`, see
 * cmd_statement.h) — the settings and every address checked before the
 * first mail goes, each document rendered once into memory, composed
 * (src/mail.c) with its covering text in the customer's language
 * (docmail.h), handed to the mail command and logged as a contact, or
 * written as an .eml file with --dry-run. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd_statement.h"
#include "date.h"
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

/* mail-from (else the company's email) and mail-command, checked. */
static int
check_settings(struct mailout *m, const struct company *co, const char *settings)
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
	int rc = check_settings(m, co, settings), one;

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

static int
render(struct docout *o, const struct statement *s, const struct dunning_letter *d)
{
	struct mailout *m = o->mail;
	struct ur_err err;
	struct pdf *p;

	ur_err_clear(&err);
	if (pdf_open_buffer(&m->pdf, &p, &err) != UR_OK)
		return cli_fail(&err);
	docout_render_pdf(p, o, s, d);
	o->pages += pdf_pages(p);
	return pdf_close(p, &err) == UR_OK ? UR_OK : cli_fail(&err);
}

/* The message for s (or d) to the customer's address into m->msg. */
static int
compose(struct docout *o, const struct statement *s, const struct dunning_letter *d,
	const char *file_name, char **id)
{
	struct mailout *m = o->mail;
	struct docmail dm = { s->lang, NULL, s->name, s->from, s->to };
	struct mail_msg msg;
	struct customer c;
	struct ur_err err;

	ur_err_clear(&err);
	if (store_customer_get(m->st, s->code, &c, &err) != UR_OK)
		return cli_fail(&err);
	dm.title = d ? dunning_letter_title(d->level, s->lang) : stmt_words(s->lang)->title;
	docmail_text(&dm, o->company, &m->subject, &m->body);
	memset(&msg, 0, sizeof msg);
	msg.from = m->from;
	msg.from_name = company_get(o->company, "name", stmt_lang_code(s->lang));
	msg.to = c.email;
	msg.to_name = s->name;
	msg.subject = m->subject.buf;
	msg.body = m->body.buf;
	msg.file_name = file_name;
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

/* Hand the message over, then log it with what it carried. */
static int
deliver(struct docout *o, const struct statement *s, const char *title, const char *file_name,
	const char *id)
{
	struct mailout *m = o->mail;
	char hex[SHA256_HEX_SIZE];
	struct contact_doc doc = { file_name, hex, id };
	struct contact sent = { .channel = CONTACT_EMAIL, .dunning_level = m->level, .doc = &doc };
	struct sha256 h;
	struct strbuf note;
	struct customer c;
	struct ur_err err;
	int rc;

	ur_err_clear(&err);
	if ((rc = keep_copy(o, s->code)) != UR_OK)
		return rc;
	if (mail_send(m->command, m->msg.buf, m->msg.len, &err) != UR_OK)
		return cli_fail(&err);
	sha256_init(&h);
	sha256_update(&h, m->pdf.buf, m->pdf.len);
	sha256_hex(&h, hex);
	if (store_customer_get(m->st, s->code, &c, &err) != UR_OK)
		return cli_fail(&err);
	sb_init(&note);
	sb_addf(&note, _("%s e-mailed to %s (%s)"), title, c.email, file_name);
	cli_printf(_("Sent %s to %s (%s).\n"), file_name, c.email, s->code);
	sent.customer_id = s->cust_id;
	sent.note = note.buf;
	if (store_contact_add(m->st, &sent, date_today(), NULL, &err) != UR_OK) {
		rc = cli_fail(&err);
		cli_error(_("the mail to %s was sent but is not in the contact log"), s->code);
	}
	sb_free(&note);
	return rc;
}

int
mailout_add(struct docout *o, const struct statement *s, const struct dunning_letter *d)
{
	struct mailout *m = o->mail;
	const char *title = d ? dunning_letter_title(d->level, s->lang) : stmt_words(s->lang)->title;
	char *name = docprint_file_name(o->kind, s->code, date_today()), *id = NULL;
	int rc;

	o->docs++;
	if ((rc = render(o, s, d)) == UR_OK && (rc = compose(o, s, d, name, &id)) == UR_OK)
		rc = m->dry_run ? write_eml(o, s->code) : deliver(o, s, title, name, id);
	if (rc == UR_OK)
		m->sent++;
	free(name);
	free(id);
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
	else
		cli_printf(ngettext_("Sent %zu e-mail; it is in the contact log.\n",
				     "Sent %zu e-mails; each is in the contact log.\n", m->sent),
			   m->sent);
}

void
mailout_free(struct mailout *m)
{
	sb_free(&m->pdf);
	sb_free(&m->msg);
	sb_free(&m->subject);
	sb_free(&m->body);
}
