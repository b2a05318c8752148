/* help: the program's usage (urikake --help) and each command's own help
 * (urikake COMMAND --help): synopses as typed, descriptions translated.
 * doc/urikake.1 says the same; tests/cli/help.sh holds them together. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "i18n.h"

/* The command summary: synopses stay as typed, descriptions are translated. */
static const struct {
	const char *synopsis;
	const char *what;
} usage_lines[] = {
	{ "init [--group NAME]", N_("create or migrate the database") },
	{ "demo [--size small|large] [--csv DIR]", N_("fill a new database with sample data") },
	{ "demo bank-file PATH [--records N]", N_("write a large Zengin file (benchmarks)") },
	{ "import customers|invoices FILE [--encoding E]", N_("upsert records from a CSV file") },
	{ "import bank FILE [--format F] [--encoding E]", N_("import bank deposits") },
	{ "export customers|invoices|deposits|allocations|contacts|confirmations "
	  "[--format csv|json]",
	  N_("write records to standard output") },
	{ "aging [--as-of DATE] [--format table|csv|json] [--buckets 30,60,90]",
	  N_("the aged-receivables report") },
	{ "match --auto [--dry-run] [--json]", N_("match every unexplained deposit") },
	{ "match confirm --deposit REF --invoice NUM[:AMOUNT]... [--fee A] [--on-account A]",
	  N_("confirm one match by hand") },
	{ "match undo|show --deposit REF", N_("void a match, or show the ranked proposals") },
	{ "match aliases [list|edit|remove]", N_("the learned payer names") },
	{ "contact add CUSTOMER --channel C --note TEXT [--promise DATE:AMOUNT] [--next DATE]",
	  N_("log a follow-up call, letter or visit") },
	{ "contact list CUSTOMER | worklist [--date D] [--rep NAME] | dunning CUSTOMER --level N",
	  N_("a customer's contacts, today's worklist, a dunning step") },
	{ "contact digest [--rep NAME] [--date D] [--format pdf|txt] [-o PATH|--print|--email]",
	  N_("today's worklist as a document to print or e-mail, for one sales rep") },
	{ "statement CUSTOMER...|--all-open [--from D] [--to D] [--format pdf|txt] "
	  "[-o PATH|--print|--email [--dry-run]] [--force]",
	  N_("customer statements") },
	{ "dunning CUSTOMER...|--all-overdue --level N [--format pdf|txt] [-o PATH|--print|--email] "
	  "[--force]",
	  N_("dunning letters, logged once a day (the same letter again is a reprint)") },
	{ "confirm send CUSTOMER...|--all --as-of DATE [--format pdf|txt] [-o DIR|--print|--email]",
	  N_("balance confirmation letters, recorded as awaiting an answer") },
	{ "confirm answer CUSTOMER --agreed | --balance AMOUNT --reason TEXT",
	  N_("the customer's answer: agreed, or their figure (opens a dispute)") },
	{ "confirm resolve CUSTOMER [--invoice NUM] [--note TEXT]... [--close] | list [--state S]",
	  N_("explain and close a dispute; every customer's confirmation state") },
	{ "notice difference --deposit REF --action keep|refund|expect [--by DATE] "
	  "[-o PATH|--print|--email]",
	  N_("a payment difference notice, logged as a contact") },
	{ "notice refund ID [-o PATH|--print|--email]", N_("a refund notice, logged as a contact") },
	{ "refund --customer CODE|--deposit REF --amount A --date D --to TEXT --reason TEXT",
	  N_("pay back money on account or a mistaken transfer") },
	{ "refund list | refund undo ID", N_("the refunds recorded; undo one") },
	{ "company list | company add CODE NAME", N_("the client companies the database keeps") },
	{ "company account CODE BANK BRANCH NUMBER | company accounts",
	  N_("the receiving accounts each company owns: bank files go to their owner") },
	{ "company settings FILE",
	  N_("store the current company's settings (letterhead, bank details) in the database") },
	{ "company grant|revoke CODE USER | company users [CODE]",
	  N_("the users each company is open to (none granted: every clerk)") },
	{ "backup PATH", N_("copy the database while in use") },
	{ "migrate --from SQLITE_FILE --to postgresql://…",
	  N_("copy a whole SQLite database into PostgreSQL, checking counts and sums") },
};

