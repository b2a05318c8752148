#!/bin/sh
# confirm.sh: balance confirmations from the command line — confirm send
# (letters in three languages with their reply slip, recorded as awaiting
# an answer; --all, --dry-run, a statement instead of the letter), confirm
# answer (agreed, a different figure opening a dispute, rejections with
# exit 3 and nothing written), confirm resolve (items, closing only when
# they explain the difference), disputed invoices left out of dunning,
# confirm list --state and export confirmations as CSV and JSON.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
db="--db c.db"
export XDG_CONFIG_HOME="$T/cfg"

cat >cust.csv <<'CSV'
code,name,kana,currency
K001,株式会社山田商事,ヤマダショウジ,JPY
K002,上海恒通贸易有限公司,,CNY
K003,Acme Ltd,,USD
K004,大阪機材株式会社,オオサカキザイ,JPY
CSV
cat >inv.csv <<'CSV'
number,customer,issue_date,due_date,amount
I-1,K001,2026-01-10,2026-02-10,100000
I-2,K001,2026-03-01,2026-04-30,50000
I-3,K002,2026-02-20,2026-03-21,1234.50
I-4,K003,2026-02-10,2026-03-10,99.90
I-5,K004,2026-02-10,2026-03-10,30000
CSV
"$URIKAKE" $db import customers cust.csv >/dev/null 2>&1
"$URIKAKE" $db import invoices inv.csv >/dev/null 2>&1
audit() { t_sql c.db "SELECT count(*) FROM audit WHERE entity LIKE '$1%'"; }
state() { "$URIKAKE" $db export confirmations | awk -F, -v c="$1" '$1 == c { s = $9 } END { print s }'; }

t_ok "send a letter to standard output" "$URIKAKE" $db confirm send K001 --as-of 2026-03-31
t_grep "the Japanese title" "残高確認書" "$T/.out"
t_grep "the balance on the as-of date" "2026年3月31日現在の売掛金残高　150,000円（2件）" "$T/.out"
t_grep "every open invoice, not only the overdue" "^I-2 " "$T/.out"
t_grep "the reply slip below a cut line" "切り取り線" "$T/.out"
t_grep "the slip's disagreement line" "一致しておりません" "$T/.out"
t_grep "says it is recorded" "Recorded 1 confirmation as sent" "$T/.out"
t_is "recorded as awaiting" "$(state K001)" awaiting
t_is "audited" "$(audit confirmation:)" 1

t_ok "Chinese letter as PDF into a directory" "$URIKAKE" $db confirm send K002 K003 \
	--as-of 2026-03-31 --format pdf -o out/
t_is "one file per customer" "$(ls out | tr '\n' ' ')" \
	"confirmation-K002.pdf confirmation-K003.pdf "
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext out/confirmation-K002.pdf zh.txt
	t_grep "往来款项询证函" "往来款项询证函" zh.txt
	t_grep "its reply slip" "信息不符" zh.txt
	pdftotext out/confirmation-K003.pdf en.txt
	t_grep "English letter" "Balance confirmation" en.txt
	t_grep "English reply slip with signature line" "Signature and company seal" en.txt
fi
t_is "the file is recorded" "$("$URIKAKE" $db export confirmations | grep -c ',saved,out/confirmation-K00[23].pdf,')" 2

t_ok "a dry run writes but records nothing" "$URIKAKE" $db confirm send K004 \
	--as-of 2026-03-31 --dry-run
t_is "K004 still not sent" "$(state K004)" ""
t_ok "a statement as the document" "$URIKAKE" $db confirm send K004 --as-of 2026-03-31 \
	--document statement --lang en
t_grep "the statement of account" "Statement of Account" "$T/.out"
t_is "recorded as a statement" \
	"$("$URIKAKE" $db export confirmations | grep -c '^K004,.*,statement,saved,')" 1

t_exit "no --as-of" 2 "$URIKAKE" $db confirm send K001
t_exit "unknown document" 2 "$URIKAKE" $db confirm send K001 --as-of 2026-03-31 --document x
t_exit "send to an unknown customer" 3 "$URIKAKE" $db confirm send NOPE K001 \
	--as-of 2026-03-31 -o none/
t_is "nothing written for the others" "$(ls none 2>/dev/null | wc -l)" 0

cp c.db before.db
t_exit "answer for an unknown customer" 3 "$URIKAKE" $db confirm answer NOPE --agreed
t_grep "names the customer" "NOPE" "$T/.err"
t_exit "a balance that is not a number" 3 "$URIKAKE" $db confirm answer K001 \
	--balance 12x --reason r
t_grep "names the option and value" "balance 12x" "$T/.err"
t_exit "a different balance needs a reason" 2 "$URIKAKE" $db confirm answer K001 \
	--balance 50000
t_exit "agreed or a balance, not both" 2 "$URIKAKE" $db confirm answer K001 --agreed \
	--balance 1 --reason r
t_is "nothing written" "$(t_dump c.db | md5sum)" "$(t_dump before.db | md5sum)"

t_ok "agreed" "$URIKAKE" $db confirm answer K004 --agreed
t_is "K004 agreed" "$(state K004)" agreed
t_exit "no second answer" 3 "$URIKAKE" $db confirm answer K004 --agreed
t_grep "says none awaits" "no confirmation awaits an answer" "$T/.err"
t_ok "the same figure is agreement" "$URIKAKE" $db confirm answer K003 --balance 99.90 \
	--reason same
t_is "K003 agreed" "$(state K003)" agreed

t_ok "the customer disagrees" "$URIKAKE" $db confirm answer K001 --balance '¥50,000' \
	--reason 'I-1 は未検収'
