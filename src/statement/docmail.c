/* docmail: a document's covering e-mail in its language (see docmail.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "docmail.h"
#include "words.h"

/* One language's wording; %1 the title, %2 the period, %3 our name,
 * %4 the customer. */
struct mail_words {
	const char *subject, *subject_anon; /* with and without our name */
	const char *period, *as_of;         /* %1 from, %2 to; %1 the day */
	const char *greeting, *intro, *body; /* intro (naming us) when our name is set */
};

/* To a colleague: %4 is the colleague's name; no signature block. */
static const struct mail_words colleague_words[STMT_LANGS] = {
	[STMT_JA] = {
		.subject = "%1（%2）",
		.subject_anon = "%1（%2）",
		.greeting = "%4さん\n\nお疲れさまです。\n",
		.intro = "",
		.body = "\n%1（%2）を添付のPDFファイルでお送りします。\n"
			"対応が済んだものは、連絡記録に入れてください。\n",
	},
	[STMT_ZH] = {
		.subject = "%1（%2）",
		.subject_anon = "%1（%2）",
		.greeting = "%4：\n\n你好！\n",
		.intro = "",
		.body = "\n附件PDF文件是%1（%2），请查收。\n"
			"处理完毕后，请记入联系记录。\n",
	},
	[STMT_EN] = {
		.subject = "%1 (%2)",
		.subject_anon = "%1 (%2)",
		.greeting = "Hello %4,\n",
		.intro = "",
		.body = "\nAttached as a PDF file: %1 (%2).\n"
			"Please record each call in the contact log once it is done.\n",
	},
};

static const struct mail_words words[STMT_LANGS] = {
	[STMT_JA] = {
		.subject = "%1のご送付（%3）",
		.subject_anon = "%1のご送付",
		.period = "%1～%2",
		.as_of = "%1現在",
		.greeting = "%4 御中\n\nいつもお世話になっております。\n",
		.intro = "%3でございます。\n",
		.body = "\n%1（%2）をお送りいたします。\n"
			"添付のPDFファイルをご確認くださいますよう、お願い申し上げます。\n"
			"ご不明な点がございましたら、本メールにご返信ください。\n\n"
			"今後ともよろしくお願い申し上げます。\n",
	},
	[STMT_ZH] = {
		.subject = "【%1】%3",
		.subject_anon = "【%1】",
		.period = "%1至%2",
		.as_of = "截至%1",
		.greeting = "%4：\n\n您好！\n",
		.intro = "我们是%3。\n",
		.body = "\n现发送%1（%2），请查收附件中的PDF文件。\n"
			"如有疑问，请直接回复本邮件。\n\n"
			"此致\n敬礼\n",
	},
	[STMT_EN] = {
		.subject = "%1 from %3",
		.subject_anon = "%1",
		.period = "%1 to %2",
		.as_of = "as of %1",
		.greeting = "Dear %4,\n",
		.intro = "",
		.body = "\nPlease find attached our %1 (%2) as a PDF file.\n"
			"If you have any questions, simply reply to this e-mail.\n\n"
			"Kind regards,\n",
	},
};

/* fmt with %1…%4 replaced by args[0…3]. */
static void
fill(struct strbuf *out, const char *fmt, const char *const args[4])
{
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '4') {
			sb_adds(out, args[p[1] - '1']);
			p++;
		} else {
			sb_addc(out, *p);
		}
	}
}

static void
period_text(const struct docmail *m, const struct mail_words *w, struct strbuf *out)
{
	char from[STMT_DATE_SIZE], to[STMT_DATE_SIZE];
	const char *args[4] = { from, to, "", "" };

	stmt_date_long(m->from, m->lang, from);
	stmt_date_long(m->to, m->lang, to);
	if (!m->from || m->from == m->to) {
		args[0] = to;
		fill(out, w->as_of, args);
	} else {
		fill(out, w->period, args);
	}
}

/* Our name, address, phone and e-mail under the text, each when set. */
static void
signature(const struct company *c, const char *lang, struct strbuf *body)
{
	static const char *const keys[] = { "name", "address", "phone", "email" };
	const char *v;

	sb_adds(body, "\n-- \n");
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (*(v = company_get(c, keys[i], lang)))
			sb_addf(body, "%s\n", v);
}

void
docmail_text(const struct docmail *m, const struct company *c, struct strbuf *subject,
	     struct strbuf *body)
{
	enum stmt_lang l = m->lang < STMT_LANGS ? m->lang : STMT_EN;
	const struct mail_words *w = m->colleague ? &colleague_words[l] : &words[l];
	const char *lang = stmt_lang_code(m->lang);
	const char *sender = company_get(c, "name", lang);
	struct strbuf period;
	const char *args[4];

	sb_init(&period);
	period_text(m, &words[l], &period); /* the dates are said alike to anyone */
	args[0] = m->title;
	args[1] = period.buf;
	args[2] = sender;
	args[3] = m->customer;
	sb_reset(subject);
	fill(subject, *sender ? w->subject : w->subject_anon, args);
	sb_reset(body);
	fill(body, w->greeting, args);
	if (*sender)
		fill(body, w->intro, args);
	fill(body, w->body, args);
	if (!m->colleague && (*sender || *company_get(c, "address", lang)))
		signature(c, lang, body);
	sb_free(&period);
}
