#!/bin/sh
# bank.sh: `urikake import bank` for every format (values checked field by
# field through `export deposits`), format guessing, idempotence,
# overlapping statements, cancellations, every rejection (exit 3, the
# record and byte named, the database byte-for-byte unchanged) and the
# demo's bank files.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 shell not installed"
command -v iconv >/dev/null || t_skip_all "iconv not installed"
FIX=$top_builddir/tests/bank_fixture

# rows DB: the exported deposits without the header.
rows() { "$URIKAKE" --db "$1" export deposits | sed 1d; }
dump() { t_dump "$1" | sha256sum; }
# imp DESC DB FILE [ARGS]: import, expecting success.
imp() { d=$1 db=$2; shift 2; t_ok "$d" "$URIKAKE" --db "$db" import bank "$@"; }
gb() { iconv -f UTF-8 -t GB18030; }
sj() { iconv -f UTF-8 -t CP932; }

# --- Zengin 振込入金通知, format A -------------------------------------------
"$FIX" transfer-a >a.dat
imp "zengin A imports" za.db a.dat
t_grep "auto picks zengin-transfer and says so" "^a.dat: format zengin-transfer, encoding CP932$" .out
t_grep "counts" "^deposits: 3 new, 0 already imported, 0 reversed$" .out
t_is "progress bar silent when stderr is not a terminal" "$(cat .err)" ""
t_is "zengin A: every field" "$(rows za.db)" \
"000101,0001-001-1234567,2026-03-25,2026-03-25,110000,JPY,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,,ﾐﾂﾋﾞｼ,ｼﾝｼﾞﾕｸ,INV-2603-000001,unmatched,
000102,0001-001-1234567,2026-03-26,2026-03-27,80000,JPY,ﾔﾏﾀﾞ ﾀﾛｳ,1234567890,ﾐｽﾞﾎ,ﾎﾝﾃﾝ,,unmatched,
000103,0001-001-1234567,2026-03-27,2026-03-27,5500,JPY,ｽｽﾞｷ ﾊﾅｺ,,,,,unmatched,"
t_is "bank_file row: hash, format, encoding, records" \
	"$(t_sql za.db 'SELECT sha256, format, encoding, records FROM bank_file')" \
	"$(sha256sum <a.dat | cut -d' ' -f1)|zengin-transfer|CP932|3"
t_is "payer_key folded for matching" \
	"$(t_sql za.db "SELECT payer_key FROM deposit WHERE reference = '000101'")" "ヤマダシヨウジ"
imp "re-import" za.db a.dat
t_grep "re-import adds nothing" "^deposits: 0 new, 3 already imported, 0 reversed$" .out
t_grep "re-import says the file is known" "imported before" .out
"$FIX" multi >multi.dat
imp "same deposits in another framing (LF, empty group, several groups)" za.db multi.dat
t_grep "several groups: all already imported" "^deposits: 0 new, 3 already imported, 0 reversed$" .out
imp "several groups into a new database" zm.db multi.dat
t_is "several groups: same rows" "$(rows zm.db)" "$(rows za.db)"
imp "explicit --format zengin-transfer" zx.db a.dat --format zengin-transfer
t_grep "explicit format reported" "format zengin-transfer" .out

# --- format B ---------------------------------------------------------------
"$FIX" transfer-b >b.dat
imp "zengin B imports" zb.db b.dat --format zengin-transfer-b
t_grep "format B reported" "^b.dat: format zengin-transfer-b, encoding CP932$" .out
t_is "zengin B: EDI at 153 and the 12-digit amount" "$(rows zb.db)" \
"000101,0001-001-1234567,2026-03-25,2026-03-25,110000,JPY,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,,ﾐﾂﾋﾞｼ,ｼﾝｼﾞﾕｸ,INV-2603-000001,unmatched,
000102,0001-001-1234567,2026-03-26,2026-03-27,80000,JPY,ﾔﾏﾀﾞ ﾀﾛｳ,1234567890,ﾐｽﾞﾎ,ﾎﾝﾃﾝ,,unmatched,
000104,0001-001-1234567,2026-03-27,2026-03-27,12345678901,JPY,ｽｽﾞｷ ﾊﾅｺ,,,,,unmatched,"

