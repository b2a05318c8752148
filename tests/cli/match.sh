#!/bin/sh
# match.sh: `urikake match --auto|confirm|undo|show|aliases` and
# `export allocations` end to end: exit codes (3 when the arithmetic does
# not add up, 4 on a lost race), the doc/cli-contract.md allocation columns, and that a
# dry run writes nothing.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || t_skip_all "no sqlite3 shell to insert deposits"
DB="$T/m.db"
u() { "$URIKAKE" --db "$DB" "$@"; }

cat >"$T/c.csv" <<'CSV'
code,name,kana
C1,株式会社山田商事,ヤマダショウジ
C2,株式会社鈴木工業,スズキコウギョウ
C3,有限会社田中商店,タナカショウテン
CSV
cat >"$T/i.csv" <<'CSV'
number,customer,issue_date,due_date,amount
A-1,C1,2026-01-10,2026-02-28,110000
A-2,C1,2026-01-20,2026-02-28,55000
B-1,C2,2026-01-10,2026-02-28,220000
B-2,C2,2026-01-15,2026-02-28,330000
T-1,C3,2026-01-10,2026-02-28,77000
CSV
t_ok "init" u init
t_ok "import customers" u import customers "$T/c.csv"
t_ok "import invoices" u import invoices "$T/i.csv"
t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	reference) VALUES
	('2026-02-27', '2026-02-27', 109560, 'JPY', 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', '0001'),
	('2026-02-27', '2026-02-27', 550000, 'JPY', 'ｽｽﾞｷｺｳｷﾞﾖｳ(ｶ', '0002'),
	('2026-02-27', '2026-02-27', 77000, 'JPY', 'ﾀﾅｶ ｲﾁﾛｳ', '0003'),
	('2026-02-27', '2026-02-27', 12345, 'JPY', 'ｺｸｾﾞｲｷﾖｸ', '0004')"

t_exit "match without --auto is a usage error" 2 u match
t_exit "a threshold with letters after it" 2 u match --auto --threshold 80abc
t_grep "… says what a threshold is" "bad --threshold '80abc': a score from 1 to 1000" "$T/.err"
t_exit "a negative margin" 2 u match --auto --margin -5
t_ok "dry run" u match --auto --dry-run
t_grep "dry run counts" "4 deposits looked at, 2 would be matched automatically" "$T/.out"
t_ok "export after a dry run" u export allocations
t_is "a dry run writes nothing" "$(wc -l <"$T/.out")" 1

# The config file's matcher settings hold for match --auto and match show.
export XDG_CONFIG_HOME="$T/cfg"
mkdir -p "$XDG_CONFIG_HOME/urikake"
echo "auto-match-threshold = 1000" >"$XDG_CONFIG_HOME/urikake/config"
t_ok "dry run with the config's threshold" u match --auto --dry-run
t_grep "… above every score: nothing matched" "4 deposits looked at, 0 would be matched" "$T/.out"
t_ok "… --threshold still overrides it" u match --auto --dry-run --threshold 85
t_grep "… two again" "2 would be matched automatically" "$T/.out"
t_ok "match show reads it too" u match show --deposit 0001 --json
t_is "… no longer clear enough" "$(jq -r '.auto' "$T/.out")" false
echo "auto-match-threshold = lots" >"$XDG_CONFIG_HOME/urikake/config"
t_exit "a bad threshold in the config file is refused" 3 u match --auto --dry-run
t_grep "… naming the line" "config:1: auto-match-threshold is a whole number" "$T/.err"
echo "allocation-order = oldest" >"$XDG_CONFIG_HOME/urikake/config"
t_ok "allocation-order = oldest is a setting" u match --auto --dry-run

t_ok "auto-match" u match --auto
t_grep "two matched" "2 matched automatically" "$T/.out"
t_grep "held by reason" "only the amount fits" "$T/.out"
t_ok "export allocations" u export allocations
t_is "CSV header" "$(head -1 "$T/.out")" \
	"deposit_ref,deposit_date,payer_name,invoice,customer,amount,fee,kind,user,at"
t_grep "fee row: amount includes the fee" '^0001,2026-02-27,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,A-1,C1,110000,440,auto,tester,' "$T/.out"
t_grep "combined payment, second invoice" '^0002,.*,B-2,C2,330000,0,auto,' "$T/.out"

t_ok "show a held deposit" u match show --deposit 0003
t_grep "ranked proposal with its explanation" '^1\. amount only: payer ﾀﾅｶ ｲﾁﾛｳ is not known as 有限会社田中商店; amount = T-1' "$T/.out"
t_grep "why it was held" "only the amount fits" "$T/.out"
t_ok "show a held deposit as JSON" u match show --deposit 0003 --json
t_is "… the deposit" "$(jq -r '.deposit.ref + " " + .deposit.amount + " " + .deposit.state' "$T/.out")" \
	"0003 77000 unmatched"
t_is "… held, and why" "$(jq -r '.auto, .hold' "$T/.out" | tr '\n' ' ')" "false no_payer "
t_is "… the first proposal: customer, invoice, amount cleared" \
	"$(jq -r '.proposals[0] | .customers[0] + " " + .lines[0].invoice + " " + .lines[0].cleared + " " + .band' "$T/.out")" \
	"C3 T-1 77000 B"
t_is "… with fee, on account, score and reason" \
	"$(jq -r '.proposals[0] | [.fee, .on_account, (.score | tostring), (.auto | tostring)] | join(" ")' "$T/.out")" \
	"0 0 68 false"
t_grep "… the reason in words" '"reason":"amount only: payer ﾀﾅｶ ｲﾁﾛｳ' "$T/.out"
t_ok "show a matched deposit as JSON" u match show --deposit 0001 --json
t_is "… its allocation" "$(jq -r '.allocations[0] | .invoice + " " + .cleared + " " + .fee + " " + .kind' "$T/.out")" \
	"A-1 110000 440 auto"
t_ok "show a matched deposit" u match show --deposit 0001
t_grep "its allocations" "A-1  C1  cleared 110,000, fee 440  (auto, tester)" "$T/.out"
t_exit "show an unknown deposit" 3 u match show --deposit 9999

t_exit "arithmetic that does not add up" 3 u match confirm --deposit 0003 --invoice T-1 --on-account 10
t_grep "the difference is stated" "77,010, but the deposit is 77,000: 10 too much" "$T/.err"
t_exit "two customers' invoices that do not add up" 3 u match confirm --deposit 0003 --invoice T-1 --invoice A-2
t_ok "confirm by hand" u match confirm --deposit 0003 --invoice T-1
t_exit "confirming again loses the race" 4 u match confirm --deposit 0003 --invoice T-1
t_grep "and says why" "deposit 0003 is already matched: another user changed it first" "$T/.err"
t_exit "clearing an invoice another match paid is a conflict" 4 \
	u match confirm --deposit 0004 --invoice T-1
t_grep "… and says it is paid" "invoice T-1 is paid already" "$T/.err"
t_exit "clearing more than the invoice ever had is rejected input" 3 \
	u match confirm --deposit 0004 --invoice A-2:999999999
t_grep "… says what is open" "invoice A-2 has .* open: 999,999,999 cannot be cleared" "$T/.err"
t_ok "alias learned" u match aliases list
t_grep "payer key → customer with a count" 'タナカイチロウ.*→ C3 有限会社田中商店.*1×' "$T/.out"
t_ok "aliases as JSON" u match aliases list --json
t_grep "JSON alias" '"customer":"C3","count":1,"conflict":false' "$T/.out"

t_ok "undo" u match undo --deposit 0003
t_exit "undo twice" 3 u match undo --deposit 0003
t_ok "aliases after undo" u match aliases
t_is "the alias was unlearned" "$(cat "$T/.out")" ""
t_ok "on account for a customer" u match confirm --deposit 0004 --on-account 12345 --customer C1
t_ok "export JSON" u export allocations --format json
t_grep "on-account row: no invoice" '"deposit_ref":"0004".*"invoice":"","customer":"C1","amount":12345' "$T/.out"
id=$(t_sql "$DB" "SELECT id FROM payer_alias LIMIT 1")
t_ok "edit alias" u match aliases edit "$id" --customer C2
t_exit "edit to an unknown customer" 3 u match aliases edit "$id" --customer C9
t_ok "remove alias" u match aliases remove "$id"
t_exit "remove it again" 3 u match aliases remove "$id"
t_exit "an alias id that is not a number" 2 u match aliases remove x1

# A wholesaler billing by the 20th: twelve slips and a returned-goods slip
# of one closing period, paid as one total less the bank fee.
echo "code,name,kana,terms" >"$T/w.csv"
echo "W1,株式会社丸山食品,マルヤマショクヒン,20/+1/10" >>"$T/w.csv"
{
	echo "number,customer,issue_date,amount"
	for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
		echo "D-$i,W1,2026-02-$i,1${i}00"
	done
	echo "R-1,W1,2026-02-13,-500"
	echo "D-NEXT,W1,2026-02-25,7777"
} >"$T/wi.csv"
t_ok "a closing customer" u import customers "$T/w.csv"
t_ok "… its slips, a credit slip among them" u import invoices "$T/wi.csv"
total=127300 # 10,100 + 10,200 + … + 11,200 − 500
t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	reference) VALUES ('2026-03-10', '2026-03-10', $((total - 440)), 'JPY', 'ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ', '0010'),
	('2026-03-10', '2026-03-10', 100, 'JPY', 'ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ', '0011')"
