/* preview: the statement preview over the panes (`p` on a customer) — the
 * plain-text rendering of the customer's statement for its default period,
 * scrollable — and the dunning letter's (`D`: the letter at the customer's
 * next level, as the dunning command writes it), and printing either from
 * there: the PDF goes to CUPS via lp on the printer of the company
 * settings; without a printer the PDF is saved and its path reported. A
 * letter printed or saved is logged as a contact at its level, once; so is
 * a difference notice (the queue's d), with its follow-up date. m e-mails
 * the document to the customer (mail_ask.c), as the commands' --email.
 * The balance confirmation letter (pane 3's c) is recorded as sent, as
 * `confirm send` records it, once printed, saved or e-mailed. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "company.h"
#include "company_src.h"
#include "contact.h"
#include "docprint.h"
#include "draw.h"
#include "dunning_send.h"
#include "i18n.h"
#include "kvconf.h"
#include "notice_send.h"
#include "panes.h"
#include "render.h"
#include "store_confirm.h"
#include "statement.h"
#include "stmt_build.h"
#include "store_statement.h"
#include "xalloc.h"

struct preview {
	struct statement s;
	struct dunning_letter d;  /* a letter's preview: d.title set */
	struct dunning_send send; /*   what logs it */
	char *templates;          /*   the user's templates directory */
	bool logged;              /*   in the contact log already (a
				     confirmation: recorded as sent) */
	bool confirm;             /*   a balance confirmation letter */
	struct notice n;          /* a notice's preview: n.letter.title set */
	struct notice_facts nf;   /*   its facts, for the log */
	char *deposit;            /*   nf.deposit's copy */
	int64_t notice_cust;      /*   whom to log it on; 0: a payer we do not know */
	struct company co;
	enum ui_mail_state mail;  /* whether m can e-mail it */
	char *mail_why;           /*   and why not */
	struct strbuf text;
	size_t *line; /* start of each line in text */
	size_t nlines;
	long top;
};

static void
preview_free(void *ctx)
{
	struct preview *p = ctx;

	dunning_free(&p->d);
	notice_free(&p->n);
	free(p->deposit);
	free(p->mail_why);
	dunning_send_free(&p->send);
	free(p->templates);
	stmt_free(&p->s);
	company_free(&p->co);
	sb_free(&p->text);
	free(p->line);
	free(p);
}

/* Cut the rendering into lines (each ends at its '\n', made a '\0'). */
static void
split_lines(struct preview *p)
{
	size_t cap = 64;

	p->line = xmalloc(cap * sizeof *p->line);
	for (size_t i = 0; i < p->text.len;) {
		char *nl = strchr(p->text.buf + i, '\n');

		if (p->nlines == cap)
			p->line = xrealloc(p->line, (cap *= 2) * sizeof *p->line);
		p->line[p->nlines++] = i;
		if (!nl)
			break;
		*nl = '\0';
		i = (size_t)(nl - p->text.buf) + 1;
	}
}

/* Does printing or saving it log it (a letter or a notice to a customer,
 * not yet logged)? */
static bool
logs(const struct preview *p)
{
	return !p->logged && (p->d.title || p->notice_cust);
}

