/* camt: ISO 20022 camt.053 / camt.054 credit entries into bank_deposit
 * records, through libxml2's tree API (no network, no entity expansion). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "camt.h"
#include "date.h"
#include "fieldcap.h"
#include "i18n.h"
#include "money.h"
#include "strbuf.h"
#include "xalloc.h"

#define CAMT_NS "urn:iso:std:iso:20022:tech:xsd:camt.05"
/* Largest file read: a statement of some 150,000 entries. The tree of a
 * larger one would take gigabytes. */
#define CAMT_MAX_BYTES (256ul << 20)
/* Most attributes of one element: camt's have one or two, and libxml2
 * compares each new one with all before it (100,000 took minutes). */
#define CAMT_MAX_ATTRS 64

/* One parse: where we are in the file, and the current statement's account. */
struct camt_state {
	const char *data;
	size_t len;
	long cur_line;       /* line whose start is at cur_off */
	size_t cur_off;
	bank_deposit_fn fn;
	void *ctx;
	unsigned long entry_no;
	char *account;       /* Acct/Id/IBAN or Acct/Id/Othr/Id */
	char *bank;          /* Acct/Svcr/FinInstnId/BICFI or BIC */
};

/* What one deposit of an entry carries beyond the entry itself. */
struct camt_tx {
	char *payer;
	char *payer_acct;
	char *remit_bank;
	struct strbuf edi;
	struct strbuf ref;
};

static bool
camt_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The first element child of n called name. */
static xmlNode *
camt_child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		if (camt_is(c, name))
			return c;
	}
	return NULL;
}

/* Follow a "A/B/C" path of element names down from n. */
static xmlNode *
camt_path(const xmlNode *n, const char *path)
{
	char name[64];

	while (n && *path) {
		size_t k = strcspn(path, "/");

		if (k >= sizeof name)
			return NULL;
		memcpy(name, path, k);
		name[k] = '\0';
		n = camt_child(n, name);
		path += k + (path[k] == '/');
	}
	return unconst(n);
}

/* The text of the element at path under n, trimmed; NULL when absent or
 * empty. The caller frees it. */
static char *
camt_text(const xmlNode *n, const char *path)
{
	xmlNode *e = camt_path(n, path);
	xmlChar *c;
	const char *s;
	size_t len;
	char *out = NULL;

	if (!e || !(c = xmlNodeGetContent(e)))
		return NULL;
	s = (const char *)c;
	s += strspn(s, " \t\r\n");
	len = strlen(s);
	while (len && strchr(" \t\r\n", s[len - 1]))
		len--;
	if (len)
		out = xstrndup(s, len);
	xmlFree(c);
	return out;
}

/* The first of several alternative paths that has text. */
static char *
camt_text_any(const xmlNode *n, const char *const *paths)
{
	char *s = NULL;

	for (; *paths && !s; paths++)
		s = camt_text(n, *paths);
	return s;
}

/* Byte offset of the start of line (1-based), moving a cursor forward. */
static size_t
camt_line_offset(struct camt_state *st, long line)
{
	if (line < st->cur_line) {
		st->cur_line = 1;
		st->cur_off = 0;
	}
	while (st->cur_line < line && st->cur_off < st->len) {
		const char *nl = memchr(st->data + st->cur_off, '\n', st->len - st->cur_off);

		if (!nl)
			break;
		st->cur_off = (size_t)(nl - st->data) + 1;
		st->cur_line++;
	}
	return st->cur_off;
}

static enum ur_status
camt_reject(struct camt_state *st, const xmlNode *n, const char *reason, struct ur_err *err)
{
	long line = n ? xmlGetLineNo(n) : 1;

	if (line < 1)
		line = 1;
	return ur_fail(err, UR_INPUT, _("LINE %ld (byte %zu): %s"), line,
		       camt_line_offset(st, line), reason);
}

/* A document type declaration (libxml2 keeps no line for it): name the
 * line where <!DOCTYPE stands. */
static enum ur_status
camt_reject_doctype(struct camt_state *st, struct ur_err *err)
{
	const char *d = memmem(st->data, st->len, "<!DOCTYPE", 9);
	size_t off = d ? (size_t)(d - st->data) : 0;
	long line = 1;

	for (size_t i = 0; i < off; i++)
		line += st->data[i] == '\n';
	return ur_fail(err, UR_INPUT, _("LINE %ld (byte %zu): %s"), line,
		       camt_line_offset(st, line),
		       _("document type declarations are not accepted"));
}