t_ok "the period's total as a proposal" u match show --deposit 0010 --json
t_is "… one proposal of the closing period, taken by match --auto" \
	"$(jq -r '.proposals[0] | .fit + " " + (.lines | length | tostring) + " " + .fee + " " + (.auto | tostring)' "$T/.out")" \
	"period 13 440 true"
t_grep "… explained as the closing" 'the closing of 2026-02-20: 13 slips (1 credit slip) = ¥' "$T/.out"
args=""
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do args="$args --invoice D-$i"; done
t_exit "a credit slip larger than what it is set against" 3 u match confirm --deposit 0011 \
	--invoice D-01:100 --invoice R-1:-500 --on-account 500
t_grep "… refused with the amount" "the credit slips (500) are larger than the invoices" "$T/.err"
t_ok "thirteen lines confirmed by hand, the fee never on the credit slip" \
	u match confirm --deposit 0010 $args --invoice R-1 --fee 440
t_is "… every slip and the credit slip cleared" \
	"$(t_sql "$DB" "SELECT count(*) || ' ' || sum(amount - paid) FROM invoice WHERE customer_id = (SELECT id FROM customer WHERE code = 'W1') AND number <> 'D-NEXT'")" "13 0"
t_is "… the fee booked on a slip" \
	"$(t_sql "$DB" "SELECT i.number FROM adjustment j JOIN invoice i ON i.id = j.invoice_id WHERE j.kind = 'fee' AND j.voided_at IS NULL ORDER BY j.id DESC LIMIT 1")" "D-12"