static void
preview_draw(struct app *a, void *ctx)
{
	struct preview *p = ctx;
	int y = 1, rows = LINES - 3, list = rows - 3;
	char buf[512], hint[512];
	long last = p->top + list < (long)p->nlines ? p->top + list : (long)p->nlines;

	(void)a;
	draw_box(y, 0, rows, COLS, UI_BORDER);
	if (p->n.letter.title)
		snprintf(buf, sizeof buf, _(" Difference notice: %s %s · lines %ld-%ld of %zu "),
			 p->n.s.code, p->n.s.name, p->top + 1, last, p->nlines);
	else if (p->confirm)
		snprintf(buf, sizeof buf, _(" Balance confirmation: %s %s · lines %ld-%ld of %zu "),
			 p->s.code, p->s.name, p->top + 1, last, p->nlines);
	else if (p->d.title)
		snprintf(buf, sizeof buf, _(" Dunning letter (%d %s): %s %s · lines %ld-%ld of %zu "),
			 p->d.level, contact_level_name(p->d.level), p->s.code, p->s.name,
			 p->top + 1, last, p->nlines);
	else
		snprintf(buf, sizeof buf, _(" Statement preview: %s %s · lines %ld-%ld of %zu "),
			 p->s.code, p->s.name, p->top + 1, last, p->nlines);
	draw_text(y, 2, COLS - 4, buf, TEXT_LEFT, UI_HEADER);
	for (long i = p->top; i < (long)p->nlines && i < p->top + list; i++)
		draw_text(y + 1 + (int)(i - p->top), 1, COLS - 2, p->text.buf + p->line[i],
			  TEXT_LEFT, UI_OVERLAY);
	snprintf(hint, sizeof hint, "%s · %s · %s",
		 logs(p) && p->confirm ? _("j/k PgUp/PgDn scroll · p print and record it as sent")
		 : logs(p)	       ? _("j/k PgUp/PgDn scroll · p print and log it")
			 : _("j/k PgUp/PgDn scroll · p print"),
		 ui_mail_hint(p->mail), _("Esc close"));
	draw_text(y + rows - 2, 2, COLS - 4, hint, TEXT_LEFT, UI_MUTED);
}

/* After recording p's document (rc): p is logged and the panes reload;
 * false, said, when it failed. */
static bool
logged(struct app *a, struct preview *p, enum ur_status rc, const struct ur_err *err)
{
	if (rc != UR_OK) {
		app_error(a, "%s", err->msg);
		return false;
	}
	p->logged = true;
	app_refresh(a);
	return true;
}

/* Log the letter or notice just printed or saved (once); false, said,
 * when it fails. */
static bool
log_doc(struct app *a, struct preview *p)
{
	struct ur_err err;
	enum ur_status rc;

	ur_err_clear(&err);
	if (p->n.letter.title) {
		rc = notice_log(a->st, &p->n, &p->nf, p->notice_cust, a->today, &err);
	} else {
		dunning_send_sent(&p->send, &p->d);
		rc = dunning_send_log(&p->send, a->today, &err);
	}
	return logged(a, p, rc, &err);
}

/* Say where the document went and what was logged (what was logged
 * first: lp's reply may not fit). */
static void
said_logged(struct app *a, const struct preview *p, const char *path, const char *printer,
	    const char *job)
{
	char day[32];

	settings_date(&a->set, notice_follow_up(&p->nf, a->today), day, sizeof day);
	if (p->n.letter.title && !*printer)
		app_msg(a, _("Logged with a follow-up on %s; saved %s (no printer)."), day, path);
	else if (p->n.letter.title)
		app_msg(a, _("Logged with a follow-up on %s; sent %s to %s: %s"), day, path, printer,
			job);
	else if (!*printer)
		app_msg(a, _("Saved %s (no printer); logged %d %s."), path, p->d.level,
			contact_level_name(p->d.level));
	else
		app_msg(a, _("Logged %d %s; sent %s to %s: %s"), p->d.level,
			contact_level_name(p->d.level), path, printer, job);
}

/* The PDF's file name: statement-, dunning- or notice-CODE-DATE.pdf (a
 * notice names its deposit too: a customer may get two on a day). */
static char *
doc_file(const struct preview *p, int32_t today)
{
	char code[256];

	if (p->confirm)
		return docprint_file_name("confirmation", p->s.code, today);
	if (!p->n.letter.title)
		return docprint_file_name(p->d.title ? "dunning" : "statement", p->s.code, today);
	if (strcmp(p->n.s.code, p->deposit) == 0)
		return docprint_file_name("notice", p->deposit, today);
	snprintf(code, sizeof code, "%s-%s", p->n.s.code, p->deposit);
	return docprint_file_name("notice", code, today);
}

/* Record the confirmation just printed, saved or e-mailed as sent on
 * today for its balance on today, as `confirm send --as-of TODAY` does;
 * false, said, when it fails. */
