#!/bin/sh
# mail_docs.sh: the other documents by e-mail, through the same path as
# statements and dunning letters (mail.sh) — balance confirmations
# (`confirm send --email`, recorded as e-mailed), difference and refund
# notices (`notice … --email`, logged with their follow-up date) and a
# sales rep's daily digest (`contact digest --rep NAME --email`, to the
# rep's rep-email.NAME address, no contact logged). Each mail read back
# with Python's e-mail parser (encoded-word subject in Japanese and
# Chinese, From, To, Date, Message-ID, the attachment byte for byte);
# --dry-run .eml files; bad addresses and settings refused with exit 3
# and nothing written; the mail command's failure with its message.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null || t_skip_all "python3 (to read the mails back) is not installed"
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 is not installed"

DB=$T/m.db
U() { "$URIKAKE" --db "$DB" "$@"; }
export XDG_CONFIG_HOME="$T/cfg"

. "$top_srcdir/tests/cli/lib-mail.sh"
cat >"$T/company" <<EOF
name = 株式会社うりかけ商事
name.zh_CN = 瓜卡贸易有限公司
mail-from = keiri@urikake.example
mail-command = "$T/sendmail" -t -oi
rep-email.佐藤 = 佐藤 一郎 <sato@urikake.example>
rep-email.鈴木 = suzuki at urikake
EOF
cat >"$T/customers.csv" <<'EOF'
code,name,kana,currency,terms,email,sales_rep
J1,株式会社テスト商事,カブシキガイシャテストショウジ,JPY,NET30,tanaka@test.example.jp,佐藤
Z1,上海测试贸易有限公司,,CNY,NET30,caiwu@test.example.cn,
E1,Acme Corporation,,USD,NET30,,
EOF
cat >"$T/invoices.csv" <<'EOF'
number,customer,issue_date,due_date,amount,currency
A-1,J1,2026-01-10,2026-02-10,100000,JPY
B-1,Z1,2026-01-03,2026-02-02,5000.00,CNY
C-1,E1,2026-01-02,2026-02-01,1500.00,USD
EOF
t_ok "init" U init
t_ok "import customers" U import customers "$T/customers.csv"
t_ok "import invoices" U import invoices "$T/invoices.csv"

contacts() { t_sql "$DB" "SELECT count(*) FROM contact"; }
# msgid FILE: passes when the Message-ID is <…@urikake.example>.
msgid_ok() {
	case $(R "$1" raw Message-ID) in "<"*@urikake.example">") return 0 ;; esac
	return 1
}

# --- balance confirmations
t_ok "confirmations by e-mail, copies in -o DIR" \
	U confirm send J1 Z1 --as-of 2026-03-31 --company "$T/company" --email -o "$T/sent/"
t_is "two mails handed over" "$(mails)" 2
J=$T/box/1.eml
Z=$T/box/2.eml
t_grep "ja subject as an encoded word" "^Subject: =?UTF-8?[bB]?" "$J"
t_is "ja subject: 残高確認書" "$(R "$J" Subject)" "残高確認書のご送付（株式会社うりかけ商事）"
t_is "zh_CN subject: 往来款项询证函" "$(R "$Z" Subject)" "【往来款项询证函】瓜卡贸易有限公司"
t_is "From" "$(R "$J" From)" "株式会社うりかけ商事 <keiri@urikake.example>"
t_is "To: the customer" "$(R "$J" To)" "株式会社テスト商事 <tanaka@test.example.jp>"
t_is "Date parses" "$(R "$J" date)" "$(date -u +%Y)"
t_ok "Message-ID at our domain" msgid_ok "$J"
R "$J" pdf >"$T/att-J1.pdf"
t_ok "the attachment is the PDF kept with -o" cmp "$T/att-J1.pdf" "$T/sent/confirmation-J1.pdf"
t_is "each is recorded as e-mailed, with the attachment's name" \
	"$(t_sql "$DB" "SELECT delivery, file, state FROM confirmation ORDER BY id" | tr '\n' ' ')" \
	"emailed|confirmation-J1-2026-03-31.pdf|awaiting emailed|confirmation-Z1-2026-03-31.pdf|awaiting "
t_is "each is a contact referring to the document" \
	"$(t_sql "$DB" "SELECT channel, document, document_sha256, '<' || message_id || '>'
		FROM contact WHERE customer_id = 1")" \
	"email|confirmation-J1-2026-03-31.pdf|$(sha256sum "$T/att-J1.pdf" | cut -d' ' -f1)|$(R "$J" raw Message-ID)"
