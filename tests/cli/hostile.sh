#!/bin/sh
# hostile.sh: files and surroundings made to hurt (issue 13) — over-long
# fields (refused with file, line and field; a long name already stored
# costs one pass), camt with 100,000 attributes or a 20 MB attribute,
# control characters in file names and cells, formulas behind a tab, wrong
# encodings named rightly, a bad URIKAKE_TODAY, a read-only directory, a
# foreign schema version, a group one is not in, a file-size limit, a race
# of 20 clerks for one invoice.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 shell not installed"
LC_ALL=C.UTF-8; export LC_ALL
ESC=$(printf '\033')
CSI=$(printf '\302\233') # U+009B

u() { "$URIKAKE" --db "$DB" "$@"; }
dump() { t_dump "$1" | sha256sum; }
# rep STRING N: STRING N times.
rep() { yes "$1" | head -n "$2" | tr -d '\n'; }
# has_control FILE: true when FILE holds ESC or U+009B.
has_control() { grep -q -e "$ESC" -e "$CSI" "$1"; }
# within SECONDS CMD...: run CMD, failing the test when it runs longer.
within() { s=$1; shift; timeout "$s" "$@"; }

DB="$T/h.db"
printf 'code,name,kana\nC1,山田商事,ﾔﾏﾀﾞｼﾖｳｼﾞ\nC2,鈴木工業,ｽｽﾞｷｺｳｷﾞﾖｳ\n' >c.csv
printf 'number,customer,issue_date,amount,memo\nINV-1,C1,2026-03-01,1000,\nINV-2,C2,2026-03-01,2000,\n' >i.csv
u init >/dev/null && u import customers c.csv >/dev/null && u import invoices i.csv >/dev/null
before=$(dump "$DB")

# --- over-long fields ----------------------------------------------------
printf 'date,amount,payer,memo,reference\n2026-03-30,1000,%s,x,R1\n' "$(rep A 2000)" >long.csv
t_exit "a 2,000-byte payer name in a bank CSV is refused" 3 u import bank long.csv
t_grep "… naming the file, line and field" \
	"^urikake: long.csv:LINE 2 (byte 33): payer_name is 2000 bytes long; an import accepts at most 1024$" \
	.err
printf '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>DE02</IBAN></Id></Acct>
<Ntry><Amt Ccy="JPY">1000</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-05</Dt></BookgDt>
<AcctSvcrRef>R2</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>%s</Nm></Dbtr></RltdPties>
</TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>\n' "$(rep B 5000)" >long.xml
t_exit "a 5,000-byte payer name in camt is refused" 3 u import bank long.xml
t_grep "… naming the entry and field" "^urikake: long.xml:ENTRY 1 (byte [0-9]*): payer_name is 5000 bytes" .err
printf 'code,name\nC9,%s\n' "$(rep X 1500)" >longname.csv
t_exit "a 1,500-byte customer name is refused" 3 u import customers longname.csv
t_grep "… naming the line and column" \
	"^urikake: longname.csv:2: column 'name' is 1500 bytes long; an import accepts at most 1024$" .err
printf 'number,customer,issue_date,amount,memo\nINV-9,C1,2026-03-01,1,"%s"\n' "$(rep M 5000)" >longmemo.csv
t_exit "a 5,000-byte memo is refused" 3 u import invoices longmemo.csv
t_grep "… the memo's cap is 4096" "column 'memo' is 5000 bytes long; an import accepts at most 4096" .err
t_is "the refused imports changed nothing" "$(dump "$DB")" "$before"

# A name stored before the caps (a database written by an older urikake):
# every look-up of it costs one pass, and the customer it starts with is
# still proposed.
cp "$DB" old.db
printf "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name, reference)
	VALUES ('2026-03-30', '2026-03-30', 1000, 'JPY', 'ﾔﾏﾀﾞｼﾖｳｼﾞ%s', 'LONG');\n" \
	"$(rep ｱｲｳｴｵ 20000)" | t_sql old.db
t_exit "match show on a 300 KB payer name answers within seconds" 0 \
	within 10 "$URIKAKE" --db old.db match show --deposit LONG
