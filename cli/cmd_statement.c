/* cmd_statement: `urikake statement` (customer statements), `urikake
 * dunning` (dunning letters, recorded as contacts) and `urikake confirm
 * send` (balance confirmations, recorded as awaiting an answer) — for
 * named customers or all with open (overdue) balances, with progress and
 * Ctrl-C to stop. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_statement.h"
#include "contact.h"
#include "date.h"
#include "dunning_send.h"
#include "i18n.h"
#include "money.h"
#include "render.h"
#include "stmt_build.h"
#include "store.h"
#include "store_confirm.h"
#include "store_statement.h"
#include "xalloc.h"

static volatile sig_atomic_t cancelled;

static void
on_sigint(int sig)
{
	(void)sig;
	cancelled = 1;
}

/* A confirmation written, to be recorded once every file is in place. */
struct sent_confirm {
	int64_t cust_id, balance;
	char currency[8];
	char *file;
};

/* What the commands were asked for. */
struct job {
	const char **codes;
	size_t ncodes;
	const char *from, *to, *format, *lang, *out, *company_path, *level, *templates, *date;
	int all, print, dry_run, force, email;
	size_t unmailable; /* --email: customers left out for having no address */
	size_t issued, reissued; /* statements: 合計請求書 recorded as issued, of them
				    a period issued before with another total */
	struct stmt_opts opts;
	struct dunning_send send; /* dunning: the letters and their contacts */
	char *templates_dflt;     /*   and the user's templates when not --templates */
	/* confirm send */
	const char *as_of, *document;
	int32_t letter_date;
	struct sent_confirm *confs;
	size_t nconfs;
	struct company company;
	struct docout doc;
	struct mailout mail;
	struct store *st;
	struct store_statement *q;
};

/* Customers with an open (overdue_only: overdue) balance on a day. */
struct collect {
	struct job *job;
	bool overdue_only;
};

static int
on_aging(const struct aging_row *r, void *ctx)
{
	struct collect *c = ctx;
	struct job *j = c->job;

	if (r->total <= 0 || (c->overdue_only && r->total == r->bucket[0]))
		return 0;
	if (j->ncodes && strcmp(j->codes[j->ncodes - 1], r->code) == 0)
		return 0; /* another currency of the same customer */
	j->codes = xrealloc(j->codes, (j->ncodes + 1) * sizeof *j->codes);
	j->codes[j->ncodes++] = xstrdup(r->code);
	return 0;
}

static int
collect_codes(struct job *j, int32_t as_of, bool overdue_only)
{
	static const int bounds[] = { 1 }; /* current or overdue is all on_aging looks at */
	struct collect c = { j, overdue_only };
	struct ur_err err;

	ur_err_clear(&err);
	free(j->codes);
	j->codes = NULL;
	j->ncodes = 0;
	if (store_aging(j->st, as_of, bounds, 1, on_aging, &c, &err) != UR_OK)
		return cli_fail(&err);
	return UR_OK;
}

static int
parse_date(const char *text, int32_t *out)
{
	struct ur_err err;

	*out = 0;
	if (!text)
		return UR_OK;
	if (date_parse(text, out, &err) != UR_OK)
		return cli_usage_error("%s", err.msg);
	return UR_OK;
}

/* --email: PDFs only, not also printed, -o a directory (required for the
 * .eml files of --dry-run). */
static int
check_email(struct job *j)
{
	if (mailout_options(j->print, j->format, j->out, j->dry_run) != UR_OK)
		return UR_USAGE;
	j->doc.fmt = DOCOUT_PDF;
	j->doc.mail = &j->mail;
	j->mail.dry_run = j->dry_run;
	return UR_OK;
}

