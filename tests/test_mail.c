/* test_mail: e-mail addresses told from what is not one, a composed
 * message read back with GMime (subject, addresses, the attachment's
 * bytes), the covering text per language, and the mail command's
 * failures with its own message. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gmime/gmime.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "docmail.h"
#include "mail.h"
#include "tap.h"

static void
addresses(void)
{
	static const char *const good[] = {
		"keiri@example.co.jp", "Keiri <keiri@example.co.jp>", "a@b.example, c@d.example",
		"山田 <yamada@example.jp>",
	};
	static const char *const bad[] = {
		"", "keiri", "keiri@", "@example.jp", "a b@example.jp", "a@@example.jp",
		"a@example..jp", "a@example.jp.", "a@example.jp, nope", "a@exa\x1b[2Jmple.jp",
	};
	struct ur_err err;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		tap_ok(mail_address_check(good[i], &err) == UR_OK, "address ok: %s", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		tap_ok(mail_address_check(bad[i], &err) == UR_INPUT, "not an address: '%s'",
		       bad[i]);
	mail_address_check("a@example.jp, nope", &err);
	tap_ok(strstr(err.msg, "'nope'") != NULL, "the bad part is named: %s", err.msg);
}

static void
compose(void)
{
	static const unsigned char file[] = { '%', 'P', 'D', 'F', 0, 1, 2, 0xff, '\n', '.' };
	struct mail_msg m = {
		"keiri@urikake.example", "株式会社うりかけ商事", "tanaka@test.example", "テスト商事",
		"合計請求書のご送付", "本文です。\n", "statement-J1.pdf", "application/pdf",
		file, sizeof file,
	};
	struct strbuf out;
	struct ur_err err;
	char *id = NULL;
	GMimeStream *s;
	GMimeParser *p;
	GMimeMessage *msg;
	GMimePart *att;
	GByteArray *bytes;
	char *to;

	sb_init(&out);
	tap_ok(mail_compose(&m, &out, &id, &err) == UR_OK, "composed");
	tap_ok(id && strchr(id, '@') && strstr(id, "urikake.example"), "Message-ID at our domain");
	tap_ok(!strstr(out.buf, "合計"), "no raw UTF-8 in the message (encoded words, base64)");
	s = g_mime_stream_mem_new_with_buffer(out.buf, out.len);
	p = g_mime_parser_new_with_stream(s);
	msg = g_mime_parser_construct_message(p, NULL);
	tap_ok(msg != NULL, "GMime reads it back");
	if (msg) {
		tap_is_str(g_mime_message_get_subject(msg), m.subject, "subject decodes");
		to = internet_address_list_to_string(g_mime_message_get_to(msg), NULL, FALSE);
		tap_ok(strstr(to, "tanaka@test.example") != NULL, "To: %s", to);
		g_free(to);
		tap_is_str(g_mime_message_get_message_id(msg), id, "Message-ID");
		att = GMIME_PART(g_mime_multipart_get_part(
			GMIME_MULTIPART(g_mime_message_get_mime_part(msg)), 1));
		tap_is_str(g_mime_part_get_filename(att), "statement-J1.pdf", "attachment name");
		bytes = g_byte_array_new();
		{
			GMimeStream *mem = g_mime_stream_mem_new_with_byte_array(bytes);

			g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(mem), FALSE);
			g_mime_data_wrapper_write_to_stream(g_mime_part_get_content(att), mem);
			g_object_unref(mem);
		}
		tap_ok(bytes->len == sizeof file && memcmp(bytes->data, file, sizeof file) == 0,
		       "the attachment decodes to the same bytes");
		g_byte_array_free(bytes, TRUE);
		g_object_unref(msg);
	}
	g_object_unref(p);
	g_object_unref(s);
	m.to = "not an address";
	tap_ok(mail_compose(&m, &out, &id, &err) == UR_INPUT, "a bad To is refused");
	free(id);
	sb_free(&out);
}

static void
covering_text(void)
{
	struct company c = { 0 };
	struct strbuf subject, body;
	struct docmail ja = { STMT_JA, "合計請求書", "株式会社テスト商事", 0, 0, false };
	struct docmail zh = { STMT_ZH, "对账单", "上海测试贸易有限公司", 0, 0, false };
	struct ur_err err;

	date_parse("2026-03-01", &ja.from, &err);
	date_parse("2026-03-31", &ja.to, &err);
	zh.to = ja.to;
	company_parse("name = 株式会社うりかけ商事\nname.zh_CN = 売掛商事有限公司\n", "t", &c,
		      &err);
	sb_init(&subject);
	sb_init(&body);
	docmail_text(&ja, &c, &subject, &body);
	tap_is_str(subject.buf, "合計請求書のご送付（株式会社うりかけ商事）", "ja subject");
	tap_ok(strstr(body.buf, "株式会社テスト商事 御中") != NULL, "ja: addressed 御中");
	tap_ok(strstr(body.buf, "2026年3月1日～2026年3月31日") != NULL, "ja: the period");
	docmail_text(&zh, &c, &subject, &body);
	tap_is_str(subject.buf, "【对账单】売掛商事有限公司", "zh_CN subject, our Chinese name");
	tap_ok(strstr(body.buf, "截至2026年3月31日") != NULL, "zh_CN: as of the day");
	company_free(&c);
	docmail_text(&ja, &c, &subject, &body);
	tap_is_str(subject.buf, "合計請求書のご送付", "no company name: no empty brackets");
	tap_ok(!strstr(body.buf, "でございます"), "… and no nameless introduction");
	sb_free(&subject);
	sb_free(&body);
}

/* A sales rep's digest: a note to a colleague, and the rep's address. */
static void
colleague(void)
{
	struct company c = { 0 };
	struct strbuf subject, body;
	struct docmail ja = { STMT_JA, "佐藤 さんの連絡先一覧", "佐藤", 0, 0, true };
	struct ur_err err;

	date_parse("2026-04-01", &ja.to, &err);
	tap_ok(company_parse("name = 株式会社うりかけ商事\nrep-email.佐藤 = sato@urikake.example\n",
			     "t", &c, &err) == UR_OK,
	       "rep-email.NAME is a setting");
	tap_is_str(company_rep_email(&c, "佐藤"), "sato@urikake.example", "… the rep's address");
	tap_is_str(company_rep_email(&c, "鈴木"), "", "… none for another rep");
	sb_init(&subject);
	sb_init(&body);
	docmail_text(&ja, &c, &subject, &body);
	tap_is_str(subject.buf, "佐藤 さんの連絡先一覧（2026年4月1日現在）", "colleague: the subject");
	tap_ok(strncmp(body.buf, "佐藤さん\n", strlen("佐藤さん\n")) == 0, "… greeted by name");
	tap_ok(!strstr(body.buf, "御中") && !strstr(body.buf, "\n-- \n"),
	       "… not as a customer, no signature block");
	company_free(&c);
	tap_ok(company_parse("rep-email. = x@y.example\n", "t", &c, &err) == UR_INPUT,
	       "rep-email without a name is refused");
	sb_free(&subject);
	sb_free(&body);
}

static void
command(void)
{
	struct ur_err err;

	tap_ok(mail_command_check("", &err) == UR_INPUT, "no command: input error");
	tap_ok(mail_command_check("no-such-mta-here -t", &err) == UR_INPUT,
	       "a program that is not there: input error");
	tap_ok(strstr(err.msg, "no-such-mta-here") != NULL, "… naming it");
	tap_ok(mail_command_check("'unclosed -t", &err) == UR_INPUT, "unbalanced quote");
	tap_ok(mail_command_check("cat", &err) == UR_OK, "cat is a program");
	tap_ok(mail_send("sh -c 'cat >/dev/null; echo relay refused >&2; exit 75'", "x", 1,
			 &err) == UR_FAIL,
	       "exit status 75: failed");
	tap_ok(strstr(err.msg, "relay refused") && strstr(err.msg, "75"),
	       "… with the command's message and status: %s", err.msg);
	tap_ok(mail_send("sh -c 'cat >/dev/null'", "x", 1, &err) == UR_OK, "exit 0: handed over");
}

TAP_SUITE(mail)
{
	addresses();
	compose();
	covering_text();
	colleague();
	command();
}
