/* cmd_bank: `urikake import bank FILE`, `urikake export deposits` and the
 * demo's bank files — the command-line side of src/bankimport. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "bankimport.h"
#include "cmd_bank.h"
#include "csv.h"
#include "date.h"
#include "demo_bank.h"
#include "i18n.h"
#include "jsonout.h"
#include "money.h"
#include "store.h"
#include "store_bank.h"
#include "xalloc.h"

#define BANK_FLUSH_AT (64 * 1024)

/* $XDG_CONFIG_HOME/urikake/bank-profiles (or ~/.config/…), malloc'd; NULL
 * when neither is set. */
static char *
bank_profile_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct strbuf sb;
	char *dir = NULL;

	sb_init(&sb);
	if (xdg && xdg[0] == '/')
		sb_addf(&sb, "%s/urikake/bank-profiles", xdg);
	else if (home && *home)
		sb_addf(&sb, "%s/.config/urikake/bank-profiles", home);
	if (sb.len)
		dir = xstrdup(sb.buf);
	sb_free(&sb);
	return dir;
}

/* "deposits by company: A 2, B 1" when a routed file's records went to
 * more than one company, or to one that is not the current one. */
static void
bank_print_companies(struct store *st, const struct bankimport_result *r)
{
	struct strbuf sb;

	if (r->ncompanies < 1 ||
	    (r->ncompanies == 1 && !strcmp(r->companies[0].code, store_company_code(st))))
		return;
	sb_init(&sb);
	for (int i = 0; i < r->ncompanies; i++)
		sb_addf(&sb, "%s%s %lu", i ? ", " : "", r->companies[i].code,
			r->companies[i].deposits);
	cli_printf(_("deposits by company: %s\n"), sb.buf);
	sb_free(&sb);
}

/* Import one file into st and say what happened. */
static int
bank_import_one(struct store *st, const char *path, const char *format, const char *enc,
		bool chosen)
{
	struct bankimport_opts o;
	struct bankimport_result r;
	struct ur_err err;
	enum ur_status s;

	memset(&o, 0, sizeof o);
	o.format = format;
	o.encoding = enc;
	o.profile_dir = bank_profile_dir();
	o.today = date_today();
	o.progress = cli_progress;
	o.progress_ctx = unconst(_("importing"));
	o.company_chosen = chosen;
	ur_err_clear(&err);
	s = bankimport_file(st, path, &o, &r, &err);
	free(unconst(o.profile_dir));
	if (s != UR_OK)
		return cli_fail(&err);
	cli_printf(_("%s: format %s, encoding %s\n"), path, r.format, r.encoding);
	if (r.file_seen)
		cli_printf(_("%s: this file was imported before\n"), path);
	cli_printf(_("deposits: %lu new, %lu already imported, %lu reversed\n"), r.added,
		   r.unchanged, r.reversed);
	bank_print_companies(st, &r);
	if (r.voided)
		cli_printf(ngettext_("%lu allocation of reversed deposits voided\n",
				     "%lu allocations of reversed deposits voided\n", r.voided),
			   r.voided);
	bankimport_result_free(&r);
	return UR_OK;
}

/* Whether any company owns a receiving account (bank files are routed). */
static bool
bank_routed(struct store *st)
{
	struct store_company_account *a;
	struct ur_err err;
	int n = 0;

	ur_err_clear(&err);
	if (store_company_accounts(st, &a, &n, &err) != UR_OK)
		return false;
	store_company_accounts_free(a, n);
	return n > 0;
}

