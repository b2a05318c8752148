/* bankimport: the bank file pipeline — choose the format, hash the file,
 * parse it, fold and insert each deposit, apply cancellations — in one
 * transaction; with receiving accounts registered, each record goes to
 * the company that owns its account. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank.h"
#include "bankcsv.h"
#include "bankimport.h"
#include "bankref.h"
#include "camt.h"
#include "charset.h"
#include "csv.h"
#include "fieldcap.h"
#include "i18n.h"
#include "kana.h"
#include "profile.h"
#include "sha256.h"
#include "store.h"
#include "store_bank.h"
#include "text.h"
#include "xalloc.h"
#include "zengin.h"

/* Bytes at the start of a file that format guessing looks at. */
#define BI_HEAD 65536
/* Deposits between two progress reports. */
#define BI_PROGRESS_EVERY 4096
/* Slots of the folded-name cache (payers recur: a customer pays monthly). */
#define BI_FOLD_SLOTS 1024

enum bi_kind { BI_ZENGIN, BI_CSV, BI_CAMT };

/* What the file is read as. */
struct bi_choice {
	enum bi_kind kind;
	struct zengin_opts z;
	struct profile csv; /* a shallow copy of a profile of the set, encoding set */
};

/* A payer name and its folded key (kana_fold is the costly step). */
struct bi_fold {
	char *name, *key;
};

/* A company a routed file's records went to: its row of the file. */
struct bi_dest {
	int64_t company;
	int64_t file_id;
	bool inserted; /* the row is new (the file was not imported into it) */
	unsigned long records;
	const char *code;
};

/* Routing by receiving account (when any is registered). */
struct bi_routing {
	struct store_company_account *accts;
	int naccts;
	int64_t home;          /* the current company (0: none chosen) */
	struct bi_dest *dests; /* in the order the file first reaches them */
	int ndests, cur;       /* cur: the dest of the last record, -1 */
};

/* One import in progress: the state of the deposit callback. */
struct bi_run {
	struct store *st;
	const struct bankimport_opts *o;
	struct bankimport_result *r;
	enum bi_kind kind;
	int64_t file_id;
	size_t size;
	unsigned long seen;
	unsigned long queued; /* deposits sent, not yet known new or not */
	struct strbuf key;
	struct bi_fold *folds; /* BI_FOLD_SLOTS, direct-mapped by name hash */
	struct bankref refs;   /* for deposits the bank gave no reference */
	const char *name, *hex; /* the file's, as recorded */
	struct bi_routing route;
};

const char *
bankimport_formats(void)
{
	return "auto, zengin-transfer, zengin-transfer-b, zengin-statement, csv:PROFILE, "
	       "camt053, camt054";
}

/* "RECORD N (byte B): why" as the parser of kind says it, into err. */
static enum ur_status
bi_where(enum bi_kind kind, const struct bank_deposit *d, const char *why,
	 struct ur_err *err)
{
	unsigned long long b = d->byte_offset;

	if (kind == BI_ZENGIN)
		return ur_fail(err, UR_INPUT, _("RECORD %lu (byte %llu): %s"), d->record_no, b, why);
	if (kind == BI_CSV)
		return ur_fail(err, UR_INPUT, _("LINE %lu (byte %llu): %s"), d->record_no, b, why);
	return ur_fail(err, UR_INPUT, _("ENTRY %lu (byte %llu): %s"), d->record_no, b, why);
}

/* One text field of a deposit, named as `export deposits` names it. */
struct bi_field {
	const char *name;
	const char *value;
	size_t max;
};

/* Refuse a field longer than an import accepts (a name of megabytes would
 * make every look-up of it slow) or holding a control character — the
 * CSV reader's rule, for every format: camt lets &#155; through. */
