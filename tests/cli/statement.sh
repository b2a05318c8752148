#!/bin/sh
# statement.sh: `urikake statement` and `urikake dunning` end to end — PDF
# text (pdftotext) in Japanese, Chinese and English with the amounts, the
# CJK fonts embedded (pdffonts), page counts of a batch (pdfinfo), one file
# per customer, printing through a stand-in lp, and contacts recorded.
. "$top_srcdir/tests/lib.sh"

if "$URIKAKE" statement 2>&1 | grep -q "unknown command"; then
	t_skip_all "the statement command is not wired into cli/main.c yet"
fi
for tool in pdftotext pdffonts pdfinfo; do
	command -v $tool >/dev/null || t_skip_all "$tool (poppler-utils) is not installed"
done

DB=$T/s.db
U() { "$URIKAKE" --db "$DB" "$@"; }
cat >"$T/company" <<'EOF'
name = 株式会社うりかけ商事
name.en = Urikake Trading Co., Ltd.
address = 東京都千代田区丸の内1-1-1
registration = T1234567890123
bank = みずほ銀行 丸の内支店 普通 1234567
bank.zh_CN = 开户行：瑞穗银行 账号：1234567
printer = Office
EOF
cat >"$T/customers.csv" <<'EOF'
code,name,kana,currency,terms
J1,株式会社テスト商事,カブシキガイシャテストショウジ,JPY,EOM/+1/EOM
Z1,上海测试贸易有限公司,,CNY,NET30
E1,Acme Corporation,,USD,NET30
N1,株式会社ゼロ,ゼロ,JPY,NET30
EOF
cat >"$T/invoices.csv" <<'EOF'
number,customer,issue_date,due_date,amount,currency,tax,memo
A-1,J1,2026-01-10,2026-02-28,55000,JPY,5000,1月分
A-2,J1,2026-03-05,2026-04-30,330000,JPY,30000,3月分
B-1,Z1,2026-03-03,2026-04-02,1130.00,CNY,130.00,3月货款
C-1,E1,2026-03-02,2026-04-01,1500.00,USD,,consulting
EOF
t_ok "init" U init
t_ok "import customers" U import customers "$T/customers.csv"
t_ok "import invoices" U import invoices "$T/invoices.csv"

t_ok "ja statement as PDF" U statement J1 --company "$T/company" -o "$T/ja.pdf"
pdftotext -layout "$T/ja.pdf" "$T/ja.txt"
t_grep "ja: title" "合計請求書" "$T/ja.txt"
t_grep "ja: 今回御請求額" "今回御請求額" "$T/ja.txt"
t_grep "ja: customer" "株式会社テスト商事" "$T/ja.txt"
t_grep "ja: current balance 385,000" "385,000" "$T/ja.txt"
t_grep "ja: registration number" "T1234567890123" "$T/ja.txt"
t_grep "ja: bank account" "みずほ銀行" "$T/ja.txt"
pdffonts "$T/ja.pdf" >"$T/ja.fonts"
t_grep "ja: Noto Sans CJK JP embedded" "NotoSansCJKjp.* yes *yes" "$T/ja.fonts"
t_is "ja: every font embedded" "$(awk 'NR > 2 && $(NF-4) != "yes"' "$T/ja.fonts")" ""

t_ok "zh_CN statement as PDF" U statement Z1 --company "$T/company" -o "$T/zh.pdf"
pdftotext -layout "$T/zh.pdf" "$T/zh.txt"
t_grep "zh: title" "对账单" "$T/zh.txt"
t_grep "zh: confirmation slip" "确认栏" "$T/zh.txt"
t_grep "zh: stamp" "盖章" "$T/zh.txt"
t_grep "zh: amount 1,130.00" "1,130.00" "$T/zh.txt"
pdffonts "$T/zh.pdf" >"$T/zh.fonts"
t_grep "zh: WenQuanYi Micro Hei embedded" "WenQuanYiMicroHei.* yes *yes" "$T/zh.fonts"

t_ok "en statement as PDF" U statement E1 --company "$T/company" -o "$T/en.pdf"
pdftotext -layout "$T/en.pdf" "$T/en.txt"
t_grep "en: title" "Statement of Account" "$T/en.txt"
t_grep "en: amount 1,500.00" "1,500.00" "$T/en.txt"
t_grep "en: our English name" "Urikake Trading Co., Ltd." "$T/en.txt"

