#!/bin/sh
# notice.sh: `urikake notice difference` for a deposit in the queue (short,
# over, from a payer we do not know) and `notice refund` in ja, zh_CN and
# en: what they say, the actions that fit, the contact each one leaves
# with its follow-up date, and bad input rejected with exit 3.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || t_skip_all "no sqlite3 shell to insert deposits"
DB="$T/n.db"
u() { "$URIKAKE" --db "$DB" "$@"; }
export XDG_CONFIG_HOME="$T/cfg"
mkdir -p "$XDG_CONFIG_HOME/urikake"
printf 'name = 株式会社テスト\nphone = 03-1234-5678\n' >"$XDG_CONFIG_HOME/urikake/company"

cat >"$T/c.csv" <<'CSV'
code,name,kana,currency
C1,株式会社山田商事,ヤマダショウジ,JPY
C2,上海恒通贸易有限公司,,CNY
CSV
cat >"$T/i.csv" <<'CSV'
number,customer,issue_date,due_date,amount,currency
A-1,C1,2026-01-10,2026-02-28,100000,JPY
B-1,C2,2026-01-10,2026-02-28,5000.00,CNY
CSV
u init >/dev/null 2>&1
u import customers "$T/c.csv" >/dev/null 2>&1
u import invoices "$T/i.csv" >/dev/null 2>&1
t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	reference) VALUES
	('2026-02-27', '2026-02-27', 90000, 'JPY', 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', '0001'),
	('2026-02-27', '2026-02-27', 560000, 'CNY', '上海恒通贸易有限公司', '0002'),
	('2026-02-27', '2026-02-27', 777, 'JPY', 'ﾀﾅｶ ｲﾁﾛｳ', '0003')"

by=$(date -d '+20 days' +%Y-%m-%d)
by_ja=$(date -d '+20 days' +%Y年%-m月%-d日)
t_ok "short: ask for the rest" u notice difference --deposit 0001 --action expect \
	--by "$by" --format txt
t_grep "… the title" "ご入金額差異のご連絡" "$T/.out"
t_grep "… what was billed" "ご請求金額 *100,000円" "$T/.out"
t_grep "… what arrived" "ご入金額 *90,000円" "$T/.out"
t_grep "… the difference" "差額 *△10,000円" "$T/.out"
t_grep "… by when" "${by_ja}までに" "$T/.out"
t_is "… logged with the follow-up date" \
	"$(t_sql "$DB" "SELECT channel, next_date FROM contact WHERE customer_id = 1")" \
	"letter|$by"
before=$(t_sql "$DB" "SELECT count(*) FROM contact")
t_exit "short: keep does not fit, exit 3" 3 u notice difference --deposit 0001 \
	--action keep --format txt
t_grep "… says what fits" "deposit 0001 is short" "$T/.err"
t_exit "expect without --by: exit 3" 3 u notice difference --deposit 0001 --action expect
t_exit "an unknown action: exit 3" 3 u notice difference --deposit 0001 --action later
t_exit "an unknown deposit: exit 3" 3 u notice difference --deposit 9999 --action keep
t_exit "a --by date in the past: exit 3" 3 u notice difference --deposit 0001 \
	--action expect --by 2020-01-01
t_exit "a bad --by date: exit 3" 3 u notice difference --deposit 0001 --action expect \
	--by 2026-02-30
t_is "nothing logged by the rejections" "$(t_sql "$DB" "SELECT count(*) FROM contact")" \
	"$before"

t_ok "over, in Chinese: keep on account" u notice difference --deposit 0002 --action keep \
	--format txt
t_grep "… 付款差异通知" "付款差异通知" "$T/.out"
t_grep "… the difference in yuan" "差额 *人民币600.00元" "$T/.out"
t_grep "… kept as 预收款" "预收款" "$T/.out"
t_ok "from a payer we do not know, in English, as PDF" u --lang en notice difference \
	--deposit 0003 --action refund --lang en -o "$T/out/"
t_grep "… written" "Wrote $T/out/" "$T/.out"
t_ok "… a PDF" test -s "$T/out/notice-0003.pdf"
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$T/out/notice-0003.pdf" "$T/n.txt"
	t_grep "… says we cannot find the invoice" "We cannot" "$T/n.txt"
fi

u match confirm --deposit 0002 --invoice B-1 --on-account 600 >/dev/null 2>&1
u refund --customer C2 --amount 600 --date 2026-03-05 --to '恒通贸易 工商银行' \
	--reason 多付 >/dev/null 2>&1
t_ok "refund notice in Chinese" u notice refund 1 --format txt
t_grep "… 退款通知" "退款通知" "$T/.out"
t_grep "… the amount" "退款金额 *人民币600.00元" "$T/.out"
t_grep "… to whom" "收款方：恒通贸易 工商银行" "$T/.out"
t_ok "in Japanese when asked" u notice refund 1 --lang ja --format txt
t_grep "… 返金のお知らせ" "返金のお知らせ" "$T/.out"
t_exit "a refund that does not exist: exit 3" 3 u notice refund 7
u refund undo 1 >/dev/null 2>&1
t_exit "an undone refund: exit 3" 3 u notice refund 1
t_done