static enum ur_status
bi_check_fields(const struct bi_run *run, const struct bank_deposit *d, struct ur_err *err)
{
	const struct bi_field f[] = {
		{ "ref", d->reference, FIELDCAP_MAX },
		{ "account", d->account_bank, FIELDCAP_MAX },
		{ "account", d->account_branch, FIELDCAP_MAX },
		{ "currency", d->currency, FIELDCAP_MAX },
#define PAYER_FIELD(field, label, cap) { label, d->payer.field, cap },
		DEPOSIT_PAYER_FIELDS(PAYER_FIELD)
#undef PAYER_FIELD
	};
	char why[256];

	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		size_t n = f[i].value ? strlen(f[i].value) : 0;
		long cp;

		if (n > f[i].max)
			snprintf(why, sizeof why, _("%s is %zu bytes long; an import accepts at most %zu"),
				 f[i].name, n, f[i].max);
		else if ((cp = csv_control_char(f[i].value, n, true, NULL)) >= 0)
			snprintf(why, sizeof why, _("control character U+%04lX in %s"),
				 (unsigned long)cp, f[i].name);
		else
			continue;
		return bi_where(run->kind, d, why, err);
	}
	return UR_OK;
}

/* The folded key of payer name (a cached one when the name was seen). */
static const char *
bi_fold(struct bi_run *run, const char *name)
{
	uint32_t h = 2166136261u;
	struct bi_fold *slot;

	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	slot = &run->folds[h % BI_FOLD_SLOTS];
	if (slot->name && strcmp(slot->name, name) == 0)
		return slot->key;
	kana_fold(name, &run->key, NULL);
	free(slot->name);
	free(slot->key);
	slot->name = xstrdup(name);
	slot->key = xstrdup(run->key.buf);
	return slot->key;
}

/* The store's form of d, folded key included. */
static void
bi_to_store(struct bi_run *run, const struct bank_deposit *d, struct deposit *out)
{
	memset(out, 0, sizeof *out);
	out->bank_file_id = run->file_id;
	out->record_no = (int64_t)d->record_no;
	out->acct_bank = d->account_bank;
	out->acct_branch = d->account_branch;
	out->booking_date = d->booking_date;
	out->value_date = d->value_date;
	out->amount = d->amount;
	out->currency = d->currency;
	out->payer = d->payer;
	out->payer.payer_key = bi_fold(run, d->payer.payer_name ? d->payer.payer_name : "");
	out->reference = d->reference;
}

/* Count the queued deposits as added or already there. */
static enum ur_status
bi_settle(struct bi_run *run, struct ur_err *err)
{
	unsigned long added;

	if (!run->queued)
		return UR_OK;
	if (store_deposits_settle(run->st, &added, err) != UR_OK)
		return err->status;
	run->r->added += added;
	run->r->unchanged += run->queued - added;
	run->queued = 0;
	return UR_OK;
}

/* A cancellation: reverse the earlier deposit and void what it paid. */
static enum ur_status
bi_cancel(struct bi_run *run, const struct bank_deposit *d, const struct deposit *key,
	  struct ur_err *err)
{
	struct store_dep_found f;
	char why[256];
	int n;

	/* the deposit it cancels may be one of this file's */
	if (bi_settle(run, err) != UR_OK)
		return err->status;
	if (store_deposit_find(run->st, key, d->correction || !key->reference || !*key->reference,
			       &f, err) != UR_OK)
		return err->status;
	if (f.ambiguous) {
		snprintf(why, sizeof why,
			 _("cancellation of reference \"%s\" names no earlier deposit, and several "
			   "deposits of that payer, amount and date could be meant"),
			 d->reference ? d->reference : "");
		return bi_where(run->kind, d, why, err);
	}
	if (!f.id) {
		snprintf(why, sizeof why,
			 _("cancellation of reference \"%s\" finds no earlier deposit of that "
			   "amount to this account"), d->reference ? d->reference : "");
		return bi_where(run->kind, d, why, err);
	}
	if (f.state == DEPOSIT_REVERSED) {
		run->r->unchanged++;
		return UR_OK;
	}
	if (store_deposit_void_allocations(run->st, f.id, &n, err) != UR_OK ||
	    store_deposit_set_state(run->st, f.id, f.state, DEPOSIT_REVERSED, f.customer_id, NULL,
				    err) != UR_OK)
		return err->status;
	run->r->reversed++;
	run->r->voided += (unsigned long)n;
	return UR_OK;
}

/* The receiving account of d as bank-branch-number (the parts known). */
static void
bi_account(const struct bank_deposit *d, char *buf, size_t size)
{
	const char *part[] = { d->account_bank, d->account_branch, d->payer.acct_number };
	size_t at = 0;

	buf[0] = '\0';
	for (int i = 0; i < 3 && at < size; i++)
		if (part[i] && *part[i])
			at += (size_t)snprintf(buf + at, size - at, "%s%s", at ? "-" : "", part[i]);
}

