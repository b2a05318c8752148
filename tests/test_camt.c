/* test_camt: ISO 20022 camt.053 (001.02 and 001.08 shapes) and camt.054
 * documents written here, parsed into deposits and checked field by field. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "camt.h"
#include "tap.h"
#include "testutil.h"

static const char camt053_02[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n"
	"<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>\n"
	"<Stmt><Id>S1</Id>\n"
	"<Acct><Id><IBAN>DE02120300000000202051</IBAN></Id>\n"
	"<Svcr><FinInstnId><BIC>BYLADEM1001</BIC></FinInstnId></Svcr></Acct>\n"
	"<Ntry><Amt Ccy=\"EUR\">1234.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\n"
	"<BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-03</Dt></ValDt>\n"
	"<AcctSvcrRef>REF1</AcctSvcrRef>\n"
	"<NtryDtls><TxDtls><Refs><EndToEndId>E2E1</EndToEndId></Refs>\n"
	"<AmtDtls><TxAmt><Amt Ccy=\"EUR\">1234.50</Amt></TxAmt></AmtDtls>\n"
	"<RltdPties><Dbtr><Nm>Muster GmbH</Nm></Dbtr>\n"
	"<DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties>\n"
	"<RltdAgts><DbtrAgt><FinInstnId><BIC>COBADEFFXXX</BIC></FinInstnId></DbtrAgt></RltdAgts>\n"
	"<RmtInf><Ustrd>INV-1</Ustrd><Ustrd>INV-2</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n"
	"<Ntry><Amt Ccy=\"EUR\">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>\n"
	"<BookgDt><Dt>2026-03-02</Dt></BookgDt><AcctSvcrRef>REF2</AcctSvcrRef></Ntry>\n"
	"<Ntry><Amt Ccy=\"EUR\">70.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts>\n"
	"<BookgDt><Dt>2026-03-02</Dt></BookgDt><AcctSvcrRef>REF3</AcctSvcrRef></Ntry>\n"
	"<Ntry><Amt Ccy=\"EUR\">1234.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>\n"
	"<Sts>BOOK</Sts><BookgDt><Dt>2026-03-04</Dt></BookgDt><AcctSvcrRef>REF1</AcctSvcrRef></Ntry>\n"
	"<Ntry><Amt Ccy=\"EUR\">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\n"
	"<BookgDt><Dt>2026-03-05</Dt></BookgDt><AcctSvcrRef>REF5</AcctSvcrRef><NtryDtls>\n"
	"<TxDtls><Refs><AcctSvcrRef>TX51</AcctSvcrRef></Refs>\n"
	"<AmtDtls><TxAmt><Amt Ccy=\"EUR\">100.00</Amt></TxAmt></AmtDtls>\n"
	"<RltdPties><Dbtr><Nm>A AG</Nm></Dbtr></RltdPties></TxDtls>\n"
	"<TxDtls><AmtDtls><TxAmt><Amt Ccy=\"EUR\">200.00</Amt></TxAmt></AmtDtls>\n"
	"<RltdPties><Dbtr><Nm>B AG</Nm></Dbtr></RltdPties>\n"
	"<RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>\n"
	"</TxDtls></NtryDtls></Ntry>\n"
	"<Ntry><Amt Ccy=\"EUR\">9.99</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\n"
	"<BookgDt><DtTm>2026-03-06T10:00:00+01:00</DtTm></BookgDt>\n"
	"<AddtlNtryInf>Zinsen</AddtlNtryInf></Ntry>\n"
	"</Stmt></BkToCstmrStmt></Document>\n";

/* Byte offset of the start of line (1-based) in s. */
static unsigned long long
line_at(const char *s, unsigned long line)
{
	const char *p = s;

	for (unsigned long l = 1; l < line && (p = strchr(p, '\n')); l++)
		p++;
	return p ? (unsigned long long)(p - s) : 0;
}