# --- 入出金取引明細 (03), overlapping statements, 訂正 ---------------------------
"$FIX" statement1 >s1.dat
"$FIX" statement2 >s2.dat
"$FIX" statement-fix >s3.dat
imp "zengin 03 imports" zs.db s1.dat
t_grep "auto picks zengin-statement" "^s1.dat: format zengin-statement, encoding CP932$" .out
t_grep "debit skipped" "^deposits: 2 new, 0 already imported, 0 reversed$" .out
t_is "zengin 03: credits, every field" "$(rows zs.db)" \
"00000201,0001-001-0001234567,2026-03-23,2026-03-23,200000,JPY,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,,ﾐﾂﾋﾞｼ,ｼﾝｼﾞﾕｸ,EDI-0201,unmatched,
00000202,0001-001-0001234567,2026-03-24,2026-03-24,30000,JPY,ｽｽﾞｷ ﾊﾅｺ,,,,,unmatched,"
imp "overlapping statement (no separators)" zs.db s2.dat --format zengin-statement
t_grep "overlap: only the new one" "^deposits: 1 new, 1 already imported, 0 reversed$" .out
t_is "overlap: three deposits" "$(rows zs.db | cut -d, -f1,5 | tr '\n' ' ')" \
	"00000201,200000 00000202,30000 00000203,45000 "
imp "訂正 (取引区分 19)" zs.db s3.dat
t_grep "訂正 reverses" "^deposits: 0 new, 0 already imported, 1 reversed$" .out
t_is "訂正: the earlier deposit is reversed" \
	"$(rows zs.db | grep '^00000203,' | cut -d, -f12)" "reversed"
"$FIX" statement-fix-ref >s4.dat
imp "訂正 with its own reference" zr.db s1.dat
imp "the statement with the original" zr.db s2.dat
imp "訂正 with its own reference (by payer, amount, value date)" zr.db s4.dat
t_grep "訂正 by payer reverses" "^deposits: 0 new, 0 already imported, 1 reversed$" .out
t_is "訂正 by payer: that deposit is reversed, no other" \
	"$(rows zr.db | cut -d, -f1,12 | tr '\n' ' ')" \
	"00000201,unmatched 00000202,unmatched 00000203,reversed "
t_sql zr.db "INSERT INTO deposit (bank_file_id, record_no, acct_bank, acct_branch, acct_number,
	booking_date, value_date, amount, currency, payer_name, payer_key, reference)
	SELECT bank_file_id, 99, acct_bank, acct_branch, acct_number, booking_date, value_date,
	amount, currency, payer_name, payer_key, '00000298' FROM deposit WHERE reference = '00000203'"
t_sql zr.db "UPDATE deposit SET state = 'unmatched' WHERE reference = '00000203'"
zr_before=$(t_dump zr.db | sha256sum)
t_exit "訂正 that could mean two deposits is rejected" 3 "$URIKAKE" --db zr.db import bank s4.dat
t_grep "ambiguous 訂正: says why" "RECORD 2 (byte [0-9]*): .*several deposits" .err
t_is "ambiguous 訂正: database unchanged" "$(t_dump zr.db | sha256sum)" "$zr_before"