/* Options shared by both commands: dates, language, format, output. */
static int
check_job(struct job *j, const char *all_flag)
{
	size_t n;

	if (!j->ncodes && !j->all)
		return cli_usage_error(_("name the customers or give %s"), all_flag);
	if (j->ncodes && j->all)
		return cli_usage_error(_("name the customers or give %s, not both"), all_flag);
	if (parse_date(j->from, &j->opts.from) != UR_OK || parse_date(j->to, &j->opts.to) != UR_OK)
		return UR_USAGE;
	j->opts.today = date_today();
	j->opts.lang = -1;
	if (j->lang && (j->opts.lang = stmt_lang_parse(j->lang)) < 0)
		return cli_usage_error(_("unknown language '%s' (use ja, zh_CN or en)"), j->lang);
	n = j->out ? strlen(j->out) : 0;
	if (j->format && strcmp(j->format, "pdf") != 0 && strcmp(j->format, "txt") != 0)
		return cli_usage_error(_("unknown format '%s' (use pdf or txt)"), j->format);
	if (j->format)
		j->doc.fmt = strcmp(j->format, "pdf") == 0 ? DOCOUT_PDF : DOCOUT_TXT;
	else /* PDF into files; text only for a .txt name or standard output */
		j->doc.fmt = j->print || (n && !(n > 4 && strcmp(j->out + n - 4, ".txt") == 0))
				     ? DOCOUT_PDF
				     : DOCOUT_TXT;
	if (j->print && j->doc.fmt == DOCOUT_TXT)
		return cli_usage_error(_("--print needs the PDF format"));
	if (j->email && check_email(j) != UR_OK)
		return UR_USAGE;
	j->doc.out = j->out;
	j->doc.print = j->print;
	j->doc.force = j->force;
	return UR_OK;
}

static int
open_job(const struct cli *c, struct job *j)
{
	struct ur_err err;
	int rc;

	ur_err_clear(&err);
	if ((rc = docout_company(c, j->company_path, &j->company)) != UR_OK)
		return rc;
	j->doc.company = &j->company;
	if ((rc = cli_open_store(c, &j->st)) != UR_OK)
		return rc;
	if (store_statement_open(j->st, &j->q, &err) != UR_OK)
		return cli_fail(&err);
	j->send.st = j->st;
	j->send.company = &j->company;
	j->send.templates = j->templates ? j->templates : (j->templates_dflt = docout_templates_dir());
	return UR_OK;
}

static void
close_job(struct job *j, bool owned_codes)
{
	store_statement_close(j->q);
	mailout_free(&j->mail);
	if (j->st)
		store_close(j->st);
	company_free(&j->company);
	dunning_send_free(&j->send);
	free(j->templates_dflt);
	for (size_t i = 0; i < j->nconfs; i++)
		free(j->confs[i].file);
	free(j->confs);
	if (owned_codes)
		for (size_t i = 0; i < j->ncodes; i++)
			free(unconst(j->codes[i]));
	free(j->codes);
}

/* --email: the settings and every address checked before anything goes. */
static int
prepare_mail(struct job *j)
{
	char *settings = docout_company_file(j->company_path);
	size_t before = j->ncodes;
	int rc;

	j->mail.st = j->st;
	j->mail.level = j->send.level;
	rc = mailout_prepare(&j->mail, &j->company, settings, j->codes, &j->ncodes, j->all,
			     j->all);
	j->unmailable = before - j->ncodes;
	free(settings);
	return rc;
}

/* Each customer in turn through one(), with progress; Ctrl-C stops. */
static int
run(struct job *j, int (*one)(struct job *, const char *))
{
	struct sigaction sa, old;
	const char *label = j->doc.kind;
	int rc = UR_OK;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, &old);
	cancelled = 0;
	if ((rc = docout_open(&j->doc, j->ncodes ? j->codes[0] : "", j->ncodes)) != UR_OK) {
		docout_abort(&j->doc);
		sigaction(SIGINT, &old, NULL);
		return rc;
	}
	for (i = 0; i < j->ncodes && rc == UR_OK && !cancelled; i++) {
		rc = one(j, j->codes[i]);
		if (j->ncodes > 1)
			cli_progress(i + 1, j->ncodes, unconst(label));
	}
	sigaction(SIGINT, &old, NULL);
	if (!cancelled && rc == UR_OK && !j->doc.docs) {
		docout_abort(&j->doc);
		cli_printf("%s\n", _("Nothing to write."));
		return UR_OK;
	}
	if (cancelled || rc != UR_OK) {
		docout_abort(&j->doc);
		if (cancelled)
			cli_error(_("cancelled after %zu of %zu customers; nothing was kept"), i,
				  j->ncodes);
		return rc != UR_OK ? rc : UR_FAIL;
	}
	return docout_close(&j->doc);
}