static bool
confirm_record(struct app *a, struct preview *p, const char *delivery, const char *file)
{
	struct confirm_send cs = { p->s.cust_id, a->today, a->today, p->s.current,
				   p->s.currency, "confirmation", delivery, file };
	struct ur_err err;

	ur_err_clear(&err);
	return logged(a, p, store_confirm_send(a->st, &cs, NULL, &err), &err);
}

/* p on a confirmation: the PDF written (and printed), then recorded as
 * sent the first time. */
static void
confirm_said(struct app *a, struct preview *p, const char *path, const char *printer,
	     const char *job)
{
	bool first = !p->logged;

	if (first && !confirm_record(a, p, *printer ? "printed" : "saved", path))
		return; /* said why */
	if (first && !*printer)
		app_msg(a, _("Recorded the confirmation as sent, awaiting an answer; saved %s "
			     "(no printer)."), path);
	else if (first)
		app_msg(a, _("Recorded the confirmation as sent, awaiting an answer; sent %s to "
			     "%s: %s"), path, printer, job);
	else if (!*printer)
		app_msg(a, _("Saved %s (no printer in the company settings)."), path);
	else
		app_msg(a, _("Sent %s to %s: %s"), path, printer, job);
}

/* A statement (not a letter, notice or confirmation): a 合計請求書 of a
 * closing customer is recorded as issued once printed, saved or mailed. */
static bool
is_statement(const struct preview *p)
{
	return !p->n.letter.title && !p->d.title && !p->confirm;
}