static void
test_053_02(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;

	ur_err_clear(&err);
	tap_is_int(camt_parse(camt053_02, strlen(camt053_02), tu_collect, &g, &err), UR_OK,
		   "053.02 parses (%s)", err.msg);
	tap_is_int(g.n, 5, "053.02: 5 deposits (debit and pending skipped, batch split)");
	tap_is_int(g.v[0].amount, 123450, "053.02: 1234.50 EUR");
	tu_is_str(g.v[0].currency, "EUR", "053.02: Ccy");
	tu_is_str(g.v[0].payer.acct_number, "DE02120300000000202051", "053.02: Acct/Id/IBAN");
	tu_is_str(g.v[0].account_bank, "BYLADEM1001", "053.02: Svcr BIC");
	tap_is_int(g.v[0].booking_date, tu_day("2026-03-02"), "053.02: BookgDt");
	tap_is_int(g.v[0].value_date, tu_day("2026-03-03"), "053.02: ValDt");
	tu_is_str(g.v[0].payer.payer_name, "Muster GmbH", "053.02: RltdPties/Dbtr/Nm");
	tu_is_str(g.v[0].payer.payer_code, "DE89370400440532013000", "053.02: DbtrAcct IBAN");
	tu_is_str(g.v[0].payer.remit_bank, "COBADEFFXXX", "053.02: DbtrAgt BIC");
	tu_is_str(g.v[0].payer.edi, "INV-1 INV-2", "053.02: Ustrd joined");
	tu_is_str(g.v[0].reference, "REF1", "053.02: AcctSvcrRef");
	tap_ok(!g.v[0].cancels, "053.02: not a reversal");
	tap_is_int((long long)g.v[0].record_no, 1, "053.02: entry number");
	tap_is_int((long long)g.v[0].byte_offset, (long long)line_at(camt053_02, 7),
		   "053.02: entry offset");
	tap_ok(g.v[1].cancels, "053.02: DBIT reversal cancels");
	tu_is_str(g.v[1].reference, "REF1", "053.02: reversal reference");
	tap_is_int(g.v[1].amount, 123450, "053.02: reversal amount");
	tap_is_int((long long)g.v[1].record_no, 4, "053.02: reversal entry number");
	tap_is_int(g.v[2].amount, 10000, "053.02: batch TxDtls 1 amount");
	tu_is_str(g.v[2].reference, "TX51", "053.02: TxDtls AcctSvcrRef");
	tu_is_str(g.v[2].payer.payer_name, "A AG", "053.02: batch payer 1");
	tap_is_int(g.v[3].amount, 20000, "053.02: batch TxDtls 2 amount");
	tu_is_str(g.v[3].reference, "REF5/2", "053.02: entry reference numbered");
	tu_is_str(g.v[3].payer.payer_name, "B AG", "053.02: batch payer 2");
	tu_is_str(g.v[3].payer.edi, "RF18539007547034", "053.02: Strd CdtrRefInf/Ref kept");
	tap_is_int(g.v[4].amount, 999, "053.02: entry without TxDtls");
	tap_is_int(g.v[4].booking_date, tu_day("2026-03-06"), "053.02: DtTm date");
	tap_is_int(g.v[4].value_date, tu_day("2026-03-06"), "053.02: value date defaults");
	tu_is_str(g.v[4].payer.edi, "Zinsen", "053.02: AddtlNtryInf fallback");
	tu_is_str(g.v[4].reference, "2026-03-06/999/E6", "053.02: built reference");
	tu_deposits_free(&g);
}

static const char camt053_08[] =
	"<?xml version=\"1.0\"?>\n"
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n"
	"<BkToCstmrStmt><GrpHdr><MsgId>M8</MsgId></GrpHdr><Stmt><Id>S8</Id>\n"
	"<Acct><Id><Othr><Id>0005-001-1234567</Id></Othr></Id>\n"
	"<Svcr><FinInstnId><BICFI>BOTKJPJT</BICFI></FinInstnId></Svcr></Acct>\n"
	"<Ntry><NtryRef>N1</NtryRef><Amt Ccy=\"JPY\">109670</Amt><CdtDbtInd>CRDT</CdtDbtInd>\n"
	"<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-31</Dt></BookgDt>\n"
	"<ValDt><DtTm>2026-03-30T09:00:00</DtTm></ValDt><AcctSvcrRef>JP-0001</AcctSvcrRef>\n"
	"<NtryDtls><TxDtls><Amt Ccy=\"JPY\">109670</Amt>\n"
	"<RltdPties><Dbtr><Pty><Nm>ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ</Nm></Pty></Dbtr>\n"
	"<DbtrAcct><Id><Othr><Id>0009-123-7654321</Id></Othr></Id></DbtrAcct></RltdPties>\n"
	"<RltdAgts><DbtrAgt><FinInstnId><BICFI>SMBCJPJT</BICFI></FinInstnId></DbtrAgt></RltdAgts>\n"
	"<RmtInf><Ustrd>INV2026-0312</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n"
	"<Ntry><Amt Ccy=\"JPY\">500</Amt><CdtDbtInd>CRDT</CdtDbtInd>\n"
	"<Sts><Cd>INFO</Cd></Sts><BookgDt><Dt>2026-03-31</Dt></BookgDt></Ntry>\n"
	"</Stmt></BkToCstmrStmt></Document>\n";

