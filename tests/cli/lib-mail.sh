# lib-mail.sh: what the mail tests share (source after tests/lib.sh) — a
# stand-in sendmail that keeps each message it is given as $T/box/N.eml
# (its arguments as N.args; FAKE_MTA_FAIL makes it refuse with a message),
# and R FILE WHAT, which reads a mail back with Python's own e-mail parser:
# a header decoded, the body, the attachment's bytes or name, the year of
# its Date, or a raw header.
mkdir "$T/box"
cat >"$T/sendmail" <<'EOF'
#!/bin/sh
box=$(dirname "$0")/box
n=$(($(ls "$box" | grep -c '\.eml$') + 1))
if [ -n "$FAKE_MTA_FAIL" ]; then
	cat >/dev/null
	echo "sendmail: 554 5.7.1 relay access denied" >&2
	exit 75
fi
cat >"$box/$n.eml"
echo "$*" >"$box/$n.args"
EOF
chmod +x "$T/sendmail"

cat >"$T/read.py" <<'EOF'
import base64, email, email.header, email.utils, sys
msg = email.message_from_binary_file(open(sys.argv[1], 'rb'))
what = sys.argv[2]
parts = msg.get_payload() if msg.is_multipart() else []
if what == 'body':
    sys.stdout.write(parts[0].get_payload(decode=True).decode(parts[0].get_content_charset()))
elif what == 'pdf':
    att = parts[1]
    assert att.get_content_type() == 'application/pdf', att.get_content_type()
    assert att['Content-Transfer-Encoding'].lower() == 'base64'
    sys.stdout.buffer.write(base64.b64decode(att.get_payload()))
elif what == 'filename':
    print(parts[1].get_filename())
elif what == 'date':
    print(email.utils.parsedate_to_datetime(msg['Date']).year)
elif what == 'raw':
    print(msg[sys.argv[3]])
else:
    print(str(email.header.make_header(email.header.decode_header(msg[what]))))
EOF
R() { python3 "$T/read.py" "$@"; }
# mails: how many the stand-in sendmail has been given
mails() { ls "$T/box" | grep -c '\.eml$'; }