/* The line (1-based) of byte offset off. */
static long
camt_line_of(const struct camt_state *st, size_t off)
{
	long line = 1;

	for (size_t i = 0; i < off && i < st->len; i++)
		line += st->data[i] == '\n';
	return line;
}

static enum ur_status
camt_reject_at(struct camt_state *st, size_t off, const char *reason, struct ur_err *err)
{
	long line = camt_line_of(st, off);

	return ur_fail(err, UR_INPUT, _("LINE %ld (byte %zu): %s"), line,
		       camt_line_offset(st, line), reason);
}

/* Offset just past the first occurrence of end at or after at (len when none). */
static size_t
camt_skip_past(const struct camt_state *st, size_t at, const char *end)
{
	const char *p = memmem(st->data + at, st->len - at, end, strlen(end));

	return p ? (size_t)(p - st->data) + strlen(end) : st->len;
}

/* Check the start tag at *at ('<' + name): its attributes, counted by
 * their '=' outside quotes, and their values' lengths; move past it. */
static enum ur_status
camt_scan_tag(struct camt_state *st, size_t *at, struct ur_err *err)
{
	size_t start = *at, i = *at + 1, nattr = 0, vstart = 0;
	char quote = 0;
	char why[128];

	for (; i < st->len && (quote || st->data[i] != '>'); i++) {
		char c = st->data[i];

		if (quote && c == quote) {
			quote = 0;
			if (i - vstart > FIELDCAP_MAX) {
				snprintf(why, sizeof why,
					 _("an attribute value of more than %d bytes"), FIELDCAP_MAX);
				return camt_reject_at(st, start, why, err);
			}
		} else if (!quote && (c == '"' || c == '\'')) {
			quote = c;
			vstart = i + 1;
		} else if (!quote && c == '=' && ++nattr > CAMT_MAX_ATTRS) {
			snprintf(why, sizeof why, _("an element with more than %d attributes"),
				 CAMT_MAX_ATTRS);
			return camt_reject_at(st, start, why, err);
		}
	}
	*at = i;
	return UR_OK;
}

/* Before libxml2 sees the file: its size, and every start tag (comments,
 * CDATA, processing instructions and declarations skipped). */
static enum ur_status
camt_prescan(struct camt_state *st, struct ur_err *err)
{
	static const char *const skip[][2] = {
		{ "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" }, { "<!", ">" },
		{ "</", ">" },
	};
	size_t at = 0;

	if (st->len > CAMT_MAX_BYTES)
		return ur_fail(err, UR_INPUT, _("a camt file of %zu bytes: at most %lu MiB are read"),
			       st->len, CAMT_MAX_BYTES >> 20);
	while (at < st->len) {
		const char *lt = memchr(st->data + at, '<', st->len - at);
		size_t k;

		if (!lt)
			break;
		at = (size_t)(lt - st->data);
		for (k = 0; k < sizeof skip / sizeof skip[0]; k++)
			if (st->len - at >= strlen(skip[k][0]) &&
			    memcmp(lt, skip[k][0], strlen(skip[k][0])) == 0)
				break;
		if (k < sizeof skip / sizeof skip[0])
			at = camt_skip_past(st, at + strlen(skip[k][0]), skip[k][1]);
		else if (camt_scan_tag(st, &at, err) != UR_OK)
			return UR_INPUT;
	}
	return UR_OK;
}

/* libxml2 reports through here while it parses: nowhere. Its default
 * handler prints to stderr, with a line of the file (whatever bytes it
 * holds); the last error is kept in the parser context for our message. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *camt_xml_error;
#else
typedef xmlError *camt_xml_error;
#endif

static void
camt_silent(void *ctx, camt_xml_error e)
{
	(void)ctx;
	(void)e;
}

static void
camt_silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* A Dt or DtTm date under the element at path; false when absent or bad. */
static bool
camt_date(const xmlNode *n, const char *path, int32_t *out)
{
	const xmlNode *e = camt_path(n, path);
	char *s = camt_text(e, "Dt");
	bool ok;

	if (!s && (s = camt_text(e, "DtTm")) && strlen(s) > 10)
		s[10] = '\0';
	ok = s && date_parse(s, out, NULL) == UR_OK;
	free(s);
	return ok;
}

/* The amount and currency of the Amt element amt. */
static enum ur_status
camt_amount(struct camt_state *st, const xmlNode *amt, int64_t *minor, char ccy[4],
	    struct ur_err *err)
{
	xmlChar *cur = xmlGetProp(amt, (const xmlChar *)"Ccy");
	char *text = camt_text(amt, "");
	struct ur_err e;
	enum ur_status rc = UR_OK;