t_ok "batch of three in one PDF" U statement J1 Z1 E1 --company "$T/company" -o "$T/b.pdf"
t_is "one page per customer" "$(pdfinfo "$T/b.pdf" | awk '/^Pages:/ { print $2 }')" 3
t_grep "the summary counts them" "(documents: 3" "$T/.out"
t_ok "one file per customer" U statement J1 Z1 E1 --company "$T/company" --format pdf \
	-o "$T/dir/"
t_is "three files" "$(ls "$T/dir" | tr '\n' ' ')" \
	"statement-E1.pdf statement-J1.pdf statement-Z1.pdf "
t_ok "a directory without --format" U statement J1 Z1 --company "$T/company" -o "$T/dflt/"
t_is "... gets PDF files" "$(ls "$T/dflt" | tr '\n' ' ')" "statement-J1.pdf statement-Z1.pdf "
t_ok "a file name without .pdf" U statement J1 --company "$T/company" -o "$T/plain"
t_grep "... is a PDF too" "^%PDF-" "$T/plain"
t_ok "--format txt into a directory" U statement J1 --company "$T/company" --format txt \
	-o "$T/txt/"
t_is "... gets text files" "$(ls "$T/txt")" "statement-J1.txt"
t_ok "--all-open" U statement --all-open --company "$T/company" -o "$T/all.pdf"
t_is "--all-open skips the customer with nothing open" \
	"$(pdfinfo "$T/all.pdf" | awk '/^Pages:/ { print $2 }')" 3

t_ok "text preview to stdout" U statement J1 --company "$T/company"
t_grep "text: 今回御請求額" "今回御請求額 *385,000" "$T/.out"
t_ok "--lang en" U statement J1 --lang en --company "$T/company"
t_grep "text in English" "Balance due *385,000" "$T/.out"

mkdir "$T/bin"
cat >"$T/bin/lp" <<'EOF'
#!/bin/sh
echo "$@" >"$LP_LOG"
[ -n "$LP_FAIL" ] && { echo "lp: The printer or class does not exist." >&2; exit 1; }
echo "request id is Office-42 (1 file(s))"
EOF
chmod +x "$T/bin/lp"
cd "$T" || exit 1
t_ok "--print" env PATH="$T/bin:$PATH" LP_LOG="$T/lp.log" \
	"$URIKAKE" --db "$DB" statement J1 --company "$T/company" --print -o "$T/p.pdf"
t_grep "reports the job id" "request id is Office-42" "$T/.out"
t_grep "printer from the settings" "^-d Office -- $T/p.pdf" "$T/lp.log"
t_exit "a printer error is reported" 1 env PATH="$T/bin:$PATH" LP_LOG="$T/lp.log" LP_FAIL=1 \
	"$URIKAKE" --db "$DB" statement J1 --company "$T/company" --print -o "$T/q.pdf"
t_grep "says why and where the file is" "does not exist.*saved as $T/q.pdf" "$T/.err"
t_ok "and keeps the file" test -s "$T/q.pdf"
t_exit "without lp" 1 env PATH=/nonexistent "$URIKAKE" --db "$DB" statement J1 \
	--company "$T/company" --print -o "$T/r.pdf"
t_grep "says lp is missing" "not installed" "$T/.err"
t_ok "and saves the file" test -s "$T/r.pdf"

t_ok "dunning letter, dry run" U dunning J1 --level 1 --company "$T/company" --dry-run
t_grep "lists the overdue invoice" "A-1 " "$T/.out"
t_ok "dunning letter as PDF" U dunning J1 --level 2 --company "$T/company" -o "$T/d.pdf"
pdftotext -layout "$T/d.pdf" "$T/d.txt"
t_grep "督促状 title" "督促状" "$T/d.txt"
t_grep "overdue invoice listed" "A-1" "$T/d.txt"
t_is "not-yet-due invoice left out" "$(grep -c 'A-2' "$T/d.txt")" 0
t_grep "recorded" "Recorded 1 letter at level 2" "$T/.out"
if command -v sqlite3 >/dev/null; then
	t_is "the contact is in the log at level 2" \
		"$(t_sql "$DB" "SELECT channel, dunning_level FROM contact")" "letter|2"