# --- cancellation (取消区分 1) voids what the deposit paid ---------------------
printf 'code,name,kana,currency\nC001,株式会社山田商事,カブシキガイシャヤマダショウジ,JPY\n' >c.csv
printf 'number,customer,issue_date,due_date,amount\nINV-1,C001,2026-02-28,2026-03-31,110000\n' >i.csv
"$URIKAKE" --db za.db import customers c.csv >/dev/null
"$URIKAKE" --db za.db import invoices i.csv >/dev/null
t_sql za.db "INSERT INTO allocation (deposit_id, invoice_id, customer_id, amount, kind,
	alloc_date, \"user\") SELECT d.id, i.id, c.id, 110000, 'manual', '2026-03-25', 'tester'
	FROM deposit d, invoice i, customer c WHERE d.reference = '000101' AND i.number = 'INV-1'
	AND c.code = 'C001'; UPDATE invoice SET paid = 110000 WHERE number = 'INV-1';
	UPDATE deposit SET state = 'matched', customer_id =
	(SELECT id FROM customer WHERE code = 'C001') WHERE reference = '000101'"
t_is "set-up: invoice paid" "$("$URIKAKE" --db za.db export invoices | sed 1d | cut -d, -f9)" 0
"$FIX" cancel >cancel.dat
imp "cancellation" za.db cancel.dat
t_grep "cancellation reverses one" "^deposits: 0 new, 0 already imported, 1 reversed$" .out
t_grep "cancellation says what it voided" "^1 allocation of reversed deposits voided$" .out
t_is "cancelled deposit reversed, customer kept" \
	"$(rows za.db | grep '^000101,' | cut -d, -f12,13)" "reversed,C001"
t_is "its allocation voided" \
	"$(t_sql za.db 'SELECT count(*) FROM allocation WHERE voided_at IS NOT NULL')" 1
t_is "invoice open again" "$("$URIKAKE" --db za.db export invoices | sed 1d | cut -d, -f9)" 110000
t_is "void and reversal audited" \
	"$(t_sql za.db "SELECT action || ':' || entity FROM audit WHERE action IN ('void', 'state') ORDER BY id")" \
	"void:allocation:1
state:deposit:1"
imp "cancellation again" za.db cancel.dat
t_grep "cancellation is idempotent" "^deposits: 0 new, 1 already imported, 0 reversed$" .out

# --- Chinese corporate CSV in GB18030 -----------------------------------------
printf '%s\r\n' "中国建设银行单位账户明细查询" \
	"账号：11050162540000001234,账户名称：上海某某贸易有限公司" \
	"账号,账户名称,交易时间,借方发生额（支取）,贷方发生额（收入）,余额,币种,对方户名,对方账号,对方开户机构,记账日期,摘要,备注,账户明细编号-交易流水号" \
	'11050162540000001234,上海某某贸易有限公司,20260302101530,,"12,345.60","112,345.60",人民币,北京甲乙科技有限公司,6222020200012345678,中国工商银行北京分行,20260302,货款,INV-2026-031,110501625400000012340001' \
	'11050162540000001234,上海某某贸易有限公司,20260303091000,"2,000.00",,"110,345.60",人民币,上海房东,6222,招商银行,20260303,房租,,110501625400000012340002' \
	',,本页小计,"2,000.00","12,345.60",,,,,,,,,' \
	'11050162540000001234,上海某某贸易有限公司,2026-03-05 14:20:00,-,"8,800.00","119,145.60",人民币,广州丙丁有限公司,44001,中国银行,2026-03-06,,,=@110501625400000012340003' \
	'合计,,,"2,000.00","21,145.60",,,,,,,,,' | gb >ccb.csv
imp "ccb (GB18030) imports" cn.db ccb.csv
t_grep "auto picks csv:ccb in GB18030" "^ccb.csv: format csv:ccb, encoding GB18030$" .out
t_grep "ccb: debit, 本页小计 and 合计 skipped" "^deposits: 2 new, 0 already imported, 0 reversed$" .out
t_is "ccb: every field (formula-looking cell neutralised)" "$(rows cn.db)" \
"110501625400000012340001,11050162540000001234,2026-03-02,2026-03-02,12345.60,CNY,北京甲乙科技有限公司,6222020200012345678,中国工商银行北京分行,,货款 INV-2026-031,unmatched,
'=@110501625400000012340003,11050162540000001234,2026-03-06,2026-03-05,8800.00,CNY,广州丙丁有限公司,44001,中国银行,,,unmatched,"