# A payment agent (一括決済) pays two customers' invoices in one transfer:
# confirmed by hand across customers, learned for both, undone for both;
# the next transfer is proposed for both together, never taken alone.
printf 'code,name,kana\nG1,株式会社青木商店,アオキショウテン\nG2,株式会社石田工業,イシダコウギョウ\n' >"$T/g.csv"
printf 'number,customer,issue_date,due_date,amount\nG1-1,G1,2026-02-01,2026-03-31,30000\nG2-1,G2,2026-02-01,2026-03-31,45000\nG1-2,G1,2026-03-01,2026-04-30,31500\nG2-2,G2,2026-03-01,2026-04-30,46200\n' >"$T/gi.csv"
t_ok "two customers" u import customers "$T/g.csv"
t_ok "… their invoices" u import invoices "$T/gi.csv"
t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	reference) VALUES ('2026-03-31', '2026-03-31', 75000, 'JPY', 'ｹｯｻｲﾀﾞｲｺｳ(ｶ', '0030'),
	('2026-04-30', '2026-04-30', 77700, 'JPY', 'ｹｯｻｲﾀﾞｲｺｳ(ｶ', '0031')"
t_ok "one transfer confirmed for two customers" \
	u match confirm --deposit 0030 --invoice G1-1 --invoice G2-1
t_is "… each invoice booked to its own customer" \
	"$(t_sql "$DB" "SELECT c.code || ':' || a.amount FROM allocation a JOIN customer c ON c.id = a.customer_id JOIN deposit d ON d.id = a.deposit_id WHERE d.reference = '0030' AND a.voided_at IS NULL ORDER BY c.code" | paste -sd' ' -)" \
	"G1:30000 G2:45000"