	if (!cur || strlen((const char *)cur) != 3) {
		rc = camt_reject(st, amt, _("amount without a currency (Ccy)"), err);
	} else if (!text || money_parse(text, (const char *)cur, minor, &e) != UR_OK) {
		rc = camt_reject(st, amt, text ? e.msg : _("empty amount"), err);
	} else if (*minor <= 0) {
		rc = camt_reject(st, amt, _("amount must be greater than zero"), err);
	} else {
		memcpy(ccy, cur, 4);
	}
	xmlFree(cur);
	free(text);
	return rc;
}

/* Append every Ustrd and Strd/CdtrRefInf/Ref of RmtInf to edi. */
static void
camt_remittance(const xmlNode *rmt, struct strbuf *edi)
{
	for (xmlNode *c = rmt ? rmt->children : NULL; c; c = c->next) {
		char *s = NULL;

		if (camt_is(c, "Ustrd"))
			s = camt_text(c, "");
		else if (camt_is(c, "Strd"))
			s = camt_text(c, "CdtrRefInf/Ref");
		if (s) {
			if (edi->len)
				sb_addc(edi, ' ');
			sb_adds(edi, s);
			free(s);
		}
	}
}

static const char *const camt_payer_paths[] = {
	"RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm",
	"RltdPties/UltmtDbtr/Nm", "RltdPties/UltmtDbtr/Pty/Nm", NULL
};
static const char *const camt_acct_paths[] = {
	"RltdPties/DbtrAcct/Id/IBAN", "RltdPties/DbtrAcct/Id/Othr/Id", NULL
};
static const char *const camt_agent_paths[] = {
	"RltdAgts/DbtrAgt/FinInstnId/BICFI", "RltdAgts/DbtrAgt/FinInstnId/BIC",
	"RltdAgts/DbtrAgt/FinInstnId/Nm", NULL
};

/* Gather the parties, remittance text and reference of transaction tx (may
 * be NULL) of entry ntry; k > 0 numbers it among several. */
static void
camt_tx_read(struct camt_tx *t, const xmlNode *ntry, const xmlNode *tx, size_t k)
{
	char *ref = camt_text(tx, "Refs/AcctSvcrRef");
	char *s;

	t->payer = camt_text_any(tx, camt_payer_paths);
	t->payer_acct = camt_text_any(tx, camt_acct_paths);
	t->remit_bank = camt_text_any(tx, camt_agent_paths);
	sb_init(&t->edi);
	camt_remittance(camt_child(tx, "RmtInf"), &t->edi);
	if (!t->edi.len && ((s = camt_text(tx, "AddtlTxInf")) ||
			    (s = camt_text(ntry, "AddtlNtryInf")))) {
		sb_adds(&t->edi, s);
		free(s);
	}
	sb_init(&t->ref);
	if (ref) {
		sb_adds(&t->ref, ref);
	} else if ((ref = camt_text(ntry, "AcctSvcrRef")) || (ref = camt_text(ntry, "NtryRef"))) {
		/* Several transactions share the entry's reference: number them
		 * so that each deposit keeps a unique one. */
		sb_adds(&t->ref, ref);
		if (k)
			sb_addf(&t->ref, "/%zu", k);
	}
	free(ref);
}

static void
camt_tx_free(struct camt_tx *t)
{
	free(t->payer);
	free(t->payer_acct);
	free(t->remit_bank);
	sb_free(&t->edi);
	sb_free(&t->ref);
}

/* Hand one deposit of entry ntry to the callback. */
static enum ur_status
camt_emit(struct camt_state *st, const xmlNode *ntry, struct bank_deposit *d,
	  const xmlNode *tx, size_t k, struct ur_err *err)
{
	struct camt_tx t;
	enum ur_status rc;

	camt_tx_read(&t, ntry, tx, k);
	if (!t.ref.len) {
		/* No bank reference at all: a stable one from the booking date,
		 * amount and entry number, so a re-import is recognised. */
		char day[DATE_ISO_SIZE];

		date_format_iso(d->booking_date, day);
		sb_addf(&t.ref, "%s/%lld/E%lu", day, (long long)d->amount, st->entry_no);
		if (k)
			sb_addf(&t.ref, "/%zu", k);
	}
	d->payer.payer_name = t.payer;
	/* struct deposit_payer has no payer account field: the account
	 * identifies the payer, so it goes into payer_code. */
	d->payer.payer_code = t.payer_acct;
	d->payer.remit_bank = t.remit_bank;
	d->payer.edi = t.edi.len ? t.edi.buf : NULL;
	d->reference = t.ref.buf;
	rc = st->fn(d, st->ctx, err);
	camt_tx_free(&t);
	return rc;
}