void
cli_usage(FILE *f)
{
	fputs(_("Usage: urikake [--db PATH] [--user NAME] [--lang ja|zh_CN|en] [--company CODE] "
		"[COMMAND ...]\n"
		"Without a command: the full-screen program.\n"
		"\n"
		"Commands:\n"), f);
	for (size_t i = 0; i < sizeof usage_lines / sizeof usage_lines[0]; i++)
		fprintf(f, "  %s\n      %s\n", usage_lines[i].synopsis, _(usage_lines[i].what));
	fputs(_("\n"
		"Options:\n"
		"  --db PATH      database: a file, or a PostgreSQL server's postgresql://…\n"
		"                 URL (default $URIKAKE_DB, else the config file's db =,\n"
		"                 else $XDG_DATA_HOME/urikake/urikake.db)\n"
		"  --user NAME    who is recorded in the audit log (default $URIKAKE_USER)\n"
		"  --lang L       language of messages: ja, zh_CN or en\n"
		"  --company CODE the client company, when the database keeps several\n"
		"                 (default $URIKAKE_COMPANY, else the config file's company =)\n"
		"  --force-network-fs  open a database on a network file system (NFS,\n"
		"                 SMB) all the same: refused otherwise\n"
		"  --help         show this help\n"
		"  --version      show the version\n"
		"\n"
		"'urikake COMMAND --help' shows one command's options.\n"), f);
}

/* One option of a command: as typed, and what it does (translated). */
struct help_opt {
	const char *opt;
	const char *what;
};

/* One command's help: up to six synopses (after "urikake"), one line on
 * what it does, its options (ending with a NULL opt). */
struct cmd_help {
	const char *name;
	const char *synopsis[6];
	const char *what;
	const struct help_opt *opts;
};

/* Options several document commands share, described once (the order
 * each command lists them in is its own). */
#define HELP_DOC_OUT \
	{ "--format pdf|txt", N_("document format (default pdf)") }, \
	{ "--lang L", N_("language of the document: ja, zh_CN or en") }, \
	{ "-o, --output PATH", N_("write to PATH (DIR/ for one file per customer)") }, \
	{ "--print", N_("send to the printer (lp)") }
#define HELP_EMAIL \
	{ "--email", N_("e-mail each PDF to the customer's address (mail-command in the company " \
			"settings), logged as a contact; -o DIR/ keeps copies") }
#define HELP_COMPANY \
	{ "--company FILE", N_("company settings (default from the config directory)") }
#define HELP_TEMPLATES { "--templates DIR", N_("your own letter texts") }
#define HELP_FORCE { "--force", N_("replace an existing file") }