t_is "… the payer learned for both" \
	"$(t_sql "$DB" "SELECT count(*) FROM payer_alias WHERE payer_key = 'ケツサイダイコウ'")" 2
t_ok "the next transfer of the agent" u match show --deposit 0031 --json
t_is "… proposed for both customers at once, for a clerk" \
	"$(jq -r '.proposals[0] | (.customers | sort | join(",")) + " " + (.lines | map(.invoice) | sort | join(",")) + " " + (.auto | tostring)' "$T/.out")" \
	"G1,G2 G1-2,G2-2 false"
t_ok "undo the two-customer match" u match undo --deposit 0030
printf 'number,customer,issue_date,due_date,amount\nG2-R,G2,2026-03-05,2026-04-30,-20000\n' >"$T/gr.csv"
t_ok "a credit slip of the second customer" u import invoices "$T/gr.csv"
t_exit "… cannot pay the first customer's invoice" 3 \
	u match confirm --deposit 0030 --invoice G1-1:30000 --invoice G2-R --on-account 65000
t_grep "… said so" "credit slip G2-R offsets more than its customer's invoices" "$T/.err"
t_is "… both aliases unlearned" \
	"$(t_sql "$DB" "SELECT count(*) FROM payer_alias WHERE payer_key = 'ケツサイダイコウ'")" 0

# A customer declares its bank's fee (a net bank's ¥145): matched alone.
printf 'code,name,kana,fee_policy\nN1,株式会社根岸商会,ネギシショウカイ,145\n' >"$T/n.csv"
t_ok "a declared fee policy" u import customers "$T/n.csv"
t_ok "… exported at the end of the row" u export customers
t_grep "… as written" '^N1,株式会社根岸商会,.*,145,,[A-E],' "$T/.out"
printf 'code,name,fee_policy\nN2,有限会社松本,sometimes\n' >"$T/bad.csv"
t_exit "a fee policy that means nothing" 3 u import customers "$T/bad.csv"
t_grep "… named by file, line and column" "bad.csv:2: fee_policy: unknown fee policy 'sometimes'" "$T/.err"
printf 'number,customer,issue_date,due_date,amount\nN-1,N1,2026-02-01,2026-03-10,50000\n' >"$T/ni.csv"
t_ok "its invoice" u import invoices "$T/ni.csv"
t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	reference) VALUES ('2026-03-10', '2026-03-10', 49855, 'JPY', 'ﾈｷﾞｼｼﾖｳｶｲ(ｶ', '0020')"
t_ok "match --auto" u match --auto --json
t_is "… takes the invoice less the declared ¥145" \
	"$(jq -r '.results[] | select(.deposit == "0020") | .result + " " + .fit' "$T/.out")" "auto fee"

# A fee is at most the customer's own (declared or learned) or fee-limit:
# a ¥6,270 shortfall is debt, not a bank's charge.
printf 'code,name,kana,fee_policy\nF1,株式会社福田物産,フクダブッサン,\nF2,株式会社藤井商会,フジイショウカイ,upto:1320\n' >"$T/f.csv"
printf 'number,customer,issue_date,due_date,amount\nF-1,F1,2026-02-01,2026-03-10,100000\nF-2,F1,2026-02-01,2026-03-10,100000\nF-3,F2,2026-02-01,2026-03-10,100000\nF-4,F1,2026-02-01,2026-03-10,100000\n' >"$T/fi.csv"
t_ok "customers and invoices for the fee limit" sh -c \
	"'$URIKAKE' --db '$DB' import customers '$T/f.csv' && '$URIKAKE' --db '$DB' import invoices '$T/fi.csv'"
t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	reference) VALUES ('2026-03-10', '2026-03-10', 93730, 'JPY', 'ﾌｸﾀﾞﾌﾞﾂｻﾝ', '0040'),
	('2026-03-10', '2026-03-10', 99340, 'JPY', 'ﾌｸﾀﾞﾌﾞﾂｻﾝ', '0041'),
	('2026-03-10', '2026-03-10', 98680, 'JPY', 'ﾌｼﾞｲｼﾖｳｶｲ', '0042'),
	('2026-03-10', '2026-03-10', 93730, 'JPY', 'ﾌｸﾀﾞﾌﾞﾂｻﾝ', '0043')"