/* A 合計請求書 written (or e-mailed) is recorded as issued, with its billed
 * total as printed and its slips; a preview on standard output and the
 * mails of --dry-run are not. Files are recorded in the transaction that
 * run_statements commits once they are in place; a mail at once. */
static int
issue_statement(struct job *j, const struct statement *s, size_t mailed_before)
{
	const char *file = j->email	 ? j->mail.sent_file
			   : j->doc.dir	 ? j->doc.files[j->doc.nfiles - 1]
			   : j->doc.path ? j->doc.path
					 : "";
	struct ur_err err;
	int64_t prev;

	if (j->doc.to_stdout || j->dry_run || (j->email && j->mail.sent == mailed_before))
		return UR_OK;
	ur_err_clear(&err);
	if (stmt_issued(j->st, s, j->opts.today, j->email ? "emailed" : j->print ? "printed"
										 : "saved",
			file, &prev, &err) != UR_OK)
		return cli_fail(&err);
	j->issued += s->closing;
	j->reissued += prev >= 0 && prev != s->billed;
	return UR_OK;
}

static int
one_statement(struct job *j, const char *code)
{
	struct statement s;
	struct ur_err err;
	size_t mailed = j->mail.sent;
	int rc;

	ur_err_clear(&err);
	if (stmt_build(j->st, j->q, code, &j->opts, &s, &err) != UR_OK)
		return cli_fail(&err);
	rc = docout_add(&j->doc, &s, NULL);
	if (rc == UR_OK)
		rc = issue_statement(j, &s, mailed);
	stmt_free(&s);
	return rc;
}

/* The statements written, and the 合計請求書 among them recorded as issued
 * in one transaction, kept only when every file is in place. */
static int
run_statements(struct job *j)
{
	struct ur_err err;
	int rc;

	ur_err_clear(&err);
	if (!j->email && store_begin(j->st, &err) != UR_OK)
		return cli_fail(&err);
	rc = run(j, one_statement);
	if (!j->email && rc != UR_OK)
		store_rollback(j->st);
	else if (!j->email && store_commit(j->st, &err) != UR_OK)
		rc = cli_fail(&err);
	if (rc == UR_OK && j->issued)
		cli_printf(ngettext_("Recorded %zu closing statement (合計請求書) as issued: its "
				     "billed total is the matcher's evidence.\n",
				     "Recorded %zu closing statements (合計請求書) as issued: their "
				     "billed totals are the matcher's evidence.\n", j->issued),
			   j->issued);
	if (rc == UR_OK && j->reissued)
		cli_printf(ngettext_("%zu of them re-issues a period with another total: the latest "
				     "counts, the earlier stays in the history.\n",
				     "%zu of them re-issue a period with another total: the latest "
				     "counts, the earlier stay in the history.\n", j->reissued),
			   j->reissued);
	return rc;
}

/* A document job: j cleared, kind its documents, its options read and its
 * customer codes the positional arguments (j->codes owns the array);
 * UR_USAGE on a bad option. */
static int
job_args(struct job *j, const char *kind, const struct cli_opt *opts, int argc, char **argv)
{
	const char **pos = xcalloc((size_t)argc + 1, sizeof *pos);
	int npos;

	memset(j, 0, sizeof *j);
	j->doc.kind = kind;
	if (cli_args(argc - 1, argv + 1, opts, pos, argc, &npos) != UR_OK) {
		free(pos);
		return UR_USAGE;
	}
	j->codes = pos;
	j->ncodes = (size_t)npos;
	return UR_OK;
}

int
cmd_statement(const struct cli *c, int argc, char **argv)
{
	struct job j;
	const struct cli_opt opts[] = {
		{ "--all-open", NULL, &j.all },	{ "--from", &j.from, NULL },
		{ "--to", &j.to, NULL },	{ "--format", &j.format, NULL },
		{ "--lang", &j.lang, NULL },	{ "-o", &j.out, NULL },
		{ "--output", &j.out, NULL },	{ "--print", NULL, &j.print },
		{ "--company", &j.company_path, NULL }, { "--force", NULL, &j.force },
		{ "--email", NULL, &j.email },	{ "--dry-run", NULL, &j.dry_run },
		{ NULL, NULL, NULL },
	};
	int rc;

	if (job_args(&j, "statement", opts, argc, argv) != UR_OK)
		return UR_USAGE;
	if (j.dry_run && !j.email) {
		free(j.codes);
		return cli_usage_error(_("--dry-run goes with --email (it writes the mails)"));
	}
	if ((rc = check_job(&j, "--all-open")) == UR_OK && (rc = open_job(c, &j)) == UR_OK &&
	    (!j.all || (rc = collect_codes(&j, j.opts.to ? j.opts.to : j.opts.today, false)) ==
			       UR_OK) &&
	    (!j.email || (rc = prepare_mail(&j)) == UR_OK))
		rc = j.ncodes ? run_statements(&j) : UR_OK;
	if (rc == UR_OK && !j.ncodes && !j.unmailable)
		cli_printf("%s\n", _("No customer has an open balance."));
	close_job(&j, j.all);
	return rc;
}