t_is "… and still proposes the customer the name starts with" \
	"$(grep -o '山田商事 (name cut short); amount = INV-1' .out | head -1)" \
	"山田商事 (name cut short); amount = INV-1"
t_exit "match --auto --dry-run on it answers within seconds" 0 \
	within 10 "$URIKAKE" --db old.db match --auto --dry-run

# --- camt built to hang or to talk ----------------------------------------
{
	printf '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n'
	printf '<BkToCstmrStmt><Stmt><Acct'
	seq 100000 | awk '{ printf " a%d=\"x\"", $1 }'
	printf '><Id><IBAN>DE02</IBAN></Id></Acct></Stmt></BkToCstmrStmt></Document>\n'
} >attrs.xml
t_exit "camt with 100,000 attributes on one element is refused at once" 3 \
	within 10 "$URIKAKE" --db "$DB" import bank attrs.xml --format camt053
t_grep "… before parsing, naming the line" \
	"^urikake: attrs.xml:LINE 2 (byte [0-9]*): an element with more than 64 attributes$" .err
{
	printf '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n'
	printf '<BkToCstmrStmt><Stmt><Acct a="'
	head -c 20000000 /dev/zero | tr '\0' S
	printf '"><Id><IBAN>DE02</IBAN></Id></Acct></Stmt></BkToCstmrStmt></Document>\n'
} >bigattr.xml
t_exit "camt with a 20 MB attribute is refused" 3 u import bank bigattr.xml --format camt053
t_is "… and nothing but our one line reaches stderr (libxml2 prints no file content)" \
	"$(wc -l <.err | tr -d ' '):$(grep -c SSSS .err)" "1:0"
rm -f bigattr.xml
printf '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Ntry><Amt Ccy="JPY">1000</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-05</Dt></BookgDt>
<AcctSvcrRef>R3</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>A&#155;[2J</Nm></Dbtr>
</RltdPties></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>\n' >c1.xml
t_exit "camt's &#155; (U+009B) is refused as CSV's would be" 3 u import bank c1.xml
t_grep "… naming it" "ENTRY 1 (byte [0-9]*): control character U+009B in payer_name" .err
t_is "the refused bank files changed nothing" "$(dump "$DB")" "$before"

# --- control characters in names and cells --------------------------------
bad="b${ESC}[31m.csv"
printf 'date,amount,payer,memo,reference\n2026-03-30,1000,X,,R4\n' >"$bad"
t_ok "a file named with ESC imports" u import bank "$bad"
t_is "… and its name is printed in visible form" "$(has_control .out && echo raw)$(head -1 .out)" \
	"b^[[31m.csv: format csv:generic, encoding UTF-8"
t_is "… and stored in visible form" "$(t_sql "$DB" "SELECT name FROM bank_file")" "b^[[31m.csv"
printf 'date,amount\n2026-03-30,oops\n' >"$bad"
t_exit "a rejected file named with ESC" 3 u import bank "$bad"
t_is "… is named in visible form in the error" "$(has_control .err && echo raw)" ""
t_grep "… as ^[" "^urikake: b^\[\[31m.csv:LINE 2" .err
rm -f "$bad"

# (the control characters written into the SQL: char() is SQLite's alone)
tab=$(printf '\t') cr=$(printf '\r') esc=$(printf '\033') csi=$(printf '\302\233')
t_sql "$DB" "UPDATE customer SET name = '$tab=1+2', sales_rep = '$tab@SUM(1)'
	WHERE code = 'C1'; UPDATE customer SET address = '$cr=1+2' WHERE code = 'C2';
	UPDATE invoice SET memo = '$tab=1+2' WHERE number = 'INV-1';
	UPDATE deposit SET payer_name = 'X$esc[2J${csi}1m'
	WHERE reference = 'R4'"
u export customers >cust.csv
t_grep "a name behind a tab is prefixed like a formula" "^C1,'	=1+2," cust.csv
t_grep "… a sales rep's @ behind a tab too" ",'	@SUM(1)," cust.csv
t_is "… and an address behind a carriage return" \
	"$(grep -c "\"'$(printf '\r')=1+2\"" cust.csv)" 1