/* The company d goes to: the owner of its account (refused when it is not
 * open to the login), else the current one when it was chosen. */
static enum ur_status
bi_owner(const struct bi_run *run, const struct bank_deposit *d, int64_t *company,
	 const char **code, struct ur_err *err)
{
	const struct store_company_account *a =
		store_company_account_find(run->route.accts, run->route.naccts, d->account_bank,
					   d->account_branch, d->payer.acct_number);
	char acct[160], why[512];

	if (a && !a->open) {
		bi_account(d, acct, sizeof acct);
		snprintf(why, sizeof why,
			 _("the receiving account %s is company %s's, which is not open to %s: "
			   "import the file as one of its users (urikake company users %s)"),
			 acct, a->code, store_login(run->st), a->code);
		return bi_where(run->kind, d, why, err);
	}
	if (a) {
		*company = a->company_id;
		*code = a->code;
		return UR_OK;
	}
	if (run->o->company_chosen && run->route.home) {
		*company = run->route.home;
		*code = store_company_code(run->st);
		return UR_OK;
	}
	bi_account(d, acct, sizeof acct);
	snprintf(why, sizeof why,
		 _("no company owns the receiving account %s: register it with urikake company "
		   "account, or choose the company for it with --company"),
		 *acct ? acct : _("(none)"));
	return bi_where(run->kind, d, why, err);
}

/* The file's row in company, made when the file first reaches it (the
 * queued deposits are settled first: the insert reads its id back). */
static enum ur_status
bi_dest_add(struct bi_run *run, int64_t company, const char *code, struct ur_err *err)
{
	struct bank_file bf = { run->hex, run->name, run->r->format, run->r->encoding, 0 };
	struct bi_routing *rt = &run->route;
	struct bi_dest *dest;
	enum store_upsert what;

	if (bi_settle(run, err) != UR_OK)
		return err->status;
	store_company_route(run->st, company);
	rt->dests = xrealloc(rt->dests, (size_t)(rt->ndests + 1) * sizeof *rt->dests);
	dest = &rt->dests[rt->ndests];
	memset(dest, 0, sizeof *dest);
	dest->company = company;
	dest->code = code;
	if (store_bank_file_insert(run->st, &bf, &dest->file_id, &what, err) != UR_OK)
		return err->status;
	dest->inserted = what == STORE_INSERTED;
	rt->cur = rt->ndests++;
	return UR_OK;
}

/* Scope what d writes to the company that owns its account. */
static enum ur_status
bi_route(struct bi_run *run, const struct bank_deposit *d, struct ur_err *err)
{
	struct bi_routing *rt = &run->route;
	const char *code = NULL;
	int64_t company = 0;
	int i;

	if (!rt->naccts)
		return UR_OK;
	if (bi_owner(run, d, &company, &code, err) != UR_OK)
		return err->status;
	for (i = 0; i < rt->ndests && rt->dests[i].company != company; i++)
		;
	if (i < rt->ndests) {
		rt->cur = i;
		store_company_route(run->st, company);
	} else if (bi_dest_add(run, company, code, err) != UR_OK) {
		return err->status;
	}
	rt->dests[rt->cur].records++;
	run->file_id = rt->dests[rt->cur].file_id;
	return UR_OK;
}

static enum ur_status
bi_deposit(const struct bank_deposit *d, void *ctx, struct ur_err *err)
{
	struct bi_run *run = ctx;
	struct deposit dep;
	enum store_upsert what;

	if (++run->seen % BI_PROGRESS_EVERY == 0 && run->o->progress)
		run->o->progress((size_t)d->byte_offset, run->size, run->o->progress_ctx);
	if (bi_check_fields(run, d, err) != UR_OK)
		return UR_INPUT;
	if (bi_route(run, d, err) != UR_OK)
		return err->status;
	bi_to_store(run, d, &dep);
	if (d->cancels)
		return bi_cancel(run, d, &dep, err);
	if (!dep.reference || !*dep.reference)
		dep.reference = bankref_make(&run->refs, dep.booking_date, dep.amount,
					     dep.payer.payer_key, dep.payer.payer_code);
	if (store_deposit_queue(run->st, &dep, &what, err) != UR_OK) {
		struct ur_err inner = *err;

		return err->status == UR_INPUT ? bi_where(run->kind, d, inner.msg, err)
					       : err->status;
	}
	if (what == STORE_INSERTED)
		run->r->added++;
	else if (what == STORE_QUEUED)
		run->queued++;
	else
		run->r->unchanged++;
	return UR_OK;
}

