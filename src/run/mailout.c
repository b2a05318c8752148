/* mailout: documents by e-mail (see mailout.h) — one path for the
 * command line and the interface. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "digest.h"
#include "docprint.h"
#include "i18n.h"
#include "mail.h"
#include "mailout.h"
#include "pdf.h"
#include "sha256.h"
#include "store.h"
#include "store_contact.h"
#include "words.h"
#include "xalloc.h"

enum ur_status
mailout_setup(struct mailout *m, const char *file, struct ur_err *err)
{
	m->from = company_get(m->company, "mail-from", NULL);
	if (!*m->from)
		m->from = company_get(m->company, "email", NULL);
	m->command = company_get(m->company, "mail-command", NULL);
	if (!*m->from)
		return ur_fail(err, UR_INPUT,
			       _("%s: no mail-from: set the address mail is sent from, e.g. "
				 "mail-from = keiri@example.co.jp"), file);
	if (mail_address_check(m->from, err) != UR_OK)
		return ur_fail(err, UR_INPUT, _("%s: mail-from: %s"), file, err->msg);
	if (m->dry_run)
		return UR_OK;
	if (!*m->command)
		return ur_fail(err, UR_INPUT,
			       _("%s: no mail-command: set the program that sends mail, e.g. "
				 "mail-command = msmtp -t (see the README, E-mail)"), file);
	return mail_command_check(m->command, err);
}

enum ur_status
mailout_address(struct mailout *m, const char *code, char **address, struct ur_err *err)
{
	struct customer c;
	char why[sizeof err->msg];

	*address = NULL;
	if (store_customer_get(m->st, code, &c, err) != UR_OK)
		return err->status;
	if (!c.email || !*c.email)
		return UR_OK;
	if (mail_address_check(c.email, err) != UR_OK) {
		snprintf(why, sizeof why, "%s", err->msg);
		return ur_fail(err, UR_INPUT, _("customer %s: e-mail address: %s"), code, why);
	}
	*address = xstrdup(c.email); /* the store's until its next look-up */
	return UR_OK;
}

enum ur_status
mailout_rep_address(const struct company *co, const char *rep, const char *file,
		    const char **address, struct ur_err *err)
{
	char why[sizeof err->msg];

	*address = company_rep_email(co, rep);
	if (!**address)
		return ur_fail(err, UR_INPUT,
			       _("%s: no e-mail address for sales rep %s: set rep-email.%s = ADDRESS"),
			       file, rep, rep);
	if (mail_address_check(*address, err) != UR_OK) {
		snprintf(why, sizeof why, "%s", err->msg);
		return ur_fail(err, UR_INPUT, _("%s: rep-email.%s: %s"), file, rep, why);
	}
	return UR_OK;
}

/* The PDF about to be mailed, drawn into m->pdf by draw. */
static enum ur_status
render(struct mailout *m, void (*draw)(struct pdf *, const void *), const void *doc,
       struct ur_err *err)
{
	struct pdf *p;

	if (pdf_open_buffer(&m->pdf, &p, err) != UR_OK)
		return err->status;
	draw(p, doc);
	return pdf_close(p, err);
}

/* t's covering text (its title and addressee its own) into m. */
static void
cover(struct mailout *m, struct mailout_to *t)
{
	t->dm.title = t->title;
	t->dm.customer = t->name;
	docmail_text(&t->dm, m->company, &m->subject, &m->body);
}

/* A statement, or the letter d when set, as drawn by docprint_draw. */
struct stmt_doc {
	const struct company *co;
	const struct statement *s;
	const struct dunning_letter *d;
};

static void
draw_stmt(struct pdf *p, const void *doc)
{
	const struct stmt_doc *x = doc;

	docprint_draw(p, x->s, x->d, x->co);
}