u export invoices >inv.csv
t_grep "an invoice memo behind a tab is prefixed" ",'	=1+2," inv.csv
u export deposits >dep.csv
t_grep "export deposits to a file keeps the bytes (doc/cli-contract.md)" "X${ESC}\[2J" dep.csv
if script -qec true /dev/null >/dev/null 2>&1; then
	script -qec "'$URIKAKE' --db '$DB' export deposits" /dev/null >tty.out 2>&1
	t_grep "… to a terminal shows the visible forms" 'X^\[\[2J<U+009B>1m' tty.out
	t_is "… and sends it no ESC or U+009B" "$(has_control tty.out && echo raw)" ""
else
	t_report 0 "export deposits to a terminal # SKIP no script(1) to make a terminal"
fi

# --- encodings named rightly -------------------------------------------------
{
	printf 'code,name\n'
	for i in 1 2 3 4 5; do printf 'U%d,山田商事%d\n' "$i" "$i"; done
	printf 'U6,bad\377byte\n'
} >utf8bad.csv
t_exit "a UTF-8 file with one bad byte is refused" 3 u import customers utf8bad.csv
t_grep "… as UTF-8, on its line 7" "invalid UTF-8 data at byte offset [0-9]* (line 7, byte 0xFF)" .err
printf 'code,name\nA1,Alpha\nA2,Caf\351s Beta\n' >ascii1.csv
t_exit "an ASCII file with one stray byte is refused, not read as CP932" 3 \
	u import customers ascii1.csv
t_grep "… naming the byte and its line" "invalid UTF-8 data at byte offset 25 (line 3, byte 0xE9)" .err
if command -v iconv >/dev/null; then
	printf '\357\273\277code,name\nW1,山田\n' | iconv -f UTF-8 -t UTF-16LE >u16.csv
	t_exit "a UTF-16 customer file is refused" 3 u import customers u16.csv
	t_grep "… saying it is UTF-16" "u16.csv: the file is UTF-16LE (it begins with that byte-order mark)" .err
	printf '\357\273\277date,amount\n2026-03-30,5\n' | iconv -f UTF-8 -t UTF-16BE >u16.bank
	t_exit "a UTF-16 bank file is refused" 3 u import bank u16.bank
	t_grep "… saying it is UTF-16" "the file is UTF-16BE" .err
	printf '\377\376\000\000' >u32.csv
	t_exit "a UTF-32 file is refused" 3 u import customers u32.csv
	t_grep "… saying it is UTF-32" "the file is UTF-32LE" .err
else
	t_report 0 "UTF-16 files # SKIP iconv not installed"
fi
t_is "the refused encodings changed nothing" "$(t_sql "$DB" "SELECT count(*) FROM customer")" 2

# --- customer files: tabs and a column twice --------------------------------
printf 'code,name\nT1,Tab\there\n' >tab.csv
t_exit "a tab in a customer file is refused" 3 u import customers tab.csv
t_grep "… as a control character of its column" "tab.csv:2: control character U+0009 (tab) in column 'name'" .err
printf 'code,name,kana,NAME\nT2,A,,B\n' >dup.csv
t_exit "a header with name twice is refused" 3 u import customers dup.csv
t_grep "… naming both fields" "dup.csv:1: column 'name' appears twice in the header (fields 2 and 4)" .err

# --- the environment ----------------------------------------------------------
t_exit "URIKAKE_TODAY=garbage is refused" 3 env URIKAKE_TODAY=garbage "$URIKAKE" --db "$DB" aging
t_grep "… naming it" "^urikake: URIKAKE_TODAY: \"garbage\" is not a date" .err
t_is "… before any output" "$(cat .out)" ""

cp "$DB" v.db
if t_on_pg; then
	t_sql v.db "UPDATE schema_version SET version = -1"
else
	sqlite3 v.db "PRAGMA user_version = -1"