/* The encoding an XML document declares (UTF-8 when it declares none). */
static const char *
bi_xml_encoding(const char *head, size_t n)
{
	const char *end = memchr(head, '>', n), *p;
	char name[32];
	size_t i = 0;

	if (!end || n < 5 || memcmp(head, "<?xml", 5) != 0)
		return "UTF-8";
	for (p = head; p + 9 < end && memcmp(p, "encoding=", 9) != 0; p++)
		;
	if (p + 10 >= end)
		return "UTF-8";
	for (p += 10; p < end && *p != '"' && *p != '\'' && i + 1 < sizeof name; p++)
		name[i++] = *p;
	name[i] = '\0';
	return charset_canonical(name) ? charset_canonical(name) : "UTF-8";
}

/* Zengin as format fmt ("zengin-…"); the kind comes from the header when
 * the caller did not say. */
static enum ur_status
bi_zengin(const char *fmt, const char *head, size_t n, const char *enc,
	  struct bi_choice *c, struct bankimport_result *r, struct ur_err *err)
{
	const char *canon = strcmp(enc, "auto") == 0 ? "CP932" : charset_canonical(enc);

	if (!canon || strcmp(canon, "CP932") != 0)
		return ur_fail(err, UR_USAGE,
			       _("a Zengin file is always read as CP932 (JIS X 0201), not %s"), enc);
	c->kind = BI_ZENGIN;
	c->z.format_b = strcmp(fmt, "zengin-transfer-b") == 0;
	if (strncmp(fmt, "zengin-transfer", 15) == 0)
		c->z.expect = ZENGIN_TRANSFER;
	else if (strcmp(fmt, "zengin-statement") == 0)
		c->z.expect = ZENGIN_STATEMENT;
	if (c->z.expect == ZENGIN_ANY)
		fmt = n >= 3 && memcmp(head + 1, "03", 2) == 0 ? "zengin-statement"
							       : "zengin-transfer";
	snprintf(r->format, sizeof r->format, "%s", fmt);
	snprintf(r->encoding, sizeof r->encoding, "CP932");
	return UR_OK;
}

/* A bank CSV through profile p, in encoding enc ("auto": the profile's,
 * else detected from data). */
static enum ur_status
bi_csv(const struct profile *p, const char *enc, const char *data, size_t len,
       struct bi_choice *c, struct bankimport_result *r, struct ur_err *err)
{
	const char *use;

	if (strcmp(enc, "auto") != 0) {
		if (!(use = charset_canonical(enc)))
			return ur_fail(err, UR_USAGE, _("unknown encoding '%s'"), enc);
	} else if (strcmp(p->encoding, "auto") != 0) {
		use = charset_canonical(p->encoding) ? charset_canonical(p->encoding) : p->encoding;
	} else {
		use = charset_detect(data, len);
	}
	c->kind = BI_CSV;
	c->csv = *p;
	c->csv.encoding = unconst(use);
	snprintf(r->format, sizeof r->format, "csv:%s", p->name);
	snprintf(r->encoding, sizeof r->encoding, "%s", use);
	return UR_OK;
}

static enum ur_status
bi_camt(const char *head, size_t n, struct bi_choice *c, struct bankimport_result *r)
{
	static const char mark[] = "camt.054.001.";
	int is054 = 0;

	for (size_t k = 0; !is054 && k + sizeof mark - 1 <= n; k++)
		is054 = memcmp(head + k, mark, sizeof mark - 1) == 0;
	c->kind = BI_CAMT;
	snprintf(r->format, sizeof r->format, "%s", is054 ? "camt054" : "camt053");
	snprintf(r->encoding, sizeof r->encoding, "%s", bi_xml_encoding(head, n));
	return UR_OK;
}