int
cmd_bank_import(const struct cli *c, int argc, char **argv)
{
	const char *format = "auto", *enc = "auto", *pos[1];
	const struct cli_opt opts[] = {
		{ "--format", &format, NULL },
		{ "--encoding", &enc, NULL },
		{ NULL, NULL, NULL },
	};
	struct cli any = *c;
	struct store *st;
	char *chosen;
	int npos, rc;

	if (cli_args(argc - 1, argv + 1, opts, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	if (npos != 1)
		return cli_usage_error(_("usage: urikake import bank FILE [--format F] "
					 "[--encoding E]"));
	/* with receiving accounts registered, the file chooses the companies */
	any.any_company = true;
	if ((rc = cli_open_store(&any, &st)) != UR_OK)
		return rc;
	chosen = cli_company(c);
	if (!store_company_id(st) && !bank_routed(st))
		rc = cli_company_required(st);
	else
		rc = bank_import_one(st, pos[0], format, enc, chosen != NULL);
	free(chosen);
	store_close(st);
	return rc;
}

/* The export in progress. */
struct bank_export {
	struct strbuf out;
	struct strbuf acct;
	int json;
	int rows;
	int failed;
};

static void
bank_cell(struct bank_export *x, const char *key, const char *v, int first, int last)
{
	if (x->json)
		jsonout_pair(&x->out, key, v, first);
	else
		csv_put_sep(&x->out, v, last);
}

/* Our account as bank-branch-number, leaving out the parts not known. */
static const char *
bank_account(struct strbuf *sb, const struct deposit *d)
{
	const char *part[] = { d->acct_bank, d->acct_branch, d->payer.acct_number };

	sb_reset(sb);
	for (int i = 0; i < 3; i++)
		if (*part[i])
			sb_addf(sb, "%s%s", sb->len ? "-" : "", part[i]);
	return sb->len ? sb->buf : "";
}

static int
bank_export_row(const struct deposit *d, const char *state, const char *customer, void *ctx)
{
	struct bank_export *x = ctx;
	char date[DATE_ISO_SIZE], value[DATE_ISO_SIZE], amount[MONEY_BUFSZ];

	date_format_iso(d->booking_date, date);
	date_format_iso(d->value_date, value);
	money_format(d->amount, d->currency, MONEY_PLAIN, amount, sizeof amount);
	if (x->json)
		sb_adds(&x->out, x->rows ? ",\n{" : "{");
	x->rows++;
	bank_cell(x, "ref", d->reference, 1, 0);
	bank_cell(x, "account", bank_account(&x->acct, d), 0, 0);
	bank_cell(x, "date", date, 0, 0);
	bank_cell(x, "value_date", value, 0, 0);
	if (x->json) {
		jsonout_key(&x->out, "amount", 0);
		sb_adds(&x->out, amount);
	} else {
		csv_put_sep(&x->out, amount, 0);
	}
	bank_cell(x, "currency", d->currency, 0, 0);
	bank_cell(x, "payer_name", d->payer.payer_name, 0, 0);
	bank_cell(x, "payer_code", d->payer.payer_code, 0, 0);
	bank_cell(x, "bank", d->payer.remit_bank, 0, 0);
	bank_cell(x, "branch", d->payer.remit_branch, 0, 0);
	bank_cell(x, "edi", d->payer.edi, 0, 0);
	bank_cell(x, "state", state, 0, 0);
	bank_cell(x, "customer", customer, 0, 1);
	if (x->json)
		sb_addc(&x->out, '}');
	if (x->out.len >= BANK_FLUSH_AT && cli_flush(&x->out) != UR_OK)
		x->failed = 1;
	return x->failed;
}

int
cmd_bank_export(const struct cli *c, const char *format)
{
	struct bank_export x;
	struct store *st;
	struct ur_err err;
	enum ur_status s;
	int rc;

	if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)
		return cli_usage_error(_("unknown format '%s' (use csv or json)"), format);
	if ((rc = cli_open_store_readonly(c, &st)) != UR_OK)
		return rc;
	memset(&x, 0, sizeof x);
	sb_init(&x.out);
	sb_init(&x.acct);
	x.json = strcmp(format, "json") == 0;
	sb_adds(&x.out, x.json ? "[\n" : "ref,account,date,value_date,amount,currency,"
					 "payer_name,payer_code,bank,branch,edi,state,customer\n");
	ur_err_clear(&err);
	s = store_deposits_each(st, bank_export_row, &x, &err);
	store_close(st);
	if (x.json)
		sb_adds(&x.out, x.rows ? "\n]\n" : "]\n");
	if (x.failed)
		rc = UR_FAIL;
	else if (s != UR_OK)
		rc = cli_fail(&err);
	else if (cli_flush(&x.out) != UR_OK)
		rc = UR_FAIL;
	sb_free(&x.out);
	sb_free(&x.acct);
	return rc;
}

/* The directory of the database (malloc'd); the current one for a
 * database on a server, which has none. */
static char *
bank_db_dir(const struct cli *c, struct ur_err *err)
{
	char *path = cli_db_path(c, err), *dir;

	if (!path)
		return NULL;
	dir = xstrdup(store_is_server(path) ? "." : dirname(path));
	free(path);
	return dir;
}

int
cmd_bank_demo(const struct cli *c)
{
	struct demo_bank_counts n;
	struct strbuf path;
	struct store *st;
	struct ur_err err;
	char *dir;
	int rc;

	ur_err_clear(&err);
	if (!(dir = bank_db_dir(c, &err)))
		return cli_fail(&err);
	if ((rc = cli_open_store(c, &st)) != UR_OK) {
		free(dir);
		return rc;
	}
	sb_init(&path);
	rc = demo_bank_write(st, dir, date_today(), &n, &err) == UR_OK ? UR_OK : cli_fail(&err);
	if (rc == UR_OK) {
		cli_printf(_("Demo bank files: %zu Zengin deposits, %zu CSV rows.\n"), n.zengin, n.csv);
		sb_addf(&path, "%s/%s", dir, DEMO_BANK_ZENGIN);
		rc = bank_import_one(st, path.buf, "zengin-transfer", "auto", true);
	}
	if (rc == UR_OK) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, DEMO_BANK_CSV);
		rc = bank_import_one(st, path.buf, "csv:ccb", "auto", true);
	}
	store_close(st);
	sb_free(&path);
	free(dir);
	return rc;
}

int
cmd_bank_demo_file(const struct cli *c, int argc, char **argv)
{
	const char *records = "1000000", *pos[1];
	const struct cli_opt opts[] = { { "--records", &records, NULL }, { NULL, NULL, NULL } };
	struct ur_err err;
	char *end;
	unsigned long n;
	int npos;

	(void)c;
	if (cli_args(argc - 1, argv + 1, opts, pos, 1, &npos) != UR_OK)
		return UR_USAGE;
	errno = 0;
	n = strtoul(records, &end, 10);
	if (npos != 1 || *end || end == records || errno || n == 0 || n > 100000000UL)
		return cli_usage_error(_("usage: urikake demo bank-file PATH [--records N] "
					 "(N from 1 to 100000000)"));
	ur_err_clear(&err);
	if (demo_bank_big_file(pos[0], n, date_today(), &err) != UR_OK)
		return cli_fail(&err);
	cli_printf(_("Wrote %s (%lu deposits).\n"), pos[0], n);
	return UR_OK;
}