static const struct help_opt init_opts[] = {
	{ "--group NAME", N_("share the database with this Unix group (PostgreSQL: give this "
			     "role the role urikake_clerk)") },
	{ NULL, NULL },
};
static const struct help_opt backup_opts[] = { { NULL, NULL } };
static const struct help_opt migrate_opts[] = {
	{ "--from FILE", N_("the SQLite database to copy (read only; at this urikake's schema "
			    "version)") },
	{ "--to URL", N_("the PostgreSQL database: made by urikake --db URL init, and empty or "
			 "holding this file's copy already (then it is only checked)") },
	{ NULL, NULL },
};
static const struct help_opt demo_opts[] = {
	{ "--size small|large", N_("300 customers (small) or 1,000,000 invoices (large)") },
	{ "--csv DIR", N_("only write the demo's customers.csv and invoices.csv to DIR") },
	{ "--records N", N_("bank-file: how many deposit records to write") },
	{ NULL, NULL },
};
static const struct help_opt import_opts[] = {
	{ "--encoding E", N_("auto (default), utf-8, cp932 or gb18030") },
	{ "--format F",
	  N_("bank files: auto (default), zengin-transfer, zengin-transfer-b, zengin-statement, "
	     "csv:PROFILE, camt053 or camt054") },
	{ NULL, NULL },
};
static const struct help_opt export_opts[] = {
	{ "--format csv|json", N_("output format (default csv)") },
	{ NULL, NULL },
};
static const struct help_opt aging_opts[] = {
	{ "--as-of DATE", N_("age the receivables as of this date (default today)") },
	{ "--format table|csv|json", N_("output format (default table)") },
	{ "--buckets 30,60,90", N_("the bucket limits in days (default from the config file)") },
	{ NULL, NULL },
};
static const struct help_opt match_opts[] = {
	{ "--auto", N_("match every deposit whose best proposal is unambiguous") },
	{ "--dry-run", N_("say what would be matched, write nothing") },
	{ "--json", N_("output as JSON") },
	{ "--threshold N", N_("the score a proposal needs to be taken (0-100)") },
	{ "--margin N", N_("its lead over the next customer's proposal") },
	{ "--tolerance N", N_("the largest difference accepted as a transfer fee") },
	{ "--deposit REF", N_("the deposit (confirm, undo, show)") },
	{ "--invoice NUM[:AMOUNT]", N_("an invoice and the amount cleared (repeatable)") },
	{ "--fee AMOUNT", N_("the part the customer deducted as a transfer fee") },
	{ "--allow-large-fee", N_("accept a fee above the customer's limit") },
	{ "--on-account AMOUNT", N_("cash kept on account for the customer") },
	{ "--customer CODE", N_("whose money is kept on account; aliases edit: the alias's new customer") },
	{ NULL, NULL },
};
static const struct help_opt contact_opts[] = {
	{ "--channel C", N_("phone, email, letter, visit or sms") },
	{ "--note TEXT", N_("what was said or sent") },
	{ "--promise DATE:AMOUNT", N_("a promise to pay that amount by that date") },
	{ "--next DATE", N_("when to follow up") },
	{ "--owner sales|accounting", N_("who follows up") },
	{ "--direction in|out", N_("who made the contact (default out)") },
	{ "--outcome TEXT", N_("how it ended") },
	{ "--date D", N_("the day of the contact, or of the worklist (default today)") },
	{ "--level N", N_("dunning: the level to move the customer to") },
	{ "--rep NAME", N_("worklist, digest: only the calls of this sales rep") },
	{ "--format F", N_("worklist: table, csv or json; digest: pdf or txt") },
	{ "-o PATH, --print, --force", N_("digest: write to PATH (.pdf: PDF), print it, replace a file") },
	{ "--email", N_("digest: e-mail it as a PDF to the rep of --rep, at rep-email.NAME in the "
			"company settings; -o DIR/ keeps a copy") },
	{ "--dry-run", N_("digest: with --email, write the mail as DIR/*.eml (-o DIR/), send "
			  "nothing") },
	{ "--company FILE", N_("company settings (default from the config directory)") },
	{ NULL, NULL },
};
static const struct help_opt statement_opts[] = {
	{ "--all-open", N_("every customer with an open balance") },
	{ "--from D", N_("first day of the period") },
	{ "--to D", N_("last day of the period (default today)") },
	HELP_DOC_OUT,
	HELP_EMAIL,
	{ "--dry-run", N_("with --email: write the mails as DIR/*.eml (-o DIR/), send nothing") },
	HELP_COMPANY,
	HELP_FORCE,
	{ NULL, NULL },
};
static const struct help_opt dunning_opts[] = {
	{ "--all-overdue", N_("every customer with an overdue invoice") },
	{ "--level N", N_("the dunning level of the letter") },
	{ "--date D", N_("the letter's date (default today)") },
	{ "--format pdf|txt", N_("document format (default pdf)") },
	{ "--lang L", N_("language of the document: ja, zh_CN or en") },
	{ "-o, --output PATH", N_("write to PATH (DIR/ for one file per customer); without it a "
				  "preview on standard output, not logged") },
	{ "--print", N_("send to the printer (lp)") },
	HELP_EMAIL,
	HELP_COMPANY,
	HELP_TEMPLATES,
	{ "--dry-run", N_("list the letters, write and log nothing; with --email, write the "
			  "mails as DIR/*.eml (-o DIR/)") },
	HELP_FORCE,
	{ NULL, NULL },
};
static const struct help_opt notice_opts[] = {
	{ "--deposit REF", N_("the deposit in the queue the notice is about") },
	{ "--action keep|refund|expect",
	  N_("what we will do: keep the difference on account, refund it, or expect the rest") },
	{ "--by DATE", N_("expect: the day the rest is due (the contact's follow-up)") },
	HELP_DOC_OUT,
	{ "--email", N_("e-mail the PDF to the customer's address, logged as a contact with its "
			"follow-up date; -o DIR/ keeps a copy") },
	{ "--dry-run", N_("with --email: write the mail as DIR/*.eml (-o DIR/), send nothing") },
	HELP_COMPANY,
	HELP_TEMPLATES,
	HELP_FORCE,
	{ NULL, NULL },
};
static const struct help_opt refund_opts[] = {
	{ "--customer CODE", N_("refund money the customer holds on account") },
	{ "--deposit REF",
	  N_("refund from this deposit: its money on account, or a mistaken transfer") },
	{ "--amount AMOUNT", N_("how much, at most what is held") },
	{ "--date DATE", N_("the day the money was paid back") },
	{ "--to TEXT", N_("to whom (name, bank account)") },
	{ "--reason TEXT", N_("why it is paid back") },
	{ NULL, NULL },
};