t_ok "the Chinese reply slip is in the attachment" R "$Z" pdf
if command -v pdftotext >/dev/null; then
	R "$Z" pdf >"$T/att-Z1.pdf"
	pdftotext "$T/att-Z1.pdf" "$T/z.txt"
	t_grep "… 询证函 with its slip" "信息不符" "$T/z.txt"
fi

before="$(contacts) $(t_sql "$DB" "SELECT count(*) FROM confirmation")"
U confirm answer J1 --agreed >/dev/null 2>&1
U confirm answer Z1 --agreed >/dev/null 2>&1
t_ok "confirm send --email --dry-run" U confirm send J1 --as-of 2026-03-31 \
	--company "$T/company" --email --dry-run -o "$T/dry/"
t_is "… writes the .eml" "$(ls "$T/dry")" "confirmation-J1.eml"
t_is "… as the same message" "$(R "$T/dry/confirmation-J1.eml" Subject)" "$(R "$J" Subject)"
t_is "… sends, logs and records nothing" \
	"$(mails) $(contacts) $(t_sql "$DB" "SELECT count(*) FROM confirmation")" "2 $before"

t_exit "a confirmation to a customer with no address: exit 3" 3 \
	U confirm send E1 --as-of 2026-03-31 --company "$T/company" --email
t_grep "… says so" "customer E1 has no e-mail address" "$T/.err"
t_exit "the mail command fails: exit 1" 1 env FAKE_MTA_FAIL=1 "$URIKAKE" --db "$DB" \
	confirm send J1 --as-of 2026-03-31 --company "$T/company" --email
t_grep "… with the MTA's message" "relay access denied" "$T/.err"
t_is "… nothing logged or recorded" \
	"$(mails) $(contacts) $(t_sql "$DB" "SELECT count(*) FROM confirmation")" "2 $before"
grep -v '^mail-command' "$T/company" >"$T/company-nocmd"
t_exit "no mail-command: exit 3" 3 \
	U confirm send J1 --as-of 2026-03-31 --company "$T/company-nocmd" --email
t_grep "… says what to set" "no mail-command" "$T/.err"
t_exit "confirm send --email --print: usage" 2 \
	U confirm send J1 --as-of 2026-03-31 --email --print

# --- notices
t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	reference) VALUES
	('2026-03-27', '2026-03-27', 90000, 'JPY', 'ｶ)ﾃｽﾄｼﾖｳｼﾞ', 'D1'),
	('2026-03-27', '2026-03-27', 5600.00 * 100, 'CNY', '上海测试贸易有限公司', 'D2'),
	('2026-03-27', '2026-03-27', 777, 'JPY', 'ﾀﾅｶ ｲﾁﾛｳ', 'D3')"
n=$(mails)
c=$(contacts)
t_ok "a difference notice by e-mail" U notice difference --deposit D1 --action expect \
	--by 2026-04-20 --company "$T/company" --email
t_is "… one mail" "$(mails)" $((n + 1))
N=$T/box/$((n + 1)).eml
t_is "… its ja subject" "$(R "$N" Subject)" "ご入金額差異のご連絡のご送付（株式会社うりかけ商事）"
t_is "… to the customer" "$(R "$N" To)" "株式会社テスト商事 <tanaka@test.example.jp>"
t_ok "… Message-ID" msgid_ok "$N"
t_is "… logged once, as e-mail, with the follow-up date and the document" \
	"$(t_sql "$DB" "SELECT (SELECT count(*) FROM contact WHERE id > $c), channel, next_date,
		document, '<' || message_id || '>' FROM contact WHERE id > $c")" \
	"1|email|2026-04-20|notice-J1-2026-03-31.pdf|$(R "$N" raw Message-ID)"
if command -v pdftotext >/dev/null; then
	R "$N" pdf >"$T/notice.pdf"
	pdftotext "$T/notice.pdf" "$T/notice.txt"
	t_grep "… the attachment is the notice" "ご入金額差異のご連絡" "$T/notice.txt"
fi
t_ok "a Chinese difference notice, --dry-run" U notice difference --deposit D2 --action keep \
	--company "$T/company" --email --dry-run -o "$T/dryn/"
t_is "… zh_CN subject" "$(R "$T/dryn/notice-Z1.eml" Subject)" "【付款差异通知】瓜卡贸易有限公司"
t_is "… nothing sent or logged" "$(mails) $(contacts)" "$((n + 1)) $((c + 1))"
t_exit "a payer we do not know has no address: exit 3" 3 U notice difference \
	--deposit D3 --action refund --company "$T/company" --email