static int
one_letter(struct job *j, const char *code)
{
	struct statement s;
	struct dunning_letter d;
	struct ur_err err;
	int rc;

	ur_err_clear(&err);
	if (stmt_build(j->st, j->q, code, &j->opts, &s, &err) != UR_OK)
		return cli_fail(&err);
	if (!stmt_overdue_count(&s)) {
		if (j->ncodes == 1 || !j->all)
			cli_error(_("%s: nothing is overdue, no letter"), code);
		stmt_free(&s);
		return UR_OK;
	}
	if (dunning_send_letter(&j->send, &s, &d, &err) != UR_OK) {
		stmt_free(&s);
		return cli_fail(&err);
	}
	rc = docout_add(&j->doc, &s, &d);
	if (rc == UR_OK)
		dunning_send_sent(&j->send, &d);
	dunning_free(&d);
	stmt_free(&s);
	return rc;
}

/* Every letter written becomes a contact at its level, in one go — but a
 * preview (standard output, --dry-run) never, and a letter already logged
 * today at its level not twice (it was printed again). */
static int
record_contacts(struct job *j)
{
	struct ur_err err;
	size_t n;

	ur_err_clear(&err);
	if (j->dry_run || j->email || !j->send.nsent) /* each mail was logged as it went */
		return UR_OK;
	if (j->doc.to_stdout) {
		cli_error(_("note: a preview on standard output logs nothing: -o FILE or --print "
			    "sends the letters and logs them"));
		return UR_OK;
	}
	if (dunning_send_log(&j->send, date_today(), &err) != UR_OK)
		return cli_fail(&err);
	if ((n = j->send.nsent - j->send.nagain))
		cli_printf(ngettext_("Recorded %zu letter at level %d in the contact log.\n",
				     "Recorded %zu letters at level %d in the contact log.\n", n),
			   n, j->send.level);
	if (j->send.nagain)
		cli_printf(ngettext_("%zu letter at level %d was in today's contact log already: "
				     "not logged again.\n",
				     "%zu letters at level %d were in today's contact log already: "
				     "not logged again.\n", j->send.nagain),
			   j->send.nagain, j->send.level);
	return UR_OK;
}

/* --level: a level a letter goes with; the levels named from contact.c's
 * table otherwise. */
static int
level_arg(struct job *j)
{
	int n = j->level && strlen(j->level) == 1 ? j->level[0] - '0' : -1;
	struct strbuf letters;

	if (contact_level_letter(n)) {
		j->send.level = n;
		return UR_OK;
	}
	sb_init(&letters);
	contact_level_list(true, &letters);
	if (!j->level)
		cli_usage_error(_("give the dunning level with --level: %s"), letters.buf);
	else if (n >= 1 && n <= ARCONF_LEVELS)
		cli_usage_error(_("dunning level %d (%s) has no letter; letters go with %s"), n,
				contact_level_name(n), letters.buf);
	else
		cli_usage_error(_("unknown dunning level '%s' (letters go with %s)"), j->level,
				letters.buf);
	sb_free(&letters);
	return UR_USAGE;
}

static int
dunning_args(struct job *j)
{
	int32_t day;

	if (level_arg(j) != UR_OK || parse_date(j->date, &day) != UR_OK)
		return UR_USAGE;
	j->opts.from = j->opts.to = day ? day : date_today();
	return UR_OK;
}

