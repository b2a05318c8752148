#!/bin/sh
# mail.sh: statements and dunning letters by e-mail (--email) — handed to a
# stand-in sendmail that keeps what it is given, read back with Python's
# own e-mail parser (the encoded-word subject in Japanese and Chinese,
# From, To, Date, Message-ID, the body, the PDF attachment byte for byte
# against the copy written with -o), the contact log, --dry-run .eml
# files, bad addresses and settings refused before anything goes, the
# mail command's failure with its message; then one mail through a real
# msmtp to a local SMTP server (aiosmtpd), skipped when they are missing.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null || t_skip_all "python3 (to read the mails back) is not installed"
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 is not installed"

DB=$T/m.db
U() { "$URIKAKE" --db "$DB" "$@"; }
t_skip() { t_n=$((t_n + 1)); echo "ok $t_n # SKIP $1"; }

. "$top_srcdir/tests/cli/lib-mail.sh"
cat >"$T/company" <<EOF
name = 株式会社うりかけ商事
name.zh_CN = 瓜卡贸易有限公司
name.en = Urikake Trading Co., Ltd.
address = 東京都千代田区丸の内1-1-1
mail-from = keiri@urikake.example
mail-command = "$T/sendmail" -t -oi
EOF
cat >"$T/customers.csv" <<'EOF'
code,name,kana,currency,terms,email
J1,株式会社テスト商事,カブシキガイシャテストショウジ,JPY,NET30,tanaka@test.example.jp
Z1,上海测试贸易有限公司,,CNY,NET30,"财务部 <caiwu@test.example.cn>"
E1,Acme Corporation,,USD,NET30,
EOF
cat >"$T/invoices.csv" <<'EOF'
number,customer,issue_date,due_date,amount,currency,tax
A-1,J1,2026-01-10,2026-02-10,55000,JPY,5000
B-1,Z1,2026-01-03,2026-02-02,1130.00,CNY,130.00
C-1,E1,2026-03-02,2026-04-01,1500.00,USD,
EOF
t_ok "init" U init
t_ok "import customers" U import customers "$T/customers.csv"
t_ok "import invoices" U import invoices "$T/invoices.csv"

contacts() { t_sql "$DB" "SELECT count(*) FROM contact"; }

t_ok "statements by e-mail, copies in -o DIR" \
	U statement J1 Z1 --company "$T/company" --email -o "$T/sent/"
t_grep "each mail is reported" "Sent statement-J1-2026-03-31.pdf to tanaka@test.example.jp" "$T/.out"
t_is "two mails handed over" "$(ls "$T/box" | grep -c '\.eml$')" 2
t_is "as sendmail -t -oi" "$(cat "$T/box/1.args")" "-t -oi"
J=$T/box/1.eml
Z=$T/box/2.eml
t_grep "the subject is an encoded word" "^Subject: =?UTF-8?[bB]?" "$J"
t_is "ja subject decodes to Japanese" "$(R "$J" Subject)" "合計請求書のご送付（株式会社うりかけ商事）"
t_is "zh_CN subject decodes to Chinese" "$(R "$Z" Subject)" "【对账单】瓜卡贸易有限公司"
t_is "From: our name and mail-from" "$(R "$J" From)" "株式会社うりかけ商事 <keiri@urikake.example>"
t_is "To: the customer's name and address" "$(R "$J" To)" "株式会社テスト商事 <tanaka@test.example.jp>"
t_is "To: a named address as stored" "$(R "$Z" To)" "财务部 <caiwu@test.example.cn>"
t_is "Date: parses" "$(R "$J" date)" "$(date -u +%Y)"
id=$(R "$J" raw Message-ID)
case $id in "<"*@urikake.example">") ok=0 ;; *) ok=1 ;; esac
t_report $ok "Message-ID at our domain: $id"
t_is "the Message-IDs differ" "$(test "$id" != "$(R "$Z" raw Message-ID)" && echo y)" y
R "$J" body >"$T/body.ja"
t_grep "ja body: addressed 御中" "^株式会社テスト商事 御中" "$T/body.ja"
t_grep "ja body: the period" "2026年3月1日～2026年3月31日" "$T/body.ja"
R "$Z" body >"$T/body.zh"
t_grep "zh_CN body in Chinese" "请查收附件中的PDF文件" "$T/body.zh"
t_is "attachment name" "$(R "$J" filename)" "statement-J1-2026-03-31.pdf"
R "$J" pdf >"$T/att-J1.pdf"
t_ok "the attachment decodes to the PDF written with -o" cmp "$T/att-J1.pdf" "$T/sent/statement-J1.pdf"
R "$Z" pdf >"$T/att-Z1.pdf"
t_ok "… the Chinese one too" cmp "$T/att-Z1.pdf" "$T/sent/statement-Z1.pdf"
if command -v pdftotext >/dev/null; then
	pdftotext "$T/att-Z1.pdf" "$T/z.txt"
	t_grep "the attachment is the statement" "对账单" "$T/z.txt"
