#!/bin/sh
# run-fuzz-csv.sh: build the bank CSV (tests/fuzz/fuzz_bankcsv.c) and camt
# (tests/fuzz/fuzz_camt.c) libFuzzer harnesses with clang, ASan and UBSan,
# and fuzz each parser for a bounded time from a seed corpus written here.
# Passes when libFuzzer finds no crash and no input takes longer than its
# budget; large seeds (a payer name of 180 KB, an element with 100,000
# attributes) make it try large inputs too. URIKAKE_FUZZ_SECONDS overrides
# the time per harness (default 15), URIKAKE_FUZZ_MAX_LEN the largest
# input (1 MiB), URIKAKE_FUZZ_BUDGET the seconds one input may take (5).
fuzz_secs=15
. "$top_srcdir/tests/fuzz/lib-fuzz.sh"
xml_cflags=$(pkg-config --cflags libxml-2.0 2>/dev/null || xml2-config --cflags)
xml_libs=$(pkg-config --libs libxml-2.0 2>/dev/null || xml2-config --libs)

cc_fuzz() { # cc_fuzz OUT SOURCES... [FLAGS]
	out=$1; shift
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-std=c11 -D_GNU_SOURCE -I"$B" -I"$S/src/core" -I"$S/src/import" -o "$T/$out" "$@"
}
core="$S/tests/fuzz/fuzz_deposit.c $S/src/core/money.c $S/src/core/date.c $S/src/core/textnorm.c
	$S/src/core/err.c $S/src/core/strbuf.c $S/src/core/xalloc.c"
# shellcheck disable=SC2086
t_ok "bank CSV fuzz harness builds" cc_fuzz fuzz_bankcsv "$S/tests/fuzz/fuzz_bankcsv.c" \
	"$S/src/import/bankcsv.c" "$S/src/import/profile.c" "$B/src/import/profile_data.c" \
	"$S/src/core/csv.c" "$S/src/core/charset.c" "$S/src/core/charset_detect.c" "$S/src/core/text.c" "$S/src/core/text_width.c" $core
# shellcheck disable=SC2086
t_ok "camt fuzz harness builds" cc_fuzz fuzz_camt "$S/tests/fuzz/fuzz_camt.c" \
	"$S/src/import/camt.c" "$S/src/core/text.c" "$S/src/core/text_width.c" $core $xml_cflags $xml_libs

# Seeds for the CSV harness: a profile-choosing byte, then a file.
mkdir -p "$T/csv" "$T/camt"
{
	printf '\002'
	printf '账号：11050162540000001234\r\n'
	printf '交易时间,借方发生额（支取）,贷方发生额（收入）,余额,币种,对方户名,记账日期,摘要\r\n'
	printf '20260302101530,,"12,345.60","112,345.60",人民币,北京甲乙科技有限公司,20260302,货款\r\n'
	printf ',本页小计,,"12,345.60",,,,\r\n'
} | iconv -f UTF-8 -t GB18030 >"$T/csv/ccb" 2>/dev/null || printf '\002' >"$T/csv/ccb"
{
	printf '\000'
	printf '"照会口座","番号","勘定日","起算日","出金金額","入金金額","残高","摘要"\r\n'
	printf '"001-1234567","1","2026/03/02","2026/03/02","","109,670","1,109,670","ｶ)ﾔﾏﾀﾞ"\r\n'
} | iconv -f UTF-8 -t CP932 >"$T/csv/anser" 2>/dev/null || printf '\000' >"$T/csv/anser"
printf '\004date,amount,payer,memo,reference\n2026-03-31,"1,234",Acme,="INV-1",R1\n2026-04-01,-5,,,\n' \
	>"$T/csv/generic"
printf '\003记账日期,交易金额,联机余额,对手信息\n20260310,+1000.50,-,（空）\n' >"$T/csv/cmb"
cat >"$T/camt/053" <<'XML'
<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-03-05</Dt></BookgDt><AcctSvcrRef>R5</AcctSvcrRef><NtryDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">100.00</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>A AG</Nm></Dbtr></RltdPties><RmtInf><Ustrd>X</Ustrd></RmtInf></TxDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">200.00</Amt></TxAmt></AmtDtls></TxDtls>
</NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts>BOOK</Sts><BookgDt><DtTm>2026-03-06T10:00:00</DtTm></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>
XML
cat >"$T/camt/054" <<'XML'
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
<Ntfctn><Acct><Id><Othr><Id>123</Id></Othr></Id></Acct><Ntry><Amt Ccy="JPY">109670</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><ValDt><Dt>2026-03-31</Dt></ValDt>
<NtryDtls><TxDtls><Amt Ccy="JPY">109670</Amt><RltdPties><Dbtr><Pty><Nm>Y</Nm></Pty></Dbtr>
</RltdPties><RmtInf><Strd><CdtrRefInf><Ref>RF18</Ref></CdtrRefInf></Strd></RmtInf>
</TxDtls></NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
XML

# Large seeds (LC_ALL=C: yes and tr copy the kana's bytes as they are).
kana=$(yes 'ｱｲｳｴｵｶｷｸｹｺ' | head -n 6000 | tr -d '\n')
printf '\004date,amount,payer,memo,reference\n2026-03-31,1234,%s,,R1\n' "$kana" \
	>"$T/csv/large-payer"
{
	printf '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'
	printf '<Stmt><Acct'
	seq 100000 | awk '{ printf " a%d=\"x\"", $1 }'
	printf '><Id><IBAN>DE02</IBAN></Id></Acct></Stmt></BkToCstmrStmt></Document>\n'
} >"$T/camt/many-attributes"
{
	printf '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">'
	printf '<BkToCstmrDbtCdtNtfctn><Ntfctn><Ntry><Amt Ccy="JPY">1</Amt>'
	printf '<CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-31</Dt></BookgDt><NtryDtls>'
	printf '<TxDtls><RltdPties><Dbtr><Nm>%s</Nm></Dbtr></RltdPties></TxDtls>' "$kana"
	printf '</NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n'
} >"$T/camt/large-payer"

fuzz() { # fuzz NAME CORPUS
	"$T/$1" -max_total_time="$secs" -max_len="$max_len" -timeout="$budget" \
		-rss_limit_mb=2048 -artifact_prefix="$T/$1-" -print_final_stats=1 "$T/$2" \
		>"$T/$1.log" 2>&1
	rc=$?
	t_report $rc "libFuzzer ran ${secs}s on $1 without a crash or an input over ${budget}s"
	if [ $rc -ne 0 ]; then
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$T/$1.log" | head -20 |
			sed 's/^/# /'
		for a in "$T/$1"-crash-* "$T/$1"-timeout-* "$T/$1"-leak-* "$T/$1"-oom-*; do
			[ -f "$a" ] && { echo "# input ${a##*/}:"; od -c "$a" | head -40 | sed 's/^/#   /'; }
		done
	fi
	grep -q 'stat::number_of_executed_units' "$T/$1.log"
	t_report $? "libFuzzer executed inputs on $1"
}
[ -x "$T/fuzz_bankcsv" ] && fuzz fuzz_bankcsv csv
[ -x "$T/fuzz_camt" ] && fuzz fuzz_camt camt
t_done