fi
# The same letter again on the same day (a paper jam, a second copy) is a
# reprint: written, and not logged twice; a letter to standard output is a
# preview and logs nothing.
t_ok "the level 2 letter printed again the same day" \
	U dunning J1 --level 2 --company "$T/company" -o "$T/d-again.pdf"
t_grep "... says it was in the log already" \
	"1 letter at level 2 was in today's contact log already: not logged again" "$T/.out"
t_is "... and records nothing new" "$(grep -c Recorded "$T/.out")" 0
t_ok "... but writes the letter" test -s "$T/d-again.pdf"
t_ok "a letter to standard output" U dunning J1 --level 1 --company "$T/company"
t_grep "... is the letter" "A-1 " "$T/.out"
t_grep "... says a preview logs nothing" "preview on standard output logs nothing" "$T/.err"
t_ok "... twice" U dunning J1 --level 1 --company "$T/company" --format txt
if command -v sqlite3 >/dev/null; then
	t_is "neither the reprint nor the previews were logged" \
		"$(t_sql "$DB" "SELECT channel, dunning_level FROM contact")" "letter|2"
fi
t_ok "the letter in the log, read in Chinese" U --lang zh_CN contact list J1
t_grep "... names the level once, in Chinese, with no Japanese or English words" \
	"^    催款函: [0-9]* × JPY [0-9,]*$" "$T/.out"
t_ok "Chinese 催款函" U dunning Z1 --level 2 --date 2026-05-10 --company "$T/company" --dry-run
t_grep "催款函 title" "催款函" "$T/.out"
t_ok "--all-overdue" U dunning --all-overdue --level 1 --company "$T/company" --dry-run
if command -v sqlite3 >/dev/null; then
	t_is "dry runs record nothing" "$(t_sql "$DB" "SELECT count(*) FROM contact")" 1
fi

t_exit "unknown customer" 3 U statement NOPE --company "$T/company"
t_exit "no customer named" 2 U statement
t_exit "bad level" 2 U dunning J1 --level 7
t_grep "… names the levels with a letter" \
	"unknown dunning level '7' (letters go with 1 Reminder, 2 Demand letter, 3 Certified letter)" \
	"$T/.err"
# One table of levels: the contact log's step 4 exists, its letter does not.
t_exit "level 4: no letter" 2 U dunning J1 --level 4
t_grep "… says so, by the step's name" \
	"dunning level 4 (Legal action) has no letter; letters go with 1 Reminder, 2 Demand" \
	"$T/.err"
t_ok "… while the contact log takes step 4" U contact dunning N1 --level 4
t_grep "… by the same name" "N1 moved to dunning level 4 (Legal action)" "$T/.out"
t_exit "no level" 2 U dunning J1
t_grep "… lists the levels" "with --level: 1 Reminder, 2 Demand letter, 3 Certified letter" \
	"$T/.err"
t_exit "level 4 in Japanese" 2 U --lang ja dunning J1 --level 4
t_grep "… the names the log shows" "督促レベル 4 (法的措置) には督促状がありません.*1 支払案内、2 督促状、3 内容証明" \
	"$T/.err"
t_exit "bad date" 2 U statement J1 --from 2026-02-30
printf 'registration = T12\n' >"$T/bad"
t_exit "bad settings" 3 U statement J1 --company "$T/bad"
t_grep "names the line" "bad:1: registration number" "$T/.err"
# Money held on account is a credit line under the open invoices, so that
# they do not read as more than the balance.
if command -v sqlite3 >/dev/null; then
	t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
		reference) VALUES ('2026-03-06', '2026-03-06', 100000, 'JPY', 'ﾃｽﾄｼﾖｳｼﾞ', 'OA-J'),
		('2026-03-06', '2026-03-06', 200.00 * 100, 'CNY', '上海测试', 'OA-Z')"
	t_ok "money kept on account" sh -c "'$URIKAKE' --db '$DB' match confirm --deposit OA-J \
		--on-account 100000 --customer J1 >/dev/null && '$URIKAKE' --db '$DB' match confirm \
		--deposit OA-Z --on-account 200.00 --customer Z1 >/dev/null"
	t_ok "text statement with it" U statement J1 --company "$T/company"
	t_grep "… the credit line under the aging" "前受金（ご入金済・未充当、上記より差引） *△100,000" \
		"$T/.out"
	t_grep "… the balance is what is owed" "今回御請求額 *285,000" "$T/.out"
	t_ok "Chinese PDF with it" U statement Z1 --company "$T/company" -o "$T/zh-oa.pdf"
	pdftotext -layout "$T/zh-oa.pdf" "$T/zh-oa.txt"
	t_grep "… 预收款 as a credit line" "预收款.*-200.00" "$T/zh-oa.txt"
