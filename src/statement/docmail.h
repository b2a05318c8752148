/* docmail: the e-mail that carries a document to a customer — its subject
 * and covering text in the document's language (ja, zh_CN, en), signed
 * with our details from the company settings (or, to a colleague, a
 * short note). Like the documents' own
 * wording (words.h) this is a business letter in the customer's language,
 * not a program message in the clerk's, so it is data here and not in the
 * gettext catalogue. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_DOCMAIL_H
#define UR_SRC_STATEMENT_DOCMAIL_H

#include <stdbool.h>
#include <stdint.h>

#include "company.h"
#include "statement.h"
#include "strbuf.h"

/* The document a mail carries. */
struct docmail {
	enum stmt_lang lang;
	const char *title;    /* the document's title in lang: "合計請求書" */
	const char *customer; /* the addressee's name */
	int32_t from, to;     /* the period it covers; from 0 or equal to to: as of to */
	bool colleague;       /* to one of us (a sales rep's digest), not to a customer */
};

/** Subject and text of the mail carrying m (both replaced). */
void docmail_text(const struct docmail *m, const struct company *c, struct strbuf *subject,
		  struct strbuf *body);

#endif
