/* test_terms: payment-terms syntax, canonical text and due dates. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "date.h"
#include "tap.h"
#include "terms.h"

struct canon_case {
	const char *text, *canonical;
};

static const struct canon_case canon_cases[] = {
	{ "", "" },
	{ "   ", "" },
	{ "NET30", "NET30" },
	{ "net30", "NET30" },
	{ " NET0 ", "NET0" },
	{ "NET999", "NET999" },
	{ "NET45:prev", "NET45:prev" },
	{ "EOM/+1/EOM", "EOM/+1/EOM" },
	{ "eom/+1/eom", "EOM/+1/EOM" },
	{ "31/+1/31", "EOM/+1/EOM" },
	{ "20/+1/10", "20/+1/10" },
	{ "20/1/10", "20/+1/10" },
	{ "15/+0/EOM:NEXT", "15/+0/EOM:next" },
	{ "25/+2/10:Prev", "25/+2/10:prev" },
	{ "10/+0/25", "10/+0/25" },
	{ "EOM/+0/EOM", "EOM/+0/EOM" },
	{ "5/+12/5", "5/+12/5" },
};

struct bad_case {
	const char *text, *msg;
};

#define SYNTAX "\" is not a payment term (expected NET30 or CLOSE/+MONTHS/PAYDAY such as EOM/+1/EOM or 20/+1/10)"

static const struct bad_case bad_cases[] = {
	{ "NET", "\"NET" SYNTAX },
	{ "NET-5", "\"NET-5" SYNTAX },
	{ "NET1000", "\"NET1000" SYNTAX },
	{ "NET 30", "\"NET 30" SYNTAX },
	{ "30", "\"30" SYNTAX },
	{ "abc", "\"abc" SYNTAX },
	{ "0/+1/10", "\"0/+1/10" SYNTAX },
	{ "32/+1/10", "\"32/+1/10" SYNTAX },
	{ "20/+1/0", "\"20/+1/0" SYNTAX },
	{ "20/+1", "\"20/+1" SYNTAX },
	{ "20/+1/10/", "\"20/+1/10/" SYNTAX },
	{ "20/-1/10", "\"20/-1/10" SYNTAX },
	{ ":next", "\":next" SYNTAX },
	{ "EOM/+1/EOM/+1/EOM/+1/EOM/+1/EOM/+1", "\"EOM/+1/EOM/+1/EOM/+1/EOM/+1/EOM/+1" SYNTAX },
	{ "20/+13/10", "\"20/+13/10\": payment at most 12 months after closing" },
	{ "20/+0/10", "\"20/+0/10\": the payment day comes before the closing day" },
	{ "EOM/+0/25", "\"EOM/+0/25\": the payment day comes before the closing day" },
	{ "20/+1/10:later", "\"20/+1/10:later\": the holiday rule must be :prev or :next" },
	{ "NET30:next:prev", "\"NET30:next:prev\": the holiday rule must be :prev or :next" },
};

struct due_case {
	const char *issue, *terms;
	enum cal_region region;
	const char *due;
};

/* Hand-computed: closing date, then payday in closing month + MONTHS,
 * then the holiday rule (see the comments for the calendar facts used). */