enum ur_status
mailout_doc(struct mailout *m, const char *kind, const struct statement *s,
	    const struct dunning_letter *d, struct mailout_to *t, struct ur_err *err)
{
	struct stmt_doc doc = { m->company, s, d };

	memset(t, 0, sizeof *t);
	if (mailout_address(m, s->code, &t->address, err) != UR_OK)
		return err->status;
	if (!t->address)
		return ur_fail(err, UR_INPUT, _("customer %s has no e-mail address"), s->code);
	t->code = xstrdup(s->code);
	t->name = xstrdup(s->name);
	t->title = xstrdup(m->title ? m->title
			   : d	    ? dunning_letter_title(d->level, s->lang)
				    : stmt_words(s->lang)->title);
	t->dm = (struct docmail){ s->lang, NULL, NULL, s->from, s->to, false };
	t->file_name = docprint_file_name(kind, s->code, m->day);
	t->customer_id = s->cust_id;
	cover(m, t);
	return render(m, draw_stmt, &doc, err);
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

enum ur_status
mailout_digest_doc(struct mailout *m, const char *kind, const struct digest *g,
		   enum stmt_lang lang, int32_t day, const char *rep, const char *address,
		   struct mailout_to *t, struct ur_err *err)
{
	struct digest_doc doc = { g, m->company, lang };

	memset(t, 0, sizeof *t);
	t->code = xstrdup(rep);
	t->address = xstrdup(address);
	t->name = xstrdup(rep);
	t->title = xstrdup(g->title);
	t->dm = (struct docmail){ lang, NULL, NULL, 0, day, true };
	t->file_name = docprint_file_name(kind, rep, day);
	cover(m, t);
	return render(m, draw_digest, &doc, err);
}

enum ur_status
mailout_compose(struct mailout *m, const struct mailout_to *t, struct ur_err *err)
{
	struct mail_msg msg;

	memset(&msg, 0, sizeof msg);
	msg.from = m->from;
	msg.from_name = company_get(m->company, "name", stmt_lang_code(t->dm.lang));
	msg.to = t->address;
	msg.to_name = t->name;
	msg.subject = m->subject.buf;
	msg.body = m->body.buf;
	msg.file_name = t->file_name;
	msg.file_type = "application/pdf";
	msg.file = m->pdf.buf;
	msg.file_len = m->pdf.len;
	free(m->id);
	m->id = NULL;
	return mail_compose(&msg, &m->msg, &m->id, err);
}

/* The contact a mail to a customer is logged as, with what it carried. */
static enum ur_status
log_contact(struct mailout *m, const struct mailout_to *t, struct ur_err *err)
{
	char hex[SHA256_HEX_SIZE], why[sizeof err->msg];
	struct contact_doc doc = { t->file_name, hex, m->id };
	struct contact sent = { .channel = CONTACT_EMAIL, .dunning_level = m->level, .doc = &doc };
	struct sha256 h;
	struct strbuf note;
	enum ur_status rc;

	sha256_init(&h);
	sha256_update(&h, m->pdf.buf, m->pdf.len);
	sha256_hex(&h, hex);
	sb_init(&note);
	sb_addf(&note, _("%s e-mailed to %s (%s)"), t->title, t->address, t->file_name);
	sent.customer_id = t->customer_id;
	sent.note = note.buf;
	sent.next_date = m->next_date;
	rc = store_contact_add(m->st, &sent, m->day, NULL, err);
	sb_free(&note);
	if (rc != UR_OK) {
		snprintf(why, sizeof why, "%s", err->msg);
		return ur_fail(err, UR_FAIL,
			       _("%s: the mail to %s was sent but is not in the contact log"), why,
			       t->code);
	}
	m->logged++;
	return UR_OK;
}

void
mailout_written(struct mailout *m, const struct mailout_to *t)
{
	m->sent++;
	free(m->sent_file);
	m->sent_file = xstrdup(t->file_name);
}

enum ur_status
mailout_deliver(struct mailout *m, const struct mailout_to *t, struct ur_err *err)
{
	if (mail_send(m->command, m->msg.buf, m->msg.len, err) != UR_OK)
		return err->status;
	mailout_written(m, t);
	return t->customer_id ? log_contact(m, t, err) : UR_OK;
}

void
mailout_to_free(struct mailout_to *t)
{
	free(t->code);
	free(t->address);
	free(t->name);
	free(t->title);
	free(t->file_name);
	memset(t, 0, sizeof *t);
}

void
mailout_free(struct mailout *m)
{
	sb_free(&m->pdf);
	sb_free(&m->msg);
	sb_free(&m->subject);
	sb_free(&m->body);
	free(m->sent_file);
	free(m->id);
	m->sent_file = m->id = NULL;
}