t_is "a dispute is open" "$(state K001)" disputed
# K001's rating by hand: 100,000 49 days overdue (3 points), a dispute of
# 100,000 against the 150,000 we stated, over a quarter (2 points): E.
t_ok "export customers" "$URIKAKE" $db export customers
t_grep "the open dispute lowers K001's rating, and says so" \
	'^K001,.*,E,"pays 49 days late on average; 1 open dispute (100,000 JPY)",yes$' "$T/.out"
t_ok "list disputed" "$URIKAKE" $db confirm list --state disputed
t_grep "the difference" "disputed by 100,000" "$T/.out"
t_is "only the disputed" "$(wc -l <"$T/.out")" 1
t_exit "unknown state" 2 "$URIKAKE" $db confirm list --state nope
t_exit "no new letter while disputed" 3 "$URIKAKE" $db confirm send K001 --as-of 2026-04-30
t_grep "says to resolve it" "dispute open" "$T/.err"

t_ok "dunning letter before the dispute names an invoice" "$URIKAKE" $db dunning K001 \
	--level 1 --dry-run
t_grep "I-1 is dunned" "^I-1 " "$T/.out"
t_ok "the worklist before" "$URIKAKE" $db contact worklist --format csv
t_grep "… K001's I-1 crosses a dunning level" '^dunning,2026-02-10,K001,.*,100000,' "$T/.out"
t_ok "name the disputed invoice" "$URIKAKE" $db confirm resolve K001 --invoice I-1 \
	--note '検収書を確認中'
t_grep "items recorded" "Recorded 2 items" "$T/.out"
t_exit "a disputed invoice is not dunned" 0 "$URIKAKE" $db dunning K001 --level 1 --dry-run
t_grep "nothing overdue left" "nothing is overdue" "$T/.err"
t_ok "the worklist after" "$URIKAKE" $db contact worklist --format csv
t_is "… no dunning crossing for the disputed invoice, as no letter" \
	"$(grep -c '^dunning,[^,]*,K001,' "$T/.out")" 0
t_grep "… the dispute itself stays" '^dispute,2026-03-31,K001,' "$T/.out"
t_exit "an invoice of another customer" 3 "$URIKAKE" $db confirm resolve K001 --invoice I-5
t_exit "an invoice named already" 3 "$URIKAKE" $db confirm resolve K001 --invoice I-1
t_grep "… would count twice" "I-1 is named in this dispute already" "$T/.err"
t_exit "more of an invoice than is open on it" 3 "$URIKAKE" $db confirm resolve K001 \
	--invoice I-2:50001
t_grep "… says what is open" "50,001 is not part of the 50,000 open on it" "$T/.err"
t_is "… nothing written" "$(t_sql c.db "SELECT count(*) FROM dispute_item")" 2
t_exit "an amount that is not one" 3 "$URIKAKE" $db confirm resolve K001 --unreceived x
t_exit "--other needs a note" 2 "$URIKAKE" $db confirm resolve K001 --other 5
t_exit "no items, no --close" 2 "$URIKAKE" $db confirm resolve K001

"$URIKAKE" $db confirm send K002 --as-of 2026-03-31 >/dev/null 2>&1
t_ok "a CNY disagreement" "$URIKAKE" $db confirm answer K002 --balance 1000 --reason 已付
"$URIKAKE" $db export customers >customers.csv 2>/dev/null
t_grep "… in K002's rating, in yuan" \
	'^K002,.*,pays 10 days late on average; 1 open dispute (234.50 CNY),no$' customers.csv
t_exit "closing an unexplained difference" 3 "$URIKAKE" $db confirm resolve K002 \
	--unreceived 200 --close
t_grep "names what is unexplained" "explain 200.00 of the difference 234.50; 34.50" "$T/.err"
t_is "the item was not kept either" "$(t_sql c.db "SELECT count(*) FROM dispute_item d JOIN confirmation c ON c.id = d.confirmation_id JOIN customer u ON u.id = c.customer_id WHERE u.code = 'K002'")" 0
t_ok "explained: closed" "$URIKAKE" $db confirm resolve K002 --unreceived 200:在途 \
	--credit-note 34.50 --close
t_is "K002 resolved" "$(state K002)" resolved
t_ok "export customers" "$URIKAKE" $db export customers
t_grep "a resolved dispute no longer counts" '^K002,.*,[A-E],pays 10 days late on average,no$' \
	"$T/.out"
t_exit "nothing left to resolve" 3 "$URIKAKE" $db confirm resolve K002 --note x

t_ok "export confirmations" "$URIKAKE" $db export confirmations
t_grep "CSV header" "^customer,sent_on,as_of,currency,balance,document,delivery,file,state,answered_on,their_balance,difference,reason,explained,resolved_on,user$" "$T/.out"
t_grep "a CNY row in plain money" \
	"^K002,2026-03-31,2026-03-31,CNY,1234.50,confirmation,saved,,resolved,2026-03-31,1000.00,234.50,已付,234.50,2026-03-31,tester$" "$T/.out"
t_ok "export as JSON" "$URIKAKE" $db export confirmations --format json
t_grep "numbers bare, absent as null" '"K001".*"balance":150000.*"their_balance":50000,"difference":100000' "$T/.out"
t_grep "unanswered: null" '"state":"awaiting","answered_on":"","their_balance":null' "$T/.out"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/.out"
	t_report $? "valid JSON"
fi
t_exit "unknown export format" 2 "$URIKAKE" $db export confirmations --format xml

t_ok "list every customer" "$URIKAKE" $db confirm list
t_is "one line each" "$(wc -l <"$T/.out")" 4
t_exit "unknown subcommand" 2 "$URIKAKE" $db confirm nope
t_ok "help" "$URIKAKE" confirm --help
t_grep "names answer" "confirm answer" "$T/.out"
t_done