fi

t_is "each mail is a contact" "$(contacts)" 2
t_ok "contact list" U contact list J1
t_grep "… shows the mail" "合計請求書 e-mailed to tanaka@test.example.jp" "$T/.out"
t_is "the contact refers to the document and the mail" \
	"$(t_sql "$DB" "SELECT channel, document, '<' || message_id || '>' FROM contact WHERE id = 1")" \
	"email|statement-J1-2026-03-31.pdf|$id"
t_is "… with the SHA-256 of the PDF sent" \
	"$(t_sql "$DB" "SELECT document_sha256 FROM contact WHERE id = 1")" \
	"$(sha256sum "$T/att-J1.pdf" | cut -d' ' -f1)"

t_ok "dunning letters by e-mail" U dunning J1 Z1 --level 2 --company "$T/company" --email
t_is "dunning subject" "$(R "$T/box/3.eml" Subject)" "督促状のご送付（株式会社うりかけ商事）"
t_is "logged at the level, as e-mail" \
	"$(t_sql "$DB" "SELECT count(*) FROM contact WHERE channel = 'email' AND dunning_level = 2")" 2
t_is "and not also as letters" "$(t_sql "$DB" "SELECT count(*) FROM contact WHERE channel = 'letter'")" 0

t_ok "--all-open --email" U statement --all-open --company "$T/company" --email
t_grep "a customer without an address is named" "E1 has no e-mail address: not sent" "$T/.err"
t_is "the others were sent" "$(ls "$T/box" | grep -c '\.eml$')" 6

before=$(contacts)
t_ok "--dry-run writes .eml files" \
	U statement J1 Z1 --company "$T/company" --email --dry-run -o "$T/dry/"
t_is "… one per customer" "$(ls "$T/dry" | tr '\n' ' ')" "statement-J1.eml statement-Z1.eml "
t_is "… as the same message" "$(R "$T/dry/statement-J1.eml" Subject)" "$(R "$J" Subject)"
t_is "… sending nothing" "$(ls "$T/box" | grep -c '\.eml$')" 6
t_is "… logging nothing" "$(contacts)" "$before"

t_exit "a customer without an address, named: exit 3" 3 \
	U statement E1 --company "$T/company" --email
t_grep "… says so" "customer E1 has no e-mail address" "$T/.err"
printf 'code,name,email\nJ1,株式会社テスト商事,tanaka at test.example.jp\n' >"$T/bad.csv"
t_ok "a bad address imported" U import customers "$T/bad.csv"
t_exit "an address that is not one: exit 3" 3 U statement J1 Z1 --company "$T/company" --email -o "$T/bad/"
t_grep "… naming the customer and the address" \
	"customer J1: e-mail address: 'tanaka at test.example.jp' is not an e-mail address" "$T/.err"
t_is "… nothing sent, not even to the good one" "$(ls "$T/box" | grep -c '\.eml$')" 6
t_is "… nothing logged" "$(contacts)" "$before"
t_is "… nothing written" "$(ls "$T/bad" 2>/dev/null)" ""
printf 'code,name,email\nJ1,株式会社テスト商事,tanaka@test.example.jp\n' >"$T/good.csv"
t_ok "the address corrected" U import customers "$T/good.csv"