else
	t_report 0 "money on account # SKIP no sqlite3 shell"
fi
# The heading of a 合計請求書: closing date and payment deadline from the
# terms, the postal code on its own line, TEL, our contact person and the
# box for our seal; a statement of several pages numbers them.
cp "$T/company" "$T/company2"
printf 'phone = 03-1234-5678\ncontact = 経理部 山田花子\ncontact.zh_CN = 财务部 王芳\n' \
	>>"$T/company2"
printf 'code,name,kana,currency,terms,credit_limit,sales_rep,phone,email,address\n%s\n' \
	'J2,株式会社長期商事,カブシキガイシャチョウキショウジ,JPY,20/+1/10,,,,,〒530-0001 大阪府大阪市北区梅田1-2-3' \
	>"$T/cust2.csv"
awk 'BEGIN { print "number,customer,issue_date,due_date,amount,currency,tax,memo"
	for (i = 1; i <= 70; i++) printf "L-%d,J2,2026-03-%02d,,11000,JPY,1000,品%d\n", i, i % 20 + 1, i }' \
	>"$T/inv2.csv"
t_ok "a customer with a postal address and 70 invoices" sh -c \
	"'$URIKAKE' --db '$DB' import customers '$T/cust2.csv' && '$URIKAKE' --db '$DB' import invoices '$T/inv2.csv'"
t_ok "its statement" U statement J2 --company "$T/company2" -o "$T/j2.pdf"
pdftotext -layout "$T/j2.pdf" "$T/j2.txt"
t_grep "ja: 締日 is the closing date of the 20th" "締日：2026年3月20日" "$T/j2.txt"
t_grep "ja: お支払期限 from the terms (20/+1/10)" "お支払期限：2026年4月10日" "$T/j2.txt"
t_grep "ja: the postal code on its own line" "^ *〒530-0001  *発行日" "$T/j2.txt"
t_grep "ja: ... the address after it" "^ *大阪府大阪市北区梅田1-2-3" "$T/j2.txt"
t_grep "ja: our TEL labelled" "TEL：03-1234-5678" "$T/j2.txt"
t_grep "ja: our contact person" "担当：経理部 山田花子" "$T/j2.txt"
t_grep "ja: the box for the 角印" "^.* 印 *$" "$T/j2.txt"
n=$(pdfinfo "$T/j2.pdf" | awk '/^Pages:/ { print $2 }')
t_ok "ja: more than one page" test "$n" -gt 1
# the foot of each page, below the body (pdftotext's crop is in points)
foot() { pdftotext -f "$2" -l "$2" -x 0 -y 800 -W 595 -H 42 "$1" - | tr -d ' \f\n'; }
t_is "ja: each numbered n / $n at its foot" \
	"$(for i in $(seq "$n"); do printf '%s ' "$(foot "$T/j2.pdf" "$i")"; done)" \
	"$(seq -f "%g/$n" 1 "$n" | tr '\n' ' ')"
t_ok "a one-page statement" U statement J1 --company "$T/company2" -o "$T/j1.pdf"
t_is "... has no page number" "$(foot "$T/j1.pdf" 1)" ""
t_ok "zh_CN statement with a contact" U statement Z1 --company "$T/company2" -o "$T/z2.pdf"
pdftotext -layout "$T/z2.pdf" "$T/z2.txt"
t_grep "zh: our seal box (公司盖章)" "公司盖章" "$T/z2.txt"
t_grep "zh: our contact person" "联系人：财务部 王芳" "$T/z2.txt"
t_grep "zh: our phone labelled" "电话：03-1234-5678" "$T/z2.txt"
t_ok "催款函 as PDF" U dunning Z1 --level 2 --date 2026-05-10 --company "$T/company2" \
	-o "$T/zd.pdf"
pdftotext -layout "$T/zd.pdf" "$T/zd.txt"
t_grep "催款函: title" "催款函" "$T/zd.txt"
t_grep "催款函: our seal box" "公司盖章" "$T/zd.txt"
t_grep "催款函: our contact person" "联系人：财务部 王芳" "$T/zd.txt"
t_done