static const struct help_opt confirm_opts[] = {
	{ "--all", N_("send: every customer with an open balance on the date") },
	{ "--as-of DATE", N_("send: the day whose balance is confirmed") },
	{ "--document confirmation|statement",
	  N_("send: the confirmation letter (default) or the statement") },
	HELP_DOC_OUT,
	{ "--email", N_("send: e-mail each PDF to the customer's address, logged as a contact and "
			"recorded as e-mailed; -o DIR/ keeps copies") },
	HELP_COMPANY,
	HELP_TEMPLATES,
	{ "--dry-run", N_("write the letters, record nothing; with --email, write the mails as "
			  "DIR/*.eml (-o DIR/)") },
	HELP_FORCE,
	{ "--agreed", N_("answer: the customer agrees with our balance") },
	{ "--balance AMOUNT", N_("answer: the balance in the customer's books") },
	{ "--reason TEXT", N_("answer: why the customer's figure differs") },
	{ "--date D", N_("answer, resolve: the day it happened (default today)") },
	{ "--invoice NUM[:AMOUNT]", N_("resolve: an invoice the customer disputes (held back "
				       "from dunning)") },
	{ "--unreceived AMOUNT[:NOTE]", N_("resolve: a payment they made that we have not "
					   "received") },
	{ "--credit-note AMOUNT[:NOTE]", N_("resolve: a credit note we owe them") },
	{ "--other AMOUNT:NOTE", N_("resolve: any other amount, said what it is") },
	{ "--note TEXT", N_("resolve: a note on the dispute") },
	{ "--close", N_("resolve: close the dispute (the items must explain the difference)") },
	{ "--state S", N_("list: not-sent, awaiting, agreed, disputed or resolved") },
	{ NULL, NULL },
};