/* The entry status, in either shape: <Sts>BOOK</Sts> or <Sts><Cd>BOOK</Cd></Sts>. */
static char *
camt_status(const xmlNode *ntry)
{
	const xmlNode *sts = camt_child(ntry, "Sts");

	return camt_child(sts, "Cd") ? camt_text(sts, "Cd") : camt_text(sts, "");
}

/* Whether entry ntry is kept, and whether it cancels an earlier deposit:
 * booked (or status-less) credits, and reversals of credits. */
static bool
camt_keep(const xmlNode *ntry, bool *cancels)
{
	char *cdi = camt_text(ntry, "CdtDbtInd");
	char *rvsl = camt_text(ntry, "RvslInd");
	char *sts = camt_status(ntry);
	bool reversal = rvsl && (strcmp(rvsl, "true") == 0 || strcmp(rvsl, "1") == 0);
	bool booked = !sts || strcmp(sts, "BOOK") == 0;
	bool keep = false;

	if (cdi && strcmp(cdi, "CRDT") == 0)
		keep = true;
	else if (cdi && strcmp(cdi, "DBIT") == 0)
		keep = reversal;
	*cancels = keep && strcmp(cdi, "DBIT") == 0;
	free(cdi);
	free(rvsl);
	free(sts);
	return keep && booked;
}

/* The TxDtls elements of entry ntry (all NtryDtls), as a new array. */
static const xmlNode **
camt_tx_list(const xmlNode *ntry, size_t *n)
{
	const xmlNode **v = NULL;

	*n = 0;
	for (xmlNode *nd = ntry->children; nd; nd = nd->next) {
		if (!camt_is(nd, "NtryDtls"))
			continue;
		for (xmlNode *tx = nd->children; tx; tx = tx->next) {
			if (camt_is(tx, "TxDtls")) {
				v = xrealloc(v, (*n + 1) * sizeof *v);
				v[(*n)++] = tx;
			}
		}
	}
	return v;
}

/* The amount of a transaction: Amt (001.03 and newer) or AmtDtls/TxAmt/Amt. */
static const xmlNode *
camt_tx_amt(const xmlNode *tx)
{
	const xmlNode *a = camt_child(tx, "Amt");

	return a ? a : camt_path(tx, "AmtDtls/TxAmt/Amt");
}

/* One deposit per transaction when there are several and each has its own
 * amount, else one deposit for the entry. */
static enum ur_status
camt_entry_txs(struct camt_state *st, const xmlNode *ntry, struct bank_deposit *d,
	       struct ur_err *err)
{
	size_t n, k;
	const xmlNode **tx = camt_tx_list(ntry, &n);
	enum ur_status rc = UR_OK;
	char ccy[4];

	for (k = 0; k < n && camt_tx_amt(tx[k]); k++)
		;
	if (n <= 1 || k < n) {
		rc = camt_emit(st, ntry, d, n ? tx[0] : NULL, 0, err);
	} else {
		for (k = 0; k < n && rc == UR_OK; k++) {
			rc = camt_amount(st, camt_tx_amt(tx[k]), &d->amount, ccy, err);
			d->currency = ccy;
			if (rc == UR_OK)
				rc = camt_emit(st, ntry, d, tx[k], k + 1, err);
		}
	}
	free(tx);
	return rc;
}

static enum ur_status
camt_entry(struct camt_state *st, const xmlNode *ntry, struct ur_err *err)
{
	struct bank_deposit d;
	const xmlNode *amt = camt_child(ntry, "Amt");
	char ccy[4];
	long line = xmlGetLineNo(ntry);

	st->entry_no++;
	memset(&d, 0, sizeof d);
	if (!camt_keep(ntry, &d.cancels))
		return UR_OK;
	if (!amt)
		return camt_reject(st, ntry, _("entry without an amount (Amt)"), err);
	if (camt_amount(st, amt, &d.amount, ccy, err) != UR_OK)
		return UR_INPUT;
	if (!camt_date(ntry, "BookgDt", &d.booking_date) &&
	    !camt_date(ntry, "ValDt", &d.booking_date))
		return camt_reject(st, ntry, _("entry without a valid booking or value date"), err);
	if (!camt_date(ntry, "ValDt", &d.value_date))
		d.value_date = d.booking_date;
	d.currency = ccy;
	d.payer.acct_number = st->account;
	d.account_bank = st->bank;
	d.record_no = st->entry_no;
	d.byte_offset = camt_line_offset(st, line > 0 ? line : 1);
	return camt_entry_txs(st, ntry, &d, err);
}