int
cmd_dunning(const struct cli *c, int argc, char **argv)
{
	struct job j;
	const struct cli_opt opts[] = {
		{ "--all-overdue", NULL, &j.all }, { "--level", &j.level, NULL },
		{ "--date", &j.date, NULL },	   { "--format", &j.format, NULL },
		{ "--lang", &j.lang, NULL },	   { "-o", &j.out, NULL },
		{ "--output", &j.out, NULL },	   { "--print", NULL, &j.print },
		{ "--company", &j.company_path, NULL },
		{ "--templates", &j.templates, NULL },
		{ "--dry-run", NULL, &j.dry_run }, { "--force", NULL, &j.force },
		{ "--email", NULL, &j.email },
		{ NULL, NULL, NULL },
	};
	int rc;

	if (job_args(&j, "dunning", opts, argc, argv) != UR_OK)
		return UR_USAGE;
	if ((rc = check_job(&j, "--all-overdue")) == UR_OK && (rc = dunning_args(&j)) == UR_OK &&
	    (rc = open_job(c, &j)) == UR_OK &&
	    (!j.all || (rc = collect_codes(&j, j.opts.to, true)) == UR_OK) &&
	    (!j.email || (rc = prepare_mail(&j)) == UR_OK))
		rc = j.ncodes ? run(&j, one_letter) : UR_OK;
	if (rc == UR_OK && !j.ncodes && !j.unmailable)
		cli_printf("%s\n", _("No customer has an overdue balance."));
	if (rc == UR_OK)
		rc = record_contacts(&j);
	if (rc == UR_OK && j.send.level == CONTACT_LEVEL_CERTIFIED && j.send.ja_sent && !j.dry_run &&
	    !j.email)
		cli_error(_("note: a level-3 letter in Japanese is the wording for 内容証明郵便: "
			    "retype it to the post office's limits (e.g. 26 lines of 20 characters "
			    "a page) before sending"));
	close_job(&j, j.all);
	return rc;
}

/* Whether the customer has a dispute open (no new confirmation then). */
static int
on_latest(const struct confirm_row *r, void *ctx)
{
	*(bool *)ctx = r->state == CONFIRM_DISPUTED;
	return 1;
}

static void
remember_confirm(struct job *j, const struct statement *s)
{
	struct sent_confirm *c;
	const char *file = j->email	   ? j->mail.sent_file /* the attachment */
			   : j->doc.dir	   ? j->doc.files[j->doc.nfiles - 1]
			   : j->doc.path ? j->doc.path
					 : ""; /* standard output */

	j->confs = xrealloc(j->confs, (j->nconfs + 1) * sizeof *j->confs);
	c = &j->confs[j->nconfs++];
	c->cust_id = s->cust_id;
	c->balance = s->current;
	snprintf(c->currency, sizeof c->currency, "%s", s->currency);
	c->file = xstrdup(file);
}

/* Confirmation i recorded as sent (in the caller's transaction, if any). */
static int
record_one(struct job *j, size_t i, struct ur_err *err)
{
	const struct sent_confirm *c = &j->confs[i];
	struct confirm_send cs = { c->cust_id, j->letter_date, j->opts.to, c->balance,
				   c->currency, j->document,
				   j->email ? "emailed" : j->print ? "printed" : "saved", c->file };

	return store_confirm_send(j->st, &cs, NULL, err);
}

static void
say_recorded(size_t n)
{
	cli_printf(ngettext_("Recorded %zu confirmation as sent, awaiting an answer.\n",
			     "Recorded %zu confirmations as sent, awaiting an answer.\n", n),
		   n);
}

/* Every confirmation written is recorded as sent, in one transaction
 * (an e-mailed one was, as its mail went). */
static int
record_confirms(struct job *j)
{
	struct ur_err err;

	ur_err_clear(&err);
	if (j->dry_run || !j->nconfs)
		return UR_OK;
	if (j->email) {
		say_recorded(j->nconfs);
		return UR_OK;
	}
	if (store_begin(j->st, &err) != UR_OK)
		return cli_fail(&err);
	for (size_t i = 0; i < j->nconfs; i++)
		if (record_one(j, i, &err) != UR_OK) {
			store_rollback(j->st);
			return cli_fail(&err);
		}
	if (store_commit(j->st, &err) != UR_OK)
		return cli_fail(&err);
	say_recorded(j->nconfs);
	return UR_OK;
}

/* The confirmation just e-mailed, recorded at once: a later mail that
 * fails leaves those already sent recorded, as their contacts are. */