fi
t_exit "a schema version of -1 is refused" 1 "$URIKAKE" --db v.db aging
name=v.db # on PostgreSQL (tests/pg/cli-suites.sh) the message names its URL
t_on_pg && name='postgresql://[^ ]*'
t_grep "… saying what it is, not \"not an error\"" \
	"$name has database schema version -1, which no urikake writes" .err

# SQLite only: the database file's permissions, a file-size limit on it.
if t_on_pg; then
	t_skip "permissions of the database file and a file-size limit on it (12 checks)" \
		"a SQLite file's; the server keeps its own files"
else
	# Permissions: as root, through another user.
	if [ "$(id -u)" -ne 0 ]; then
		as_other() { "$@"; }
	elif command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
		as_other() { setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$@"; }
	else
		as_other() { return 77; }
	fi
	chmod 755 "$T"
	mkdir ro && cp "$DB" ro/r.db && chmod 444 ro/r.db && chmod 555 ro
	as_other "$URIKAKE" --db "$T/ro/r.db" aging >.out 2>.err; rc=$?
	if [ $rc -eq 77 ]; then
		t_report 0 "a read-only directory # SKIP no way to run as a user without root's rights"
	else
		t_is "aging on a database in a read-only directory" "$rc:$(cat .err)" "0:"
		t_grep "… reports" "^Aged receivables as of 2026-03-31" .out
		as_other "$URIKAKE" --db "$T/ro/r.db" export customers >.out 2>.err
		t_grep "… export reads it too" "^C2," .out
		t_is "… and nothing was created there" "$(ls ro)" "r.db"
	fi
	mkdir grp && chmod 777 grp
	as_other "$URIKAKE" --db "$T/grp/g.db" init --group root >.out 2>.err; rc=$?
	if [ $rc -eq 77 ] || { [ "$(id -u)" -ne 0 ] && id -G | tr ' ' '\n' | grep -qx 0; }; then
		t_report 0 "init --group root by a non-member # SKIP no user outside group root to try it"
	else
		t_is "init --group root by a non-member is a usage error" "$rc" 2
		t_grep "… that says so" "you are not a member of group root" .err
		t_is "… before saying the database is ready" "$(cat .out)" ""
		t_is "… and creates nothing" "$(ls grp)" ""
	fi
	chmod 755 ro && rm -rf ro

	# A file-size limit: the write fails and says so (SIGXFSZ would kill us
	# with exit 153 and no word), and the half-made demo is removed.
	(ulimit -f 300; exec "$URIKAKE" --db "$T/full.db" demo) >.out 2>.err; rc=$?
	t_is "demo over a file-size limit exits 1, not 153" "$rc" 1
	t_grep "… naming the database" "^urikake: database $T/full.db: " .err
	t_grep "… and saying it removed it" "full.db removed: the demo could not be completed" .err
	t_is "… leaving no partial database" "$(ls "$T" | grep -c '^full\.db')" 0
fi

# --- 20 clerks race for one invoice --------------------------------------------
RACE="$T/race.db"
"$URIKAKE" --db "$RACE" init >/dev/null
"$URIKAKE" --db "$RACE" import customers c.csv >/dev/null
"$URIKAKE" --db "$RACE" import invoices i.csv >/dev/null
{
	printf 'date,amount,payer,memo,reference\n'
	for i in $(seq 1 20); do printf '2026-03-30,1000,X,,D%d\n' "$i"; done
} >race.csv
"$URIKAKE" --db "$RACE" import bank race.csv >/dev/null
mkdir race
for i in $(seq 1 20); do
	("$URIKAKE" --db "$RACE" match confirm --deposit "D$i" --invoice INV-1 >/dev/null 2>&1
	 echo $? >"race/$i") &
done
wait
t_is "one of 20 clerks confirming one invoice wins, 19 lose with exit 4" \
	"$(cat race/* | sort | uniq -c | tr -s ' ' | sed 's/^ //' | tr '\n' ';')" "1 0;19 4;"
t_is "… and the invoice was paid once" \
	"$(t_sql "$RACE" "SELECT count(*) FROM allocation WHERE voided_at IS NULL")" 1
t_done