printf '%s\n' "交通银行账户交易明细" "账号：,310066726018010012345,户名：,上海某某贸易有限公司" \
	"交易时间,借方发生额,贷方发生额,账户余额,对方账号,对方户名,摘要" \
	'承上页,,,"50,000.00",,,' \
	'2026-03-10 09:12:00,,"￥5,000.00","55,000.00",6217001,杭州戊己有限公司,货款' \
	'2026-03-11 16:40:00,300.00,,"54,700.00",6217002,上海电力,电费' \
	'2026-03-12 10:00:00,,0.50,"54,700.50",,,利息' \
	'本页小计,300.00,"5,000.50",,,,' | gb >bocom.csv
imp "bocom (GB18030) imports" cn.db bocom.csv
t_grep "auto picks csv:bocom" "^bocom.csv: format csv:bocom, encoding GB18030$" .out
t_is "bocom: every field" "$(rows cn.db | grep 310066726018010012345)" \
"2026-03-10/500000/ab978c0a/1,310066726018010012345,2026-03-10,2026-03-10,5000.00,CNY,杭州戊己有限公司,6217001,,,货款,unmatched,
2026-03-12/50/811c9dda/1,310066726018010012345,2026-03-12,2026-03-12,0.50,CNY,,,,,利息,unmatched,"

printf '%s\r\n' "招商银行交易明细" "账号：755912345610801" "记账日期,货币,交易金额,联机余额,交易摘要,对手信息" \
	'20260310,人民币,"1,000.50","21,000.50",转账汇入,深圳庚辛有限公司' \
	'20260311,人民币,-300.00,"20,700.50",代发工资,' \
	'20260312,人民币,+2500,"23,200.50",网银转入,' | gb >cmb.csv
imp "cmb (GB18030) imports" cn.db cmb.csv
t_grep "auto picks csv:cmb" "^cmb.csv: format csv:cmb, encoding GB18030$" .out
t_is "cmb: signed amounts, every field" "$(rows cn.db | grep 755912345610801)" \
"2026-03-10/100050/a6f2f944/1,755912345610801,2026-03-10,2026-03-10,1000.50,CNY,深圳庚辛有限公司,,,,转账汇入,unmatched,
2026-03-12/250000/811c9dda/1,755912345610801,2026-03-12,2026-03-12,2500.00,CNY,,,,,网银转入,unmatched,"

printf '%s\n' "浦发银行账户明细" "账号,98760154740001234" "交易日期,摘要,借方金额,贷方金额,余额,对方账号,对方户名" \
	'2026/03/20,货款,（空）,"3,210.00","13,210.00",  95588001  ,  成都壬癸有限公司  ' \
	'2026/03/21,手续费,10.00,（空）,"13,200.00",,' \
	'合计,,10.00,"3,210.00",,,' | gb >spdb.csv
imp "spdb (GB18030) imports" cn.db spdb.csv --format csv:spdb
t_grep "explicit csv:spdb" "^spdb.csv: format csv:spdb, encoding GB18030$" .out
t_is "spdb: every field" "$(rows cn.db | grep 98760154740001234)" \
"2026-03-20/321000/431d4713/1,98760154740001234,2026-03-20,2026-03-20,3210.00,CNY,成都壬癸有限公司,95588001,,,货款,unmatched,"
imp "same CSV re-imported" cn.db ccb.csv
t_grep "CSV re-import adds nothing" "^deposits: 0 new, 2 already imported, 0 reversed$" .out