static const char *const camt_acct_id_paths[] = { "Acct/Id/IBAN", "Acct/Id/Othr/Id", NULL };
static const char *const camt_svcr_paths[] = {
	"Acct/Svcr/FinInstnId/BICFI", "Acct/Svcr/FinInstnId/BIC", NULL
};

/* One Stmt (camt.053) or Ntfctn (camt.054): its account, then its entries. */
static enum ur_status
camt_report(struct camt_state *st, const xmlNode *rpt, struct ur_err *err)
{
	enum ur_status rc = UR_OK;

	free(st->account);
	free(st->bank);
	st->account = camt_text_any(rpt, camt_acct_id_paths);
	st->bank = camt_text_any(rpt, camt_svcr_paths);
	for (xmlNode *c = rpt->children; c && rc == UR_OK; c = c->next) {
		if (camt_is(c, "Ntry"))
			rc = camt_entry(st, c, err);
	}
	return rc;
}

/* The message element under Document and the name of its reports, after
 * checking the namespace; NULL when this is not camt.053/054 001.02+. */
static const xmlNode *
camt_message(const xmlNode *root, const char **report)
{
	const char *ns = root->ns && root->ns->href ? (const char *)root->ns->href : NULL;
	const xmlNode *msg;
	int kind = 0, version = 0;

	if (!camt_is(root, "Document"))
		return NULL;
	if (ns && (strncmp(ns, CAMT_NS, strlen(CAMT_NS)) != 0 ||
		   sscanf(ns + strlen(CAMT_NS) - 2, "%d.001.%d", &kind, &version) != 2 ||
		   (kind != 53 && kind != 54) || version < 2))
		return NULL;
	if ((msg = camt_child(root, "BkToCstmrStmt")) && kind != 54) {
		*report = "Stmt";
		return msg;
	}
	if ((msg = camt_child(root, "BkToCstmrDbtCdtNtfctn")) && kind != 53) {
		*report = "Ntfctn";
		return msg;
	}
	return NULL;
}

static enum ur_status
camt_document(struct camt_state *st, xmlDoc *doc, struct ur_err *err)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *msg;
	const char *report = NULL;
	enum ur_status rc = UR_OK;

	if (doc->intSubset)
		return camt_reject_doctype(st, err);
	if (!root || !(msg = camt_message(root, &report)))
		return camt_reject(st, root,
				   _("not a camt.053 or camt.054 document (version 001.02 or newer)"),
				   err);
	for (xmlNode *c = msg->children; c && rc == UR_OK; c = c->next) {
		if (camt_is(c, report))
			rc = camt_report(st, c, err);
	}
	return rc;
}

enum ur_status
camt_parse(const char *data, size_t len, bank_deposit_fn fn, void *ctx, struct ur_err *err)
{
	struct camt_state st = { .data = data, .len = len, .cur_line = 1, .fn = fn, .ctx = ctx };
	xmlParserCtxt *pc = xmlNewParserCtxt();
	xmlDoc *doc;
	enum ur_status rc;
	const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
			 XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

	if (!pc)
		return ur_fail(err, UR_FAIL, _("out of memory"));
	if (camt_prescan(&st, err) != UR_OK) {
		xmlFreeParserCtxt(pc);
		return UR_INPUT;
	}
	xmlSetStructuredErrorFunc(NULL, camt_silent);
	xmlSetGenericErrorFunc(NULL, camt_silent_generic);
	doc = xmlCtxtReadMemory(pc, data, (int)len, NULL, NULL, opts);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	if (!doc) {
		const xmlError *e = xmlCtxtGetLastError(pc);
		long line = e && e->line > 0 ? e->line : 1;
		char reason[512];

		snprintf(reason, sizeof reason, "%s", e && e->message ? e->message : "");
		reason[strcspn(reason, "\n")] = '\0';
		rc = ur_fail(err, UR_INPUT, _("LINE %ld (byte %zu): malformed XML: %s"), line,
			     camt_line_offset(&st, line), reason);
	} else {
		rc = camt_document(&st, doc, err);
		xmlFreeDoc(doc);
	}
	xmlFreeParserCtxt(pc);
	free(st.account);
	free(st.bank);
	return rc;
}

bool
camt_sniff(const char *head, size_t n)
{
	static const char *const marks[] = { CAMT_NS "3.001.", CAMT_NS "4.001." };

	for (size_t i = 0; i < 2; i++) {
		size_t m = strlen(marks[i]);

		for (size_t k = 0; k + m <= n; k++) {
			if (memcmp(head + k, marks[i], m) == 0)
				return true;
		}
	}
	return false;
}