/* Load the shipped profiles and the user's own (once). */
static enum ur_status
bi_profiles(const struct bankimport_opts *o, struct profile_set *set, struct ur_err *err)
{
	if (set->n)
		return UR_OK;
	if (profile_load_builtin(set, err) != UR_OK)
		return err->status;
	if (o->profile_dir && profile_load_dir(set, o->profile_dir, err) != UR_OK)
		return err->status;
	return UR_OK;
}

/* The profile names of set, comma-separated, into sb. */
static void
bi_profile_names(const struct profile_set *set, struct strbuf *sb)
{
	for (size_t i = 0; i < set->n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", set->v[i].name);
}

/* --format csv:NAME */
static enum ur_status
bi_named_profile(const struct bankimport_opts *o, const char *name, const char *enc,
		 const char *head, size_t n, struct profile_set *set, struct bi_choice *c,
		 struct bankimport_result *r, struct ur_err *err)
{
	const struct profile *p;
	struct strbuf names;

	if (bi_profiles(o, set, err) != UR_OK)
		return err->status;
	if ((p = profile_find(set, name)))
		return bi_csv(p, enc, head, n, c, r, err);
	sb_init(&names);
	bi_profile_names(set, &names);
	ur_fail(err, UR_USAGE, _("unknown bank profile '%s' (profiles: %s)"), name, names.buf);
	sb_free(&names);
	return UR_USAGE;
}

/* --format auto: Zengin, camt, else the CSV profile whose header matches. */
static enum ur_status
bi_guess(const struct bankimport_opts *o, const char *name, const char *enc,
	 const char *head, size_t n, struct profile_set *set, struct bi_choice *c,
	 struct bankimport_result *r, struct ur_err *err)
{
	const char *prof;
	struct strbuf names;
	struct ur_err e;

	if (charset_refuse_unicode(head, n, &e) != UR_OK)
		return ur_fail(err, UR_INPUT, "%s: %s", name, e.msg);
	if (zengin_sniff(head, n))
		return bi_zengin("zengin", head, n, enc, c, r, err);
	if (camt_sniff(head, n))
		return bi_camt(head, n, c, r);
	if (bi_profiles(o, set, err) != UR_OK)
		return err->status;
	if ((prof = bankcsv_sniff(head, n, set)))
		return bi_named_profile(o, prof, enc, head, n, set, c, r, err);
	sb_init(&names);
	bi_profile_names(set, &names);
	ur_fail(err, UR_INPUT,
		_("%s: not a bank file urikake knows: it is neither a Zengin deposit file "
		  "nor camt.053/054, and no CSV profile's header matches (tried %s); "
		  "use --format"), name, names.buf);
	sb_free(&names);
	return UR_INPUT;
}

static enum ur_status
bi_choose(const struct bankimport_opts *o, const char *name, const char *head, size_t n,
	  struct profile_set *set, struct bi_choice *c, struct bankimport_result *r,
	  struct ur_err *err)
{
	const char *fmt = o->format ? o->format : "auto";
	const char *enc = o->encoding ? o->encoding : "auto";

	memset(c, 0, sizeof *c);
	c->z.today = o->today;
	if (strcmp(fmt, "auto") == 0)
		return bi_guess(o, name, enc, head, n, set, c, r, err);
	if (strcmp(fmt, "zengin-transfer") == 0 || strcmp(fmt, "zengin-transfer-b") == 0 ||
	    strcmp(fmt, "zengin-statement") == 0)
		return bi_zengin(fmt, head, n, enc, c, r, err);
	if (strncmp(fmt, "csv:", 4) == 0)
		return bi_named_profile(o, fmt + 4, enc, head, n, set, c, r, err);
	if (strcmp(fmt, "camt053") == 0 || strcmp(fmt, "camt054") == 0)
		return bi_camt(head, n, c, r);
	return ur_fail(err, UR_USAGE, _("unknown bank file format '%s' (use %s)"), fmt,
		       bankimport_formats());
}

/* Hash the whole of fd by reading it, then rewind it. */
static enum ur_status
bi_hash_fd(int fd, const char *name, char hex[SHA256_HEX_SIZE], struct ur_err *err)
{
	static char buf[65536];
	struct sha256 h;
	ssize_t got;

	sha256_init(&h);
	while ((got = read(fd, buf, sizeof buf)) > 0)
		sha256_update(&h, buf, (size_t)got);
	if (got < 0 || lseek(fd, 0, SEEK_SET) != 0)
		return ur_fail(err, UR_FAIL, _("%s: cannot read: %s"), name, strerror(errno));
	sha256_hex(&h, hex);
	return UR_OK;
}

/* Parse the file as chosen, feeding run. */
static enum ur_status
bi_parse(int fd, const char *data, size_t len, const struct bi_choice *c,
	 struct bi_run *run, struct ur_err *err)
{
	struct zengin_summary sum;

	if (c->kind == BI_ZENGIN)
		return zengin_parse_fd(fd, &c->z, bi_deposit, run, &sum, err);
	if (c->kind == BI_CSV)
		return bankcsv_parse(data, len, &c->csv, bi_deposit, run, err);
	return camt_parse(data, len, bi_deposit, run, err);
}

/* A routed file: each company's row of it gets its record count; a file
 * no record reached (no deposits) is recorded in the current company. */
static enum ur_status
bi_routed_end(struct bi_run *run, struct ur_err *err)
{
	struct bi_routing *rt = &run->route;
	bool seen = true;

	if (!rt->ndests && rt->home && bi_dest_add(run, rt->home, store_company_code(run->st),
						   err) != UR_OK)
		return err->status;
	for (int i = 0; i < rt->ndests; i++) {
		struct bi_dest *dest = &rt->dests[i];

		seen = seen && !dest->inserted;
		store_company_route(run->st, dest->company);
		if (dest->inserted && store_bank_file_set_records(run->st, dest->file_id,
								  (int64_t)dest->records, err) != UR_OK)
			return err->status;
	}
	run->r->file_seen = rt->ndests && seen;
	return UR_OK;
}

/* Where a routed file's records went, into r. */
static void
bi_routed_result(const struct bi_run *run)
{
	const struct bi_routing *rt = &run->route;
	struct bankimport_result *r = run->r;

	r->companies = xcalloc((size_t)rt->ndests + 1, sizeof *r->companies);
	for (int i = 0; i < rt->ndests; i++) {
		r->companies[i].code = xstrdup(rt->dests[i].code);
		r->companies[i].deposits = rt->dests[i].records;
	}
	r->ncompanies = rt->ndests;
}

/* The file's row in the current company, before its records. */
static enum ur_status
bi_file_row(struct bi_run *run, enum store_upsert *what, struct ur_err *err)
{
	struct bank_file bf = { run->hex, run->name, run->r->format, run->r->encoding, 0 };

	if (store_bank_file_insert(run->st, &bf, &run->file_id, what, err) != UR_OK)
		return err->status;
	run->r->file_seen = *what == STORE_UNCHANGED;
	return UR_OK;
}

/* The transaction: the file's row (one per company when routed), its
 * deposits, its record count. */
static enum ur_status
bi_store(struct bi_run *run, int fd, const char *data, const struct bi_choice *c,
	 struct ur_err *err)
{
	enum store_upsert what = STORE_UNCHANGED;
	bool routed = run->route.naccts > 0;
	enum ur_status rc = UR_OK;

	if (store_bank_bulk(run->st, err) != UR_OK || store_begin(run->st, err) != UR_OK)
		return err->status;
	if (!routed)
		rc = bi_file_row(run, &what, err);
	if (rc == UR_OK && (rc = bi_parse(fd, data, run->size, c, run, err)) == UR_INPUT) {
		struct ur_err inner = *err;

		ur_fail(err, UR_INPUT, "%s:%s", run->name, inner.msg);
	}
	if (rc == UR_OK)
		rc = bi_settle(run, err);
	if (rc == UR_OK && routed)
		rc = bi_routed_end(run, err);
	else if (rc == UR_OK && what == STORE_INSERTED)
		rc = store_bank_file_set_records(run->st, run->file_id, (int64_t)run->seen, err);
	store_company_route(run->st, run->route.home);
	if (rc == UR_OK && (rc = store_commit(run->st, err)) == UR_OK) {
		if (routed)
			bi_routed_result(run);
		return UR_OK;
	}
	store_rollback(run->st);
	return rc;
}

/* Map the file (CSV and camt parsers read memory) and hash it. */
static enum ur_status
bi_map(int fd, size_t size, const char *name, const char **data, char hex[SHA256_HEX_SIZE],
       struct ur_err *err)
{
	struct sha256 h;
	void *m;

	*data = "";
	if (size) {
		if ((m = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED)
			return ur_fail(err, UR_FAIL, _("%s: cannot read: %s"), name,
				       strerror(errno));
		*data = m;
	}
	sha256_init(&h);
	sha256_update(&h, *data, size);
	sha256_hex(&h, hex);
	return UR_OK;
}

/* Choose, hash and import the open file fd. */
static enum ur_status
bi_fd(struct bi_run *run, int fd, const char *name, struct profile_set *set,
      struct ur_err *err)
{
	static char head[BI_HEAD];
	char hex[SHA256_HEX_SIZE];
	const char *data = NULL;
	struct bi_choice c;
	ssize_t n = pread(fd, head, sizeof head, 0);
	enum ur_status rc;

	if (n < 0)
		return ur_fail(err, UR_FAIL, _("%s: cannot read: %s"), name, strerror(errno));
	if ((rc = bi_choose(run->o, name, head, (size_t)n, set, &c, run->r, err)) != UR_OK)
		return rc;
	run->kind = c.kind;
	if (c.kind == BI_ZENGIN)
		rc = bi_hash_fd(fd, name, hex, err);
	else
		rc = bi_map(fd, run->size, name, &data, hex, err);
	run->name = name;
	run->hex = hex;
	if (rc == UR_OK)
		rc = bi_store(run, fd, data, &c, err);
	if (data && run->size)
		munmap(unconst(data), run->size);
	if (rc == UR_OK && run->o->progress)
		run->o->progress(run->size, run->size, run->o->progress_ctx);
	return rc;
}

/* Import the regular file open as fd, named name in messages and records. */
static enum ur_status
bi_open_file(struct store *st, int fd, size_t size, const char *name,
	     const struct bankimport_opts *o, struct bankimport_result *r, struct ur_err *err)
{
	struct bi_run run;
	struct profile_set set = { NULL, 0 };
	enum ur_status rc;

	memset(&run, 0, sizeof run);
	run.st = st;
	run.o = o;
	run.r = r;
	run.size = size;
	sb_init(&run.key);
	run.folds = xcalloc(BI_FOLD_SLOTS, sizeof *run.folds);
	bankref_init(&run.refs);
	run.route.home = store_company_id(st);
	run.route.cur = -1;
	rc = store_company_accounts(st, &run.route.accts, &run.route.naccts, err);
	if (rc == UR_OK)
		rc = bi_fd(&run, fd, name, &set, err);
	store_company_accounts_free(run.route.accts, run.route.naccts);
	free(run.route.dests);
	bankref_free(&run.refs);
	for (size_t i = 0; i < BI_FOLD_SLOTS; i++) {
		free(run.folds[i].name);
		free(run.folds[i].key);
	}
	free(run.folds);
	sb_free(&run.key);
	profile_set_free(&set);
	return rc;
}

void
bankimport_result_free(struct bankimport_result *r)
{
	for (int i = 0; i < r->ncompanies; i++)
		free(r->companies[i].code);
	free(r->companies);
	r->companies = NULL;
	r->ncompanies = 0;
}

enum ur_status
bankimport_file(struct store *st, const char *path, const struct bankimport_opts *o,
		struct bankimport_result *r, struct ur_err *err)
{
	const char *given = o->name ? o->name : path;
	struct strbuf name;
	struct stat sb;
	enum ur_status rc;
	int fd;

	memset(r, 0, sizeof *r);
	/* the name is recorded, and named in messages, as a terminal shows it */
	sb_init(&name);
	text_sanitize(&name, given, strlen(given));
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		rc = ur_fail(err, UR_FAIL, _("%s: cannot open: %s"), name.buf, strerror(errno));
	else if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		rc = ur_fail(err, UR_FAIL, _("%s: not a regular file"), name.buf);
	else
		rc = bi_open_file(st, fd, (size_t)sb.st_size, name.buf, o, r, err);
	if (fd >= 0)
		close(fd);
	sb_free(&name);
	return rc;
}