echo "allocation-order = due" >"$XDG_CONFIG_HOME/urikake/config"
t_exit "a ¥6,270 shortfall as a fee is refused" 3 \
	u match confirm --deposit 0040 --invoice F-1 --fee 6270
t_grep "… naming the fee and the limit" "the fee of JPY 6,270 is above the fee limit of JPY 880" "$T/.err"
t_is "… nothing written" "$(t_sql "$DB" "SELECT state FROM deposit WHERE reference = '0040'")" \
	unmatched
t_ok "… booked when the clerk says so" \
	u match confirm --deposit 0040 --invoice F-1 --fee 6270 --allow-large-fee
t_ok "a fee within the limit is booked as before" \
	u match confirm --deposit 0041 --invoice F-2 --fee 660
t_ok "the customer's declared fee above fee-limit is its own" \
	u match confirm --deposit 0042 --invoice F-3 --fee 1320
t_ok "undo it" u match undo --deposit 0042
echo "fee-limit = JPY 10000" >"$XDG_CONFIG_HOME/urikake/config"
t_ok "fee-limit from the config file" u match confirm --deposit 0043 --invoice F-4 --fee 6270
echo "fee-limit = JPY lots" >"$XDG_CONFIG_HOME/urikake/config"
t_exit "a bad fee-limit is refused" 3 u match confirm --deposit 0042 --invoice F-3 --fee 1320
t_grep "… naming the line" "config:1: fee-limit is a list such as: JPY 880, CNY 50.00" "$T/.err"
rm "$XDG_CONFIG_HOME/urikake/config"
# A part payment and its rest both waiting: ¥430,000 of K-1 came first,
# then the rest of K-1 with K-2. match show reads the rest only through
# the earlier deposit of the same payer (key カネコモクザイ), never as auto.
printf 'code,name,kana\nK1,金子木材株式会社,カネコモクザイ\n' >"$T/k.csv"
printf 'number,customer,issue_date,due_date,amount\nK-0,K1,2026-01-05,2026-01-31,250000\nK-1,K1,2026-02-05,2026-03-31,625641\nK-2,K1,2026-02-10,2026-03-31,220788\nK-3,K1,2026-03-05,2026-04-30,300000\n' >"$T/ki.csv"
t_ok "customers and invoices for a part payment and its rest" sh -c \
	"'$URIKAKE' --db '$DB' import customers '$T/k.csv' && '$URIKAKE' --db '$DB' import invoices '$T/ki.csv'"
t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	payer_key, reference) VALUES
	('2026-04-03', '2026-04-03', 430000, 'JPY', 'ｶﾈｺﾓｸｻﾞｲ(ｶ', 'カネコモクザイ', '0050'),
	('2026-04-03', '2026-04-03', 416429, 'JPY', 'ｶﾈｺﾓｸｻﾞｲ(ｶ', 'カネコモクザイ', '0051')"
rest_rank() { # the rank of the proposal clearing K-1 195,641 and K-2 220,788, or none
	jq -r '[.proposals[] | [.lines[] | "\(.invoice):\(.cleared)"] | sort | join(" ")] |
		index("K-1:195641 K-2:220788") // "none"' "$T/.out"
}
t_ok "show the rest while its part payment waits" u match show --deposit 0051 --json
t_is "… the rest of K-1 with K-2 is proposed first" "$(rest_rank)" 0
t_is "… never taken alone" "$(jq -r '.auto' "$T/.out")" false
t_ok "… and said so" u match show --deposit 0051
t_grep "… in words" "after a part payment waiting in the queue (¥430,000): the rest of K-1 (¥195,641) + K-2" "$T/.out"
t_ok "match --auto reads it the same way" u match --auto --dry-run --json
t_is "… its held 0051 explained as the rest" \
	"$(grep -c '"deposit":"0051","result":"held".*after a part payment waiting in the queue' "$T/.out")" 1
t_ok "the part payment confirmed" u match confirm --deposit 0050 --invoice K-1:430000
t_ok "show the rest again" u match show --deposit 0051
t_grep "… now K-1's open amount itself" "amount = K-1 + K-2" "$T/.out"
t_is "… no longer through a waiting deposit" "$(grep -c "part payment waiting" "$T/.out")" 0
t_done