/* Record p's 合計請求書 as issued; false, said, when it fails. */
static bool
stmt_record(struct app *a, struct preview *p, const char *delivery, const char *file)
{
	struct ur_err err;

	ur_err_clear(&err);
	if (stmt_issued(a->st, &p->s, a->today, delivery, file, NULL, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return false;
	}
	return true;
}

/* Write the PDF in the current directory; print it when a printer is set. */
static void
preview_print(struct app *a, struct preview *p)
{
	const char *printer = company_get(&p->co, "printer", NULL);
	bool notice = p->n.letter.title, log = logs(p);
	const struct statement *s = notice ? &p->n.s : &p->s;
	const struct dunning_letter *d = notice ? &p->n.letter : p->d.title ? &p->d : NULL;
	char *path = doc_file(p, a->today);
	struct strbuf job;
	struct ur_err err;
	int pages = 0;

	ur_err_clear(&err);
	sb_init(&job);
	if (docprint_pdf(s, d, &p->co, path, &pages, &err) != UR_OK)
		app_error(a, "%s", err.msg);
	else if (*printer && docprint_lp(path, printer, &job, &err) != UR_OK)
		app_error(a, "%s", err.msg);
	else if (p->confirm)
		confirm_said(a, p, path, printer, job.buf);
	else if (is_statement(p) && !stmt_record(a, p, *printer ? "printed" : "saved", path))
		; /* said why */
	else if (log && !log_doc(a, p))
		; /* said why */
	else if (log)
		said_logged(a, p, path, printer, job.buf);
	else if (p->d.title && !*printer)
		app_msg(a, _("%d %s is in today's contact log already; saved %s (no printer)."),
			p->d.level, contact_level_name(p->d.level), path);
	else if (p->d.title)
		app_msg(a, _("%d %s is in today's contact log already; sent %s to %s: %s"),
			p->d.level, contact_level_name(p->d.level), path, printer, job.buf);
	else if (!*printer && is_statement(p) && p->s.closing)
		app_msg(a, _("Recorded the 合計請求書 as issued; saved %s (no printer in the company "
			     "settings)."), path);
	else if (!*printer)
		app_msg(a, _("Saved %s (no printer in the company settings)."), path);
	else if (is_statement(p) && p->s.closing)
		app_msg(a, _("Recorded the 合計請求書 as issued; sent %s to %s: %s"), path, printer,
			job.buf);
	else
		app_msg(a, _("Sent %s to %s: %s"), path, printer, job.buf);
	sb_free(&job);
	free(path);
}

/* Once e-mailed, a letter or notice is in the contact log: printed, not
 * logged again. */
static void
mail_sent(struct app *a, void *under)
{
	struct preview *p = under;

	if (p->confirm && !p->logged) {
		char *file = docprint_file_name("confirmation", p->s.code, a->today);

		confirm_record(a, p, "emailed", file); /* an error stays on the message line */
		free(file);
	} else if (is_statement(p)) {
		char *file = docprint_file_name("statement", p->s.code, a->today);

		stmt_record(a, p, "emailed", file); /* an error stays on the message line */
		free(file);
	}
	p->logged = true;
}

/* m: the document to the customer's address, asking first. */
static void
preview_mail(struct app *a, struct preview *p)
{
	bool notice = p->n.letter.title;
	const struct statement *s = notice ? &p->n.s : &p->s;
	const struct dunning_letter *d = notice ? &p->n.letter : p->d.title ? &p->d : NULL;
	struct ui_mail *u;

	if (p->mail != UI_MAIL_OK) {
		app_error(a, "%s", p->mail_why);
		return;
	}
	u = ui_mail_new(a);
	if (notice) { /* as `notice … --email` logs it: with its follow-up date */
		u->m.title = p->n.letter.title;
		u->m.next_date = notice_follow_up(&p->nf, a->today);
	}
	u->m.level = p->d.title ? p->d.level : 0;
	if (u->rc == UR_OK)
		u->rc = mailout_doc(&u->m, notice	? "notice"
					   : p->confirm ? "confirmation"
					   : p->d.title ? "dunning"
							: "statement",
				    s, d, &u->t, &u->err);
	ui_mail_ask(a, u, mail_sent);
}

static bool
preview_key(struct app *a, void *ctx, enum request req, int key)
{
	struct preview *p = ctx;
	long page = LINES - 6 > 1 ? LINES - 6 : 1, max = (long)p->nlines - page;

	(void)key;
	switch (req) {
	case REQ_MOVE_UP: p->top--; break;
	case REQ_MOVE_DOWN: p->top++; break;
	case REQ_PAGE_UP: p->top -= page; break;
	case REQ_PAGE_DOWN: p->top += page; break;
	case REQ_FIRST: p->top = 0; break;
	case REQ_LAST: p->top = max; break;
	case REQ_PRINT: preview_print(a, p); break;
	case REQ_EMAIL: preview_mail(a, p); break;
	case REQ_CANCEL:
	case REQ_QUIT: return false;
	default: break;
	}
	if (p->top > max)
		p->top = max;
	if (p->top < 0)
		p->top = 0;
	return true;
}

/* Our details: $XDG_CONFIG_HOME/urikake/company, else the database's
 * company settings (the demo's); none: empty, and the first preview of
 * the session says so, as the command line does. */
static void
load_company(struct app *a, struct company *co, struct strbuf *text)
{
	char *path = kvconf_path("company");
	struct ur_err err;
	bool found = true;

	ur_err_clear(&err);
	if (company_src_load(a->st, path, co, &found, &err) != UR_OK)
		app_error(a, "%s", err.msg);
	if (!found && !a->told_no_company) {
		a->told_no_company = true;
		sb_adds(text, _("No company settings: sender, registration number and bank "
				"account left out."));
		sb_adds(text, "\n\n");
	}
	free(path);
}

/* A preview of code's statement for o, with our details; NULL, said, when
 * it cannot be built. */
static struct preview *
preview_new(struct app *a, const char *code, const struct stmt_opts *o)
{
	struct preview *p = xcalloc(1, sizeof *p);
	struct store_statement *q = NULL;
	struct ur_err err;

	sb_init(&p->text);
	load_company(a, &p->co, &p->text);
	ur_err_clear(&err);
	if (store_statement_open(a->st, &q, &err) != UR_OK ||
	    stmt_build(a->st, q, code, o, &p->s, &err) != UR_OK) {
		store_statement_close(q);
		app_error(a, "%s", err.msg);
		preview_free(p);
		return NULL;
	}
	store_statement_close(q);
	return p;
}

static void
preview_show(struct app *a, struct preview *p)
{
	struct modal m = { preview_draw, preview_key, preview_free, p, NULL };
	bool notice = p->n.letter.title;
	int64_t id = notice ? p->notice_cust : p->s.cust_id;

	p->mail = ui_mail_why_not(a, id, !notice ? p->s.code : id ? p->n.s.code : p->deposit,
				  &p->mail_why);
	split_lines(p);
	app_modal(a, &m);
}

void
preview_open(struct app *a, const char *code)
{
	struct stmt_opts o = { 0, 0, a->today, -1 };
	struct preview *p = preview_new(a, code, &o);

	if (!p)
		return;
	render_statement_text(&p->s, &p->co, &p->text);
	preview_show(a, p);
}

void
preview_letter_open(struct app *a, const char *code)
{
	struct stmt_opts o = { a->today, a->today, a->today, -1 }; /* as `dunning` on today */
	struct preview *p = preview_new(a, code, &o);
	struct ur_err err;

	if (!p)
		return;
	ur_err_clear(&err);
	p->send.st = a->st;
	p->send.company = &p->co;
	p->send.templates = p->templates = kvconf_path("templates");
	/* a letter logged today already is printed again, not logged again */
	if (dunning_send_next(a->st, &p->s, a->today, &p->send.level, &p->logged, &err) != UR_OK ||
	    dunning_send_letter(&p->send, &p->s, &p->d, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		preview_free(p);
		return;
	}
	dunning_text(&p->d, &p->co, &p->text);
	preview_show(a, p);
}

void
preview_notice_open(struct app *a, const struct notice_facts *f, int64_t customer_id)
{
	struct preview *p = xcalloc(1, sizeof *p);
	struct ur_err err;

	sb_init(&p->text);
	load_company(a, &p->co, &p->text);
	p->templates = kvconf_path("templates");
	ur_err_clear(&err);
	if (notice_make(f, p->templates, &p->co, &p->n, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		preview_free(p);
		return;
	}
	p->nf = (struct notice_facts){ .kind = f->kind, .action = f->action, .by = f->by };
	p->nf.deposit = p->deposit = xstrdup(f->deposit ? f->deposit : "");
	p->notice_cust = customer_id;
	p->n.s.cust_id = customer_id; /* whom an e-mail of it is logged on */
	dunning_text(&p->n.letter, &p->co, &p->text);
	preview_show(a, p);
}

static int
keep_state(const struct confirm_row *r, void *ctx)
{
	*(enum confirm_state *)ctx = r->state;
	return 0;
}

/* Whether customer id has a dispute open: no new confirmation then. */
static bool
disputed(struct app *a, int64_t id, bool *out)
{
	enum confirm_state state = CONFIRM_NOT_SENT;
	struct ur_err err;

	ur_err_clear(&err);
	if (store_confirm_latest(a->st, id, keep_state, &state, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return false;
	}
	*out = state == CONFIRM_DISPUTED;
	return true;
}

void
preview_confirm_open(struct app *a, const struct pane_customer *c)
{
	struct stmt_opts o = { a->today, a->today, a->today, -1 }; /* --as-of today */
	struct preview *p;
	struct ur_err err;
	bool open_dispute;

	if (!disputed(a, c->id, &open_dispute))
		return;
	if (open_dispute)
		return app_error(a, _("%s has a dispute open: resolve it first (urikake confirm "
				      "resolve)"), c->code);
	if (!(p = preview_new(a, c->code, &o)))
		return;
	ur_err_clear(&err);
	p->confirm = true;
	p->send.st = a->st;
	p->send.company = &p->co;
	p->send.templates = p->templates = kvconf_path("templates");
	p->send.level = DUNNING_CONFIRM;
	if (dunning_send_confirm(&p->send, &p->s, a->today, &p->d, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		preview_free(p);
		return;
	}
	dunning_text(&p->d, &p->co, &p->text);
	preview_show(a, p);
}