# --- ANSER 入出金明細 in CP932, and --encoding --------------------------------
printf '%s\r\n' '"照会口座","番号","勘定日","起算日","出金金額","入金金額","小切手区分","残高","取引区分","明細区分","金融機関名","支店名","摘要"' \
	'"001-1234567","1","2026/03/02","2026/03/02","","109,670","","1,109,670","振込","","ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ","ｼﾝｼﾞﾕｸ","ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ"' \
	'"001-1234567","2","2026/03/03","2026/03/03","50,000","","","1,059,670","振替","","","","ﾃﾞﾝｷﾀﾞｲ"' \
	'"001-1234567","3","2026/03/31","2026/03/30","","54,780","","1,114,450","振込","","ﾐｽﾞﾎ","ﾎﾝﾃﾝ","ﾀﾅｶｺｳｷﾞﾖｳ(ﾕ"' | sj >anser.csv
imp "anser (CP932) imports" an.db anser.csv
t_grep "auto picks csv:anser in CP932" "^anser.csv: format csv:anser, encoding CP932$" .out
t_is "anser: every field, half-width kana kept" "$(rows an.db)" \
"2026-03-02/109670/3c67a640/1,001-1234567,2026-03-02,2026-03-02,109670,JPY,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,,ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ,ｼﾝｼﾞﾕｸ,振込,unmatched,
2026-03-31/54780/45c62e21/1,001-1234567,2026-03-31,2026-03-30,54780,JPY,ﾀﾅｶｺｳｷﾞﾖｳ(ﾕ,,ﾐｽﾞﾎ,ﾎﾝﾃﾝ,振込,unmatched,"
imp "--encoding names the encoding" an2.db anser.csv --encoding Shift_JIS
t_grep "--encoding Shift_JIS reads CP932" "^anser.csv: format csv:anser, encoding CP932$" .out
t_is "--encoding: same rows" "$(rows an2.db)" "$(rows an.db)"
# A re-download overlapping the first (one more debit line first, one new
# credit last): what was imported is recognised though every line moved.
printf '%s\r\n' '"照会口座","番号","勘定日","起算日","出金金額","入金金額","小切手区分","残高","取引区分","明細区分","金融機関名","支店名","摘要"' \
	'"001-1234567","0","2026/03/01","2026/03/01","1,000","","","1,000,000","振替","","","","ATM"' \
	'"001-1234567","1","2026/03/02","2026/03/02","","109,670","","1,109,670","振込","","ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ","ｼﾝｼﾞﾕｸ","ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ"' \
	'"001-1234567","3","2026/03/31","2026/03/30","","54,780","","1,114,450","振込","","ﾐｽﾞﾎ","ﾎﾝﾃﾝ","ﾀﾅｶｺｳｷﾞﾖｳ(ﾕ"' \
	'"001-1234567","4","2026/03/31","2026/03/31","","54,780","","1,169,230","振込","","ﾐｽﾞﾎ","ﾎﾝﾃﾝ","ｽｽﾞｷ ﾊﾅｺ"' | sj >anser2.csv
imp "overlapping download without a serial column" an.db anser2.csv
t_grep "overlap without references: only the new one" \
	"^deposits: 1 new, 2 already imported, 0 reversed$" .out
# Same day and amount: two payers are two deposits, one payer twice is two.
printf '%s\r\n' '"照会口座","番号","勘定日","起算日","出金金額","入金金額","小切手区分","残高","取引区分","明細区分","金融機関名","支店名","摘要"' \
	'"001-1234567","1","2026/04/01","2026/04/01","","1,000","","1,000","振込","","","","ﾃｽﾄ"' \
	'"001-1234567","2","2026/04/01","2026/04/01","","1,000","","2,000","振込","","","","ﾍﾞﾂﾉｶｲｼﾔ"' \
	'"001-1234567","3","2026/04/01","2026/04/01","","1,000","","3,000","振込","","","","ﾃｽﾄ"' | sj >same.csv
imp "same day and amount, no references" sd.db same.csv
t_grep "two payers and a repeat: three deposits" "^deposits: 3 new, 0 already imported, 0 reversed$" .out
t_is "one payer twice: numbered 1 and 2" \
	"$(rows sd.db | cut -d, -f1,7 | sort | tr '\n' ' ')" \
	"2026-04-01/1000/552251ca/1,ﾃｽﾄ 2026-04-01/1000/552251ca/2,ﾃｽﾄ 2026-04-01/1000/86eab4a6/1,ﾍﾞﾂﾉｶｲｼﾔ "
imp "same day and amount re-imported" sd.db same.csv
t_grep "re-import: all recognised" "^deposits: 0 new, 3 already imported, 0 reversed$" .out

# --- camt.053 (.02, .08) and camt.054 -------------------------------------------
cat >c02.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr><Stmt><Id>S1</Id>
<Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">1234.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-03</Dt></ValDt>
<AcctSvcrRef>REF1</AcctSvcrRef><NtryDtls><TxDtls>
<RltdPties><Dbtr><Nm>Muster GmbH</Nm></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf><Ustrd>INV-1</Ustrd><Ustrd>INV-2</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-03-02</Dt></BookgDt><AcctSvcrRef>REF2</AcctSvcrRef></Ntry>
<Ntry><Amt Ccy="EUR">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-03-05</Dt></BookgDt><AcctSvcrRef>REF5</AcctSvcrRef><NtryDtls>
<TxDtls><Refs><AcctSvcrRef>TX51</AcctSvcrRef></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">100.00</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>A AG</Nm></Dbtr></RltdPties></TxDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">200.00</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>B AG</Nm></Dbtr></RltdPties>
<RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">1234.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-03-06</Dt></BookgDt><AcctSvcrRef>REF1</AcctSvcrRef></Ntry>
</Stmt></BkToCstmrStmt></Document>
XML
imp "camt.053.001.02 imports" cx.db c02.xml
t_grep "auto picks camt053" "^c02.xml: format camt053, encoding UTF-8$" .out
t_grep "camt: reversal in the same file" "^deposits: 3 new, 0 already imported, 1 reversed$" .out
t_is "camt.053.02: every field" "$(rows cx.db)" \
"REF1,DE02120300000000202051,2026-03-02,2026-03-03,1234.50,EUR,Muster GmbH,DE89370400440532013000,,,INV-1 INV-2,reversed,
TX51,DE02120300000000202051,2026-03-05,2026-03-05,100.00,EUR,A AG,,,,,unmatched,
REF5/2,DE02120300000000202051,2026-03-05,2026-03-05,200.00,EUR,B AG,,,,RF18539007547034,unmatched,"
cat >c08.xml <<'XML'
<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt><GrpHdr><MsgId>M8</MsgId></GrpHdr><Stmt><Id>S8</Id>
<Acct><Id><Othr><Id>0005-001-1234567</Id></Othr></Id>
<Svcr><FinInstnId><BICFI>BOTKJPJT</BICFI></FinInstnId></Svcr></Acct>
<Ntry><Amt Ccy="JPY">109670</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-31</Dt></BookgDt>
<ValDt><DtTm>2026-03-30T09:00:00</DtTm></ValDt><AcctSvcrRef>JP-0001</AcctSvcrRef>
<NtryDtls><TxDtls><Amt Ccy="JPY">109670</Amt>
<RltdPties><Dbtr><Pty><Nm>ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ</Nm></Pty></Dbtr></RltdPties>
<RltdAgts><DbtrAgt><FinInstnId><BICFI>SMBCJPJT</BICFI></FinInstnId></DbtrAgt></RltdAgts>
<RmtInf><Ustrd>INV2026-0312</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="JPY">500</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<Sts><Cd>INFO</Cd></Sts><BookgDt><Dt>2026-03-31</Dt></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>
XML
imp "camt.053.001.08 imports" c8.db c08.xml --format camt053
t_is "camt.053.08: every field" "$(rows c8.db)" \
"JP-0001,BOTKJPJT-0005-001-1234567,2026-03-31,2026-03-30,109670,JPY,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,,SMBCJPJT,,INV2026-0312,unmatched,"
cat >c54.xml <<'XML'
<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04">
<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>N</MsgId></GrpHdr>
<Ntfctn><Id>1</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-03-10</Dt></BookgDt><ValDt><Dt>2026-03-10</Dt></ValDt>
<AcctSvcrRef>CH-77</AcctSvcrRef><NtryDtls><TxDtls>
<RltdPties><Dbtr><Nm>Kunde AG</Nm></Dbtr></RltdPties>
<RmtInf><Ustrd>Rechnung 42</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
XML
imp "camt.054 imports" c4.db c54.xml
t_grep "auto picks camt054" "^c54.xml: format camt054, encoding UTF-8$" .out
t_is "camt.054: every field" "$(rows c4.db)" \
"CH-77,CH9300762011623852957,2026-03-10,2026-03-10,250.00,EUR,Kunde AG,,,,Rechnung 42,unmatched,"
t_ok "export deposits --format json" "$URIKAKE" --db c4.db export deposits --format json
t_is "JSON row" "$(sed -n 2p .out)" \
'{"ref":"CH-77","account":"CH9300762011623852957","date":"2026-03-10","value_date":"2026-03-10","amount":250.00,"currency":"EUR","payer_name":"Kunde AG","payer_code":"","bank":"","branch":"","edi":"Rechnung 42","state":"unmatched","customer":""}'

# --- rejections: exit 3, FILE:RECORD/LINE N (byte B): reason, nothing written --
# rejects DESC FILE PATTERN [ARGS]: into za.db (which holds data by now).
rejects() {
	d=$1 f=$2 pat=$3; shift 3
	before=$(dump za.db)
	t_exit "$d: exit 3" 3 "$URIKAKE" --db za.db import bank "$f" "$@"
	t_grep "$d: message" "^urikake: $f:$pat" .err
	t_is "$d: database unchanged" "$(dump za.db)" "$before"
}
for s in ebcdic short long order trailer cancel-unknown; do "$FIX" $s >$s.dat; done
iconv -f CP932 -t UTF-8 a.dat >utf8.dat
rejects "EBCDIC" ebcdic.dat "RECORD 1 (byte 3): .*EBCDIC"
rejects "re-saved as UTF-8" utf8.dat "RECORD 1 (byte [0-9]*): .*UTF-8" --format zengin-transfer
rejects "short record" short.dat "RECORD 3 (byte 404): .*199 bytes"
rejects "long record" long.dat "RECORD 3 (byte 404): .*201 bytes"
rejects "record out of order" order.dat "RECORD 1 (byte 0): " --format zengin-transfer
rejects "trailer mismatch" trailer.dat "RECORD 5 (byte 815): .*195509"
rejects "cancellation of nothing" cancel-unknown.dat "RECORD 2 (byte 202): .*999999"
rejects "statement as transfer" s1.dat "RECORD 1 (byte [0-9]*): " --format zengin-transfer
sed 's/"12,345.60","112/"12,3x5.60","112/' ccb.csv >badamount.csv
rejects "CSV bad amount" badamount.csv "LINE 4 (byte [1-9][0-9]*): "
head -c 600 c02.xml >broken.xml
rejects "malformed XML" broken.xml "LINE [0-9]* (byte [0-9]*): " --format camt053
printf 'hello,world\n1,2\n' >unknown.txt
rejects "unknown file" unknown.txt " not a bank file.*tried.*ccb"
t_exit "unknown --format: usage" 2 "$URIKAKE" --db za.db import bank a.dat --format mt940
t_grep "unknown --format lists the formats" "zengin-transfer, zengin-transfer-b" .err
t_exit "unknown profile: usage" 2 "$URIKAKE" --db za.db import bank ccb.csv --format csv:nope
t_grep "unknown profile lists the profiles" "profiles: .*ccb" .err
t_exit "Zengin with another encoding: usage" 2 \
	"$URIKAKE" --db za.db import bank a.dat --encoding GB18030
t_exit "missing file: exit 1" 1 "$URIKAKE" --db za.db import bank nosuch.dat
t_exit "no file: usage" 2 "$URIKAKE" --db za.db import bank
t_exit "export deposits --format xml: usage" 2 "$URIKAKE" --db za.db export deposits --format xml

# --- a user profile from $XDG_CONFIG_HOME ---------------------------------------
mkdir -p cfg/urikake/bank-profiles
printf 'name = mine\ncurrency = USD\nencoding = UTF-8\nheader = When, Got\ndate = When\ncredit = Got\npayer = Who\n' \
	>cfg/urikake/bank-profiles/mine.profile
printf 'When,Got,Who\n2026-03-09,12.34,Bob\n' >mine.csv
t_ok "user profile found by --format auto" env XDG_CONFIG_HOME="$T/cfg" \
	"$URIKAKE" --db up.db import bank mine.csv
t_grep "user profile named" "^mine.csv: format csv:mine, encoding UTF-8$" .out
t_is "user profile: row" "$(rows up.db | cut -d, -f3,5,6,7)" "2026-03-09,12.34,USD,Bob"

# --- the demo's bank files ------------------------------------------------------
mkdir demo
t_ok "demo writes and imports bank files" "$URIKAKE" --db demo/d.db demo
t_grep "demo: Zengin file imported" "demo-furikomi.zengin: format zengin-transfer, encoding CP932" .out
t_grep "demo: CCB file imported as GB18030" "demo-ccb.csv: format csv:ccb, encoding GB18030" .out
dd=demo # beside the database; a server's database has none: the current directory
t_on_pg && dd=.
t_is "demo: the Zengin file auto-detects" \
	"$("$URIKAKE" --db demo/x.db import bank $dd/demo-furikomi.zengin | head -1)" \
	"$dd/demo-furikomi.zengin: format zengin-transfer, encoding CP932"
t_is "demo: the CSV auto-detects" \
	"$("$URIKAKE" --db demo/x.db import bank $dd/demo-ccb.csv | head -1)" \
	"$dd/demo-ccb.csv: format csv:ccb, encoding GB18030"
"$URIKAKE" --db demo/d.db export deposits >demo/dep.csv
n=$(grep -c ',unmatched,$' demo/dep.csv)
t_ok "demo: a real unmatched queue ($n)" test "$n" -ge 150
t_grep "demo: bank-style half-width payer" ',ｶ)[^,(]*,,' demo/dep.csv
t_grep "demo: company type at the end" ',[^,)]*(ｶ,,' demo/dep.csv
t_grep "demo: strangers" ',ﾀﾅｶ ｲﾁﾛｳ,' demo/dep.csv
t_grep "demo: Chinese payers in CNY" ',CNY,[^,]*有限公司,' demo/dep.csv
t_grep "demo: EDI naming an invoice" ',INV-[0-9]*-[0-9]*,unmatched,' demo/dep.csv
# A customer pays an invoice once it is issued: no deposit of the demo's
# bank files is dated before the invoice it pays, on a Tuesday as on a
# Sunday (the last invoices then fall after the last banking day).
mkdir demo-days
for day in 2026-03-31 2026-12-06; do
	URIKAKE_TODAY=$day "$URIKAKE" --db "demo-days/$day.db" demo >/dev/null
	t_is "demo on $day: no payment dated before its invoice" \
		"$(URIKAKE_TODAY=$day "$URIKAKE" --db "demo-days/$day.db" match --auto --dry-run --json |
			grep -c -e 'paid before its invoice' -e 'issued after the deposit')" 0
done
t_ok "demo bank-file" "$URIKAKE" demo bank-file big.dat --records 100001
t_is "bank-file: two groups of 200-byte records" "$(wc -c <big.dat)" \
	$(( (100001 + 2 * 2 + 1) * 202 ))
imp "bank-file imports" big.db big.dat
t_grep "bank-file: every deposit new" "^deposits: 100001 new, 0 already imported, 0 reversed$" .out
t_done