grep -v '^mail-command' "$T/company" >"$T/company-nocmd"
t_exit "no mail-command: exit 3" 3 U statement J1 --company "$T/company-nocmd" --email
t_grep "… says what to set" "no mail-command" "$T/.err"
sed 's|^mail-command = .*|mail-command = /nonexistent/sendmail -t|' "$T/company" >"$T/company-gone"
t_exit "a mail command that is not there: exit 3" 3 U statement J1 --company "$T/company-gone" --email
t_grep "… named" "/nonexistent/sendmail not found" "$T/.err"
sed 's|^mail-from = .*|mail-from = keiri|' "$T/company" >"$T/company-badfrom"
t_exit "a mail-from that is not an address: exit 3" 3 \
	U statement J1 --company "$T/company-badfrom" --email
t_is "none of them sent or logged anything" "$(ls "$T/box" | grep -c '\.eml$') $(contacts)" "6 $before"

t_exit "the mail command fails: exit 1" 1 \
	env FAKE_MTA_FAIL=1 "$URIKAKE" --db "$DB" statement J1 --company "$T/company" --email
t_grep "… with its own message" "relay access denied" "$T/.err"
t_grep "… and its exit status" "exit status 75" "$T/.err"
t_is "… nothing logged as sent" "$(contacts)" "$before"

t_exit "--email --print: usage" 2 U statement J1 --email --print
t_exit "--email --format txt: usage" 2 U statement J1 --email --format txt
t_exit "--email -o FILE: usage" 2 U statement J1 --email -o "$T/one.pdf"
t_exit "--email --dry-run without -o DIR: usage" 2 U statement J1 --email --dry-run
t_exit "statement --dry-run without --email: usage" 2 U statement J1 --dry-run

# A real MTA: msmtp hands the mail to a local SMTP server (aiosmtpd)
# that keeps it in a Maildir. Debian's package is for the system's python3,
# which may not be the first on PATH.
smtpd_py=
for py in python3 /usr/bin/python3; do
	"$py" -c 'import aiosmtpd' 2>/dev/null && { smtpd_py=$py; break; }
done
if ! command -v msmtp >/dev/null; then
	t_skip "msmtp is not installed (apt-get install msmtp)"
elif [ -z "$smtpd_py" ]; then
	t_skip "aiosmtpd is not installed (apt-get install python3-aiosmtpd)"
else
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	"$smtpd_py" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$T/maildir" \
		>"$T/smtpd.log" 2>&1 &
	smtpd=$!
	trap 'kill $smtpd 2>/dev/null; rm -rf "$T"' EXIT
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" \
			2>/dev/null && break
		sleep 0.25
	done
	printf 'account default\nhost 127.0.0.1\nport %s\nfrom keiri@urikake.example\nauth off\ntls off\n' \
		"$port" >"$T/msmtprc"
	chmod 600 "$T/msmtprc"
	sed "s|^mail-command = .*|mail-command = msmtp -C \"$T/msmtprc\" -t|" "$T/company" >"$T/company-msmtp"
	if ! kill -0 $smtpd 2>/dev/null; then
		t_skip "the SMTP server (aiosmtpd) did not start: $(head -1 "$T/smtpd.log")"
	else
		t_ok "through msmtp to an SMTP server" \
			U statement Z1 --company "$T/company-msmtp" --email -o "$T/via-msmtp/"
		got=$(ls "$T/maildir/new" 2>/dev/null | head -1)
		t_is "the server received one mail" "$(ls "$T/maildir/new" 2>/dev/null | wc -l)" 1
		if [ -n "$got" ]; then
			t_is "its subject in Chinese" "$(R "$T/maildir/new/$got" Subject)" "【对账单】瓜卡贸易有限公司"
			R "$T/maildir/new/$got" pdf >"$T/att-smtp.pdf"
			t_ok "its attachment is the PDF" cmp "$T/att-smtp.pdf" "$T/via-msmtp/statement-Z1.pdf"
		fi
		kill $smtpd
		wait $smtpd 2>/dev/null
	fi
fi
t_done