static void
test_053_08(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;

	ur_err_clear(&err);
	tap_is_int(camt_parse(camt053_08, strlen(camt053_08), tu_collect, &g, &err), UR_OK,
		   "053.08 parses (%s)", err.msg);
	tap_is_int(g.n, 1, "053.08: one booked credit (INFO skipped)");
	tap_is_int(g.v[0].amount, 109670, "053.08: JPY amount");
	tu_is_str(g.v[0].payer.acct_number, "0005-001-1234567", "053.08: Acct/Id/Othr/Id");
	tu_is_str(g.v[0].account_bank, "BOTKJPJT", "053.08: BICFI");
	tu_is_str(g.v[0].payer.payer_name, "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "053.08: Dbtr/Pty/Nm");
	tu_is_str(g.v[0].payer.payer_code, "0009-123-7654321", "053.08: DbtrAcct Othr");
	tu_is_str(g.v[0].payer.remit_bank, "SMBCJPJT", "053.08: DbtrAgt BICFI");
	tu_is_str(g.v[0].payer.edi, "INV2026-0312", "053.08: Ustrd");
	tu_is_str(g.v[0].reference, "JP-0001", "053.08: AcctSvcrRef");
	tap_is_int(g.v[0].value_date, tu_day("2026-03-30"), "053.08: ValDt/DtTm");
	tu_deposits_free(&g);
}

static const char camt054[] =
	"<?xml version=\"1.0\"?>\n"
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.04\">\n"
	"<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>N</MsgId></GrpHdr>\n"
	"<Ntfctn><Id>1</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>\n"
	"<Ntry><Amt Ccy=\"EUR\">250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\n"
	"<BookgDt><Dt>2026-03-10</Dt></BookgDt><ValDt><Dt>2026-03-10</Dt></ValDt>\n"
	"<AcctSvcrRef>CH-77</AcctSvcrRef><NtryDtls><TxDtls>\n"
	"<RltdPties><Dbtr><Nm>Kunde AG</Nm></Dbtr></RltdPties>\n"
	"<RmtInf><Ustrd>Rechnung 42</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n"
	"</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n";

static void
test_054(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;

	ur_err_clear(&err);
	tap_is_int(camt_parse(camt054, strlen(camt054), tu_collect, &g, &err), UR_OK,
		   "054 parses (%s)", err.msg);
	tap_is_int(g.n, 1, "054: one credit");
	tu_is_str(g.v[0].payer.acct_number, "CH9300762011623852957", "054: Ntfctn/Acct IBAN");
	tap_ok(g.n == 1 && g.v[0].amount == 25000, "054: 250.00");
	tu_is_str(g.v[0].payer.payer_name, "Kunde AG", "054: payer");
	tu_is_str(g.v[0].payer.edi, "Rechnung 42", "054: Ustrd");
	tu_is_str(g.v[0].reference, "CH-77", "054: reference");
	tu_deposits_free(&g);
}

/* Several TxDtls, not all with an amount: one deposit for the entry. */
static const char camt_mixed[] =
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\">\n"
	"<BkToCstmrStmt><Stmt><Acct><Id><IBAN>X1</IBAN></Id></Acct>\n"
	"<Ntry><Amt Ccy=\"USD\">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\n"
	"<BookgDt><Dt>2026-03-05</Dt></BookgDt><AcctSvcrRef>M1</AcctSvcrRef><NtryDtls>\n"
	"<TxDtls><Amt Ccy=\"USD\">100.00</Amt><RltdPties><Dbtr><Nm>P1</Nm></Dbtr></RltdPties>"
	"</TxDtls>\n<TxDtls><RltdPties><Dbtr><Nm>P2</Nm></Dbtr></RltdPties></TxDtls>\n"
	"</NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>\n";

static void
test_mixed(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;

	ur_err_clear(&err);
	tap_is_int(camt_parse(camt_mixed, strlen(camt_mixed), tu_collect, &g, &err), UR_OK,
		   "mixed TxDtls parse (%s)", err.msg);
	tap_is_int(g.n, 1, "mixed TxDtls: one deposit for the entry");
	tap_ok(g.n == 1 && g.v[0].amount == 30000, "mixed TxDtls: entry amount");
	tu_is_str(g.n ? g.v[0].payer.payer_name : NULL, "P1", "mixed TxDtls: first payer");
	tu_is_str(g.n ? g.v[0].reference : NULL, "M1", "mixed TxDtls: entry reference");
	tu_deposits_free(&g);
}

static void
test_rejections(void)
{
	static const char *const bad[][3] = {
		{ "<?xml version=\"1.0\"?>\n<Document>\n<BkToCstmrStmt>\n</Document>\n",
		  "LINE 5 (byte 61): malformed XML: ", "malformed XML" },
		{ "<?xml version=\"1.0\"?>\n"
		  "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\">"
		  "<CstmrCdtTrfInitn/></Document>\n",
		  "LINE 2 (byte 22): not a camt.053 or camt.054 document (version 001.02 or newer)",
		  "pain.001 root" },
		{ "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.01\">"
		  "<BkToCstmrStmt/></Document>",
		  "LINE 1 (byte 0): not a camt.053 or camt.054 document (version 001.02 or newer)",
		  "version 001.01" },
		{ "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\">"
		  "<BkToCstmrStmt/></Document>",
		  "LINE 1 (byte 0): not a camt.053 or camt.054 document (version 001.02 or newer)",
		  "053 message in a 054 namespace" },
		{ "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY x \"y\">]>\n"
		  "<Document><BkToCstmrStmt/></Document>\n",
		  "LINE 2 (byte 22): document type declarations are not accepted", "DOCTYPE" },
		{ "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\">\n"
		  "<BkToCstmrStmt><Stmt>\n<Ntry><Amt>5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
		  "</Ntry></Stmt></BkToCstmrStmt></Document>",
		  "LINE 3 (byte 88): amount without a currency (Ccy)", "no Ccy" },
		{ "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\">\n"
		  "<BkToCstmrStmt><Stmt>\n<Ntry><Amt Ccy=\"EUR\">5.001</Amt><CdtDbtInd>CRDT"
		  "</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>",
		  "LINE 3 (byte 88): ", "three decimals for EUR" },
		{ "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\">\n"
		  "<BkToCstmrStmt><Stmt>\n<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT"
		  "</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>",
		  "LINE 3 (byte 88): entry without a valid booking or value date", "no date" },
		{ "", "LINE 1 (byte 0): malformed XML: ", "empty file" },
	};
	struct tu_deposits g = { 0 };
	struct ur_err err;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		enum ur_status st = camt_parse(bad[i][0], strlen(bad[i][0]), tu_collect, &g, &err);

		tap_is_int(st, UR_INPUT, "%s: UR_INPUT", bad[i][2]);
		tap_ok(strncmp(err.msg, bad[i][1], strlen(bad[i][1])) == 0, "%s: \"%s\"",
		       bad[i][2], err.msg);
		tap_is_int(g.n, 0, "%s: nothing emitted", bad[i][2]);
		tu_deposits_free(&g);
	}
}

static void
test_sniff(void)
{
	static const char csv[] = "date,amount\n2026-03-01,100\n";
	static const char pain[] =
		"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\">";

	tap_ok(camt_sniff(camt053_02, 200), "sniff camt.053.001.02");
	tap_ok(camt_sniff(camt053_08, 120), "sniff camt.053.001.08");
	tap_ok(camt_sniff(camt054, strlen(camt054)), "sniff camt.054");
	tap_ok(!camt_sniff(csv, strlen(csv)), "sniff: CSV is not camt");
	tap_ok(!camt_sniff(pain, strlen(pain)), "sniff: pain.001 is not camt");
	tap_ok(!camt_sniff(camt053_02, 40), "sniff: namespace cut off");
}

TAP_SUITE(camt)
{
	test_053_02();
	test_053_08();
	test_054();
	test_mixed();
	test_rejections();
	test_sniff();
}