static int
record_emailed(struct job *j, const char *code)
{
	struct ur_err err;

	ur_err_clear(&err);
	if (record_one(j, j->nconfs - 1, &err) == UR_OK)
		return UR_OK;
	cli_fail(&err);
	cli_error(_("the confirmation e-mailed to %s is not recorded as sent"), code);
	return UR_FAIL;
}

/* The letter (or statement) of one customer; one with a dispute open is
 * refused when named, passed over in --all. */
static int
one_confirmation(struct job *j, const char *code)
{
	struct statement s;
	struct dunning_letter d;
	struct ur_err err;
	bool disputed = false;
	int rc;

	ur_err_clear(&err);
	if (stmt_build(j->st, j->q, code, &j->opts, &s, &err) != UR_OK)
		return cli_fail(&err);
	if (store_confirm_latest(j->st, s.cust_id, on_latest, &disputed, &err) != UR_OK) {
		stmt_free(&s);
		return cli_fail(&err);
	}
	if (disputed) {
		cli_error(_("%s has a dispute open: resolve it first (urikake confirm resolve)"),
			  code);
		stmt_free(&s);
		return j->all ? UR_OK : UR_INPUT;
	}
	if (strcmp(j->document, "statement") == 0) {
		rc = docout_add(&j->doc, &s, NULL);
	} else if (dunning_send_confirm(&j->send, &s, j->letter_date, &d, &err) != UR_OK) {
		stmt_free(&s);
		return cli_fail(&err);
	} else {
		rc = docout_add(&j->doc, &s, &d);
		dunning_free(&d);
	}
	if (rc == UR_OK)
		remember_confirm(j, &s);
	if (rc == UR_OK && j->email && !j->dry_run)
		rc = record_emailed(j, code);
	stmt_free(&s);
	return rc;
}

static int
confirm_args(struct job *j)
{
	int32_t day;
	int y, m, d;

	if (!j->as_of)
		return cli_usage_error(_("give the balance date with --as-of DATE"));
	if (parse_date(j->as_of, &day) != UR_OK)
		return UR_USAGE;
	if (strcmp(j->document, "confirmation") != 0 && strcmp(j->document, "statement") != 0)
		return cli_usage_error(_("--document is confirmation or statement"));
	j->letter_date = j->opts.today;
	j->opts.to = day;
	/* a statement covers the as-of date's month; a letter states the balance */
	date_to_ymd(day, &y, &m, &d);
	j->opts.from = strcmp(j->document, "statement") == 0 ? date_from_ymd(y, m, 1) : day;
	j->send.level = DUNNING_CONFIRM;
	return UR_OK;
}

int
cmd_confirm_send(const struct cli *c, int argc, char **argv)
{
	struct job j;
	const struct cli_opt opts[] = {
		{ "--all", NULL, &j.all },	    { "--as-of", &j.as_of, NULL },
		{ "--document", &j.document, NULL }, { "--format", &j.format, NULL },
		{ "--lang", &j.lang, NULL },	    { "-o", &j.out, NULL },
		{ "--output", &j.out, NULL },	    { "--print", NULL, &j.print },
		{ "--company", &j.company_path, NULL },
		{ "--templates", &j.templates, NULL },
		{ "--dry-run", NULL, &j.dry_run },  { "--force", NULL, &j.force },
		{ "--email", NULL, &j.email },
		{ NULL, NULL, NULL },
	};
	int rc;

	if (job_args(&j, "confirmation", opts, argc, argv) != UR_OK)
		return UR_USAGE;
	if (!j.document)
		j.document = "confirmation";
	if ((rc = check_job(&j, "--all")) == UR_OK && (rc = confirm_args(&j)) == UR_OK &&
	    (rc = open_job(c, &j)) == UR_OK &&
	    (!j.all || (rc = collect_codes(&j, j.opts.to, false)) == UR_OK) &&
	    (!j.email || (rc = prepare_mail(&j)) == UR_OK))
		rc = j.ncodes ? run(&j, one_confirmation) : UR_OK;
	if (rc == UR_OK && !j.ncodes && !j.unmailable)
		cli_printf("%s\n", _("No customer has an open balance."));
	if (rc == UR_OK)
		rc = record_confirms(&j);
	close_job(&j, j.all);
	return rc;
}