static const struct due_case due_cases[] = {
	{ "2026-01-21", "20/+1/10", CAL_JP, "2026-03-10" },  /* close 2/20 */
	{ "2026-01-20", "20/+1/10", CAL_JP, "2026-02-10" },  /* close 1/20 */
	{ "2026-01-31", "EOM/+1/EOM", CAL_JP, "2026-02-28" },
	{ "2026-02-01", "EOM/+1/EOM", CAL_JP, "2026-03-31" },
	{ "2024-01-15", "EOM/+1/EOM", CAL_JP, "2024-02-29" }, /* leap year */
	{ "2026-03-31", "31/+1/31", CAL_JP, "2026-04-30" },  /* 30-day month */
	{ "2026-02-10", "15/+0/EOM", CAL_JP, "2026-02-28" },
	{ "2026-02-16", "15/+0/EOM", CAL_JP, "2026-03-31" },
	{ "2026-02-27", "30/+1/30", CAL_JP, "2026-03-30" },  /* Feb closes 28th */
	{ "2026-01-31", "30/+1/30", CAL_JP, "2026-03-30" },  /* Jan 31 > 30 */
	{ "2025-12-31", "30/+1/30", CAL_JP, "2026-02-28" },  /* close 1/30 */
	{ "2026-03-26", "25/+2/10", CAL_JP, "2026-06-10" },
	{ "2026-11-30", "25/+2/10", CAL_JP, "2027-02-10" },
	{ "2026-12-15", "EOM/+1/EOM", CAL_JP, "2027-01-31" },
	{ "2026-03-05", "10/+0/25", CAL_JP, "2026-03-25" },
	{ "2026-03-10", "10/+0/25", CAL_JP, "2026-03-25" },
	{ "2026-03-11", "10/+0/25", CAL_JP, "2026-04-25" },
	{ "2026-01-15", "5/+12/5", CAL_JP, "2027-02-05" },
	{ "2026-01-31", "NET30", CAL_JP, "2026-03-02" },
	{ "2024-01-31", "NET30", CAL_JP, "2024-03-01" },
	{ "2026-03-31", "NET0", CAL_JP, "2026-03-31" },
	{ "2026-03-31", "", CAL_JP, "2026-03-31" },
	/* 2026-05-31 is a Sunday */
	{ "2026-04-10", "EOM/+1/EOM", CAL_JP, "2026-05-31" },
	{ "2026-04-10", "EOM/+1/EOM:prev", CAL_JP, "2026-05-29" },
	{ "2026-04-10", "EOM/+1/EOM:next", CAL_JP, "2026-06-01" },
	/* 2026-01-10 Saturday, 1/12 成人の日 */
	{ "2025-11-25", "20/+1/10:next", CAL_JP, "2026-01-13" },
	{ "2025-11-25", "20/+1/10:prev", CAL_JP, "2026-01-09" },
	/* 2026-05-03..06 holidays (5/6 振替休日) */
	{ "2026-04-03", "NET30:next", CAL_JP, "2026-05-07" },
	{ "2026-04-03", "NET30:prev", CAL_JP, "2026-05-01" },
	{ "2026-04-03", "NET30", CAL_JP, "2026-05-03" },
	{ "2026-08-21", "20/+0/22", CAL_JP, "2026-09-22" },
	/* 12/31 and 1/2–1/3 bank holidays */
	{ "2026-11-05", "EOM/+1/EOM:next", CAL_JP, "2027-01-04" },
	{ "2026-11-05", "EOM/+1/EOM:prev", CAL_JP, "2026-12-30" },
	/* 2025-10-01..08 国庆/中秋 in China; an ordinary Thursday in Japan */
	{ "2025-09-02", "NET30:next", CAL_CN, "2025-10-09" },
	{ "2025-09-02", "NET30:prev", CAL_CN, "2025-09-30" },
	{ "2025-09-02", "NET30:next", CAL_JP, "2025-10-02" },
	{ "2025-09-15", "EOM/+0/EOM:next", CAL_CN, "2025-09-30" },
	/* 2025-01-26: a Sunday, but a working day (调休) in China */
	{ "2024-12-27", "NET30:next", CAL_CN, "2025-01-26" },
	{ "2024-12-27", "NET30:next", CAL_JP, "2025-01-27" },
	/* close 9/20; 9/22 国民の休日 between 敬老の日 9/21 and 秋分の日 9/23 */
	{ "2026-08-21", "20/+0/22:next", CAL_JP, "2026-09-24" },
	{ "2026-08-21", "20/+0/22:prev", CAL_JP, "2026-09-18" },
};

static void
test_canonical(void)
{
	struct terms t, back;
	struct ur_err err;
	char buf[TERMS_TEXT_SIZE];
	size_t i;

	for (i = 0; i < sizeof canon_cases / sizeof canon_cases[0]; i++) {
		const struct canon_case *c = &canon_cases[i];

		memset(&t, 0xff, sizeof t);
		tap_is_int(terms_parse(c->text, &t, &err), UR_OK, "parse \"%s\"",
			   c->text);
		terms_format(&t, buf, sizeof buf);
		tap_is_str(buf, c->canonical, "canonical form of \"%s\"", c->text);
		memset(&back, 0xff, sizeof back);
		tap_ok(terms_parse(buf, &back, NULL) == UR_OK &&
			       memcmp(&t, &back, sizeof t) == 0,
		       "\"%s\" round-trips", buf);
	}
	terms_parse("NET30", &t, NULL);
	tap_ok(t.kind == TERMS_NET && t.net_days == 30 &&
		       t.shift == TERMS_SHIFT_NONE, "NET30 fields");
	terms_parse("20/+1/10:prev", &t, NULL);
	tap_ok(t.kind == TERMS_CLOSE && t.close_day == 20 && t.months == 1 &&
		       t.pay_day == 10 && t.shift == TERMS_SHIFT_PREV,
	       "20/+1/10:prev fields");
	terms_parse("EOM/+1/EOM", &t, NULL);
	tap_ok(t.close_day == TERMS_EOM && t.pay_day == TERMS_EOM, "EOM fields");
	terms_format(&t, buf, 4);
	tap_is_str(buf, "EOM", "format truncates to the buffer");
}

static void
test_bad(void)
{
	struct terms t = { .kind = TERMS_NET, .net_days = 7 };
	struct ur_err err;
	size_t i;

	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];

		ur_err_clear(&err);
		tap_is_int(terms_parse(c->text, &t, &err), UR_INPUT,
			   "\"%s\" rejected", c->text);
		tap_is_str(err.msg, c->msg, "message for \"%s\"", c->text);
	}
	tap_ok(t.kind == TERMS_NET && t.net_days == 7,
	       "output untouched on errors");
}

static void
test_due(void)
{
	struct terms t;
	char buf[DATE_ISO_SIZE];
	int32_t issue;
	size_t i;

	for (i = 0; i < sizeof due_cases / sizeof due_cases[0]; i++) {
		const struct due_case *c = &due_cases[i];

		if (terms_parse(c->terms, &t, NULL) != UR_OK ||
		    date_parse(c->issue, &issue, NULL) != UR_OK) {
			tap_ok(0, "case %zu parses", i);
			continue;
		}
		date_format_iso(terms_due_date(&t, issue, c->region), buf);
		tap_is_str(buf, c->due, "%s issued %s (%s)", c->terms, c->issue,
			   c->region == CAL_JP ? "JP" : "CN");
	}
}

TAP_SUITE(terms)
{
	test_canonical();
	test_bad();
	test_due();
}