static const struct cmd_help cmd_helps[] = {
	{ "init", { "init [--group NAME]" }, N_("create or migrate the database"), init_opts },
	{ "backup", { "backup PATH" }, N_("copy the database while in use"), backup_opts },
	{ "company",
	  { "company list", "company add CODE NAME", "company account CODE BANK BRANCH NUMBER",
	    "company accounts", "company settings FILE",
	    "company grant|revoke CODE USER | company users [CODE]" },
	  N_("the client companies the database keeps: listed with their customers, invoices "
	     "and deposits counted, or one added (audited); the receiving accounts each owns, "
	     "registered (audited) or listed: import bank gives each deposit to the owner of "
	     "the account it was paid into; the current company's settings file stored in the "
	     "database (audited), which its documents use once there are several companies; "
	     "the users each company is open to, granted or revoked (audited) or listed: a "
	     "company without grants is open to every clerk, one with grants only to them "
	     "(on PostgreSQL the server's login, and only the owner grants)"),
	  backup_opts },
	{ "migrate",
	  { "migrate --from SQLITE_FILE --to postgresql://…" },
	  N_("copy a whole SQLite database into PostgreSQL in one transaction, ids kept; "
	     "committed only when the row counts, money sums and paid amounts agree"),
	  migrate_opts },
	{ "demo",
	  { "demo [--size small|large]", "demo --csv DIR", "demo bank-file PATH --records N" },
	  N_("fill a new database with sample data"),
	  demo_opts },
	{ "import",
	  { "import customers|invoices FILE [--encoding E]",
	    "import bank FILE [--format F] [--encoding E]" },
	  N_("upsert records from a CSV file, or import bank deposits"),
	  import_opts },
	{ "export",
	  { "export customers|invoices|deposits|allocations|contacts|confirmations "
	    "[--format csv|json]" },
	  N_("write records to standard output"),
	  export_opts },
	{ "aging",
	  { "aging [--as-of DATE] [--format table|csv|json] [--buckets 30,60,90]" },
	  N_("the aged-receivables report"),
	  aging_opts },
	{ "match",
	  { "match --auto [--dry-run] [--json] [--threshold N] [--margin N] [--tolerance N]",
	    "match confirm --deposit REF --invoice NUM[:AMOUNT]... [--fee AMOUNT "
	    "[--allow-large-fee]] [--on-account AMOUNT [--customer CODE]]",
	    "match undo|show --deposit REF [--json]",
	    "match aliases [list [--json] | edit ID --customer CODE | remove ID]" },
	  N_("match deposits to invoices: automatically, by hand, undo, explain"),
	  match_opts },
	{ "contact",
	  { "contact add CUSTOMER --channel C --note TEXT [--promise DATE:AMOUNT] [--next DATE] "
	    "[--owner sales|accounting] [--direction in|out] [--outcome TEXT] [--date D]",
	    "contact list CUSTOMER",
	    "contact worklist [--date D] [--rep NAME] [--format table|csv|json]",
	    "contact digest [--rep NAME] [--date D] [--format pdf|txt] [-o PATH|--print] "
	    "[--force] [--company FILE]",
	    "contact digest --rep NAME --email [--dry-run -o DIR/] [--date D] [--company FILE]",
	    "contact dunning CUSTOMER --level N [--note TEXT]" },
	  N_("a customer's contacts, today's worklist (who calls, rating, credit hold), "
	     "the worklist as a digest to print or e-mail, a dunning step"),
	  contact_opts },
	{ "statement",
	  { "statement CUSTOMER...|--all-open [--from D] [--to D] [--format pdf|txt] [--lang L] "
	    "[-o PATH|--print|--email [--dry-run]] [--company FILE] [--force]" },
	  N_("customer statements; a closing customer's 合計請求書 written to a file, printed or "
	     "e-mailed is recorded as issued, its billed total the matcher's evidence"),
	  statement_opts },
	{ "dunning",
	  { "dunning CUSTOMER...|--all-overdue --level N [--date D] [--format pdf|txt] [--lang L] "
	    "[-o PATH|--print|--email] [--company FILE] [--templates DIR] [--dry-run] [--force]" },
	  N_("dunning letters, each logged as a contact"),
	  dunning_opts },
	{ "confirm",
	  { "confirm send CUSTOMER...|--all --as-of DATE [--document confirmation|statement] "
	    "[--format pdf|txt] [--lang L] [-o PATH|--print|--email] [--company FILE] "
	    "[--templates DIR] [--dry-run] [--force]",
	    "confirm answer CUSTOMER --agreed | --balance AMOUNT --reason TEXT [--date D]",
	    "confirm resolve CUSTOMER [--invoice NUM[:AMOUNT]] [--unreceived AMOUNT[:NOTE]] "
	    "[--credit-note AMOUNT[:NOTE]] [--other AMOUNT:NOTE] [--note TEXT]... [--close] "
	    "[--date D]",
	    "confirm list [--state not-sent|awaiting|agreed|disputed|resolved]" },
	  N_("balance confirmations: send, record the answer, resolve a dispute, list"),
	  confirm_opts },
	{ "notice",
	  { "notice difference --deposit REF --action keep|refund|expect [--by DATE] "
	    "[--format pdf|txt] [--lang L] [-o PATH|--print|--email [--dry-run]] [--company FILE] "
	    "[--templates DIR] [--force]",
	    "notice refund ID [--format pdf|txt] [--lang L] [-o PATH|--print|--email [--dry-run]] "
	    "[--company FILE] [--templates DIR] [--force]" },
	  N_("payment difference and refund notices, each logged as a contact"),
	  notice_opts },
	{ "refund",
	  { "refund --customer CODE|--deposit REF --amount AMOUNT --date DATE --to TEXT "
	    "--reason TEXT",
	    "refund list", "refund undo ID" },
	  N_("pay back money on account or a mistaken transfer; list; undo"),
	  refund_opts },
};

bool
cli_command_help(FILE *f, const char *name)
{
	const struct cmd_help *h = NULL;

	for (size_t i = 0; i < sizeof cmd_helps / sizeof cmd_helps[0]; i++)
		if (strcmp(cmd_helps[i].name, name) == 0)
			h = &cmd_helps[i];
	if (!h)
		return false;
	fprintf(f, "%s\n", _("Usage:"));
	for (size_t i = 0; i < sizeof h->synopsis / sizeof *h->synopsis && h->synopsis[i]; i++)
		fprintf(f, "  urikake [OPTIONS] %s\n", h->synopsis[i]);
	fprintf(f, "%s\n", _(h->what));
	if (h->opts[0].opt)
		fprintf(f, "\n%s\n", _("Options:"));
	for (const struct help_opt *o = h->opts; o->opt; o++)
		fprintf(f, "  %-26s %s\n", o->opt, _(o->what));
	fprintf(f, "\n%s\n", _("Global options (--db, --user, --lang, --company): see 'urikake --help'."));
	return true;
}