t_grep "… says so" "D3 is not from a customer we know" "$T/.err"
t_exit "the notice's mail fails: exit 1" 1 env FAKE_MTA_FAIL=1 "$URIKAKE" --db "$DB" \
	notice difference --deposit D1 --action expect --by 2026-04-20 \
	--company "$T/company" --email
t_grep "… with the MTA's message" "relay access denied" "$T/.err"
t_is "… nothing logged" "$(mails) $(contacts)" "$((n + 1)) $((c + 1))"
t_exit "notice --dry-run without --email: usage" 2 U notice difference --deposit D1 \
	--action expect --by 2026-04-20 --dry-run

U match confirm --deposit D2 --invoice B-1 --on-account 600 >/dev/null 2>&1
U refund --customer Z1 --amount 600 --date 2026-03-30 --to '测试贸易 工商银行' \
	--reason 多付 >/dev/null 2>&1
t_ok "a refund notice by e-mail" U notice refund 1 --company "$T/company" --email
R "$T/box/$(mails).eml" Subject >"$T/subject"
t_is "… zh_CN subject" "$(cat "$T/subject")" "【退款通知】瓜卡贸易有限公司"
t_is "… logged as e-mail, no follow-up" \
	"$(t_sql "$DB" "SELECT channel, coalesce(next_date, '-') FROM contact ORDER BY id DESC LIMIT 1")" \
	"email|-"

# --- the sales rep's digest
n=$(mails)
c=$(contacts)
# J1 was written to today (the notice): its crossing is the rep's call tomorrow
t_ok "佐藤's digest by e-mail" U contact digest --rep 佐藤 --date 2026-04-01 \
	--company "$T/company" --email
G=$T/box/$((n + 1)).eml
t_is "… to the rep's address" "$(R "$G" To)" "佐藤 一郎 <sato@urikake.example>"
t_is "… From" "$(R "$G" From)" "株式会社うりかけ商事 <keiri@urikake.example>"
t_ok "… Message-ID" msgid_ok "$G"
t_is "… the attachment's name" "$(R "$G" filename)" "digest-______-2026-04-01.pdf"
if command -v pdftotext >/dev/null; then
	R "$G" pdf >"$T/digest.pdf"
	pdftotext "$T/digest.pdf" "$T/digest.txt"
	t_grep "… the attachment lists the rep's customer" "J1" "$T/digest.txt"
fi
t_is "… not logged as a contact with a customer" "$(contacts)" "$c"
t_ok "the digest in Japanese, --dry-run" "$URIKAKE" --db "$DB" --lang ja \
	contact digest --rep 佐藤 --date 2026-04-01 --company "$T/company" --email --dry-run \
	-o "$T/dryd/"
D=$T/dryd/digest-______.eml
t_grep "… subject as an encoded word" "^Subject: =?UTF-8?[bB]?" "$D"
R "$D" Subject >"$T/dsub"
t_grep "… in Japanese" "^佐藤.*（2026年4月1日現在）$" "$T/dsub"
R "$D" body >"$T/dbody"
t_grep "… greeting the rep" "^佐藤さん$" "$T/dbody"
t_is "… nothing sent" "$(mails)" $((n + 1))
t_exit "a rep with no address: exit 3" 3 U contact digest --rep 田中 --company "$T/company" --email
t_grep "… says what to set" "no e-mail address for sales rep 田中: set rep-email.田中" "$T/.err"
t_exit "a rep address that is not one: exit 3" 3 \
	U contact digest --rep 鈴木 --company "$T/company" --email
t_grep "… names it" "rep-email.鈴木: 'suzuki at urikake' is not an e-mail address" "$T/.err"
t_exit "no mail-command: exit 3" 3 U contact digest --rep 佐藤 --company "$T/company-nocmd" --email
t_exit "the digest's mail fails: exit 1" 1 env FAKE_MTA_FAIL=1 "$URIKAKE" --db "$DB" \
	contact digest --rep 佐藤 --date 2026-04-01 --company "$T/company" --email
t_grep "… with the MTA's message" "relay access denied" "$T/.err"
t_ok "nothing for the rep today (the notice was the call)" \
	U contact digest --rep 佐藤 --company "$T/company" --email
t_grep "… so no mail" "Nothing to do for this sales rep: no mail sent." "$T/.out"
t_exit "--email without --rep: usage" 2 U contact digest --company "$T/company" --email
t_is "none of them sent anything" "$(mails) $(contacts)" "$((n + 1)) $c"
t_done
