/* bank_fixture: writes the Zengin files tests/cli/bank.sh imports — each
 * variant and each malformed case — to standard output, by name. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "zengin_fixture.h"

#define MAXREC 16

/* 振込入金通知 deposits shared by the scenarios (和暦 令和8 = 2026). */
static const struct zfix_tx tx_yamada = { "000101", "080325", "080325", 110000, 0, 0,
					  K_YAMADA, K_MUFG, K_SHINJUKU, NULL, "INV-2603-000001",
					  ZFIX_BLANK };
static const struct zfix_tx tx_taro = { "000102", "080326", "080327", 80000, 0, 1234567890,
					K_TARO, K_MIZUHO, K_HONTEN, "0", NULL, ZFIX_BLANK };
static const struct zfix_tx tx_suzuki = { "000103", "080327", "080327", 5500, 0, ZFIX_BLANK,
					  K_SUZUKI, NULL, NULL, NULL, NULL, ZFIX_BLANK };

/* 入出金取引明細 records. */
static const struct zfix_st st_in1 = { "00000201", "080323", "080323", 1, 11, 200000, 0,
				       K_YAMADA, K_MUFG, K_SHINJUKU, K_FURIKOMI, "EDI-0201" };
static const struct zfix_st st_out = { "00000299", "080323", "080323", 2, 14, 50000, 0,
				       NULL, NULL, NULL, K_FURIKOMI, NULL };
static const struct zfix_st st_in2 = { "00000202", "080324", "080324", 1, 11, 30000, 0,
				       K_SUZUKI, NULL, NULL, K_FURIKOMI, NULL };
static const struct zfix_st st_in3 = { "00000203", "080325", "080325", 1, 10, 45000, 0,
				       K_TARO, NULL, NULL, NULL, NULL };

struct file {
	struct zfix_rec r[MAXREC];
	int n;
};

static struct zfix_rec *
add(struct file *f)
{
	return &f->r[f->n++];
}

/* A transfer group of the n deposits tx (cancels counted apart) into
 * account acct. */
static void
transfer_group(struct file *f, const char *acct, const struct zfix_tx *const *tx, int n,
	       bool format_b)
{
	long long cnt = 0, sum = 0, ccnt = 0, csum = 0;

	zfix_header(add(f), "01", "080331", acct);
	for (int i = 0; i < n; i++) {
		zfix_transfer(add(f), tx[i], format_b);
		if (tx[i]->cancel && !strcmp(tx[i]->cancel, "1")) {
			ccnt++;
			csum += tx[i]->amount > 0 ? tx[i]->amount : tx[i]->amount2;
		} else {
			cnt++;
			sum += tx[i]->amount > 0 ? tx[i]->amount : tx[i]->amount2;
		}
	}
	zfix_transfer_trailer(add(f), cnt, sum, ccnt, csum);
}

/* A statement group of the n records (debits included). */
static void
statement_group(struct file *f, const struct zfix_st *const *s, int n)
{
	long long in = 0, in_sum = 0, out = 0, out_sum = 0;

	zfix_header(add(f), "03", "080331", "0001234567");
	for (int i = 0; i < n; i++) {
		zfix_statement(add(f), s[i]);
		if (s[i]->dir == 1) {
			in++;
			in_sum += s[i]->amount;
		} else {
			out++;
			out_sum += s[i]->amount;
		}
	}
	zfix_statement_trailer(add(f), in, in_sum, out, out_sum, n);
}

static void
transfers(struct file *f, const char *name)
{
	static const struct zfix_tx *const three[] = { &tx_yamada, &tx_taro, &tx_suzuki };
	static struct zfix_tx big, cancel, stranger;
	const struct zfix_tx *list[3];

	big = tx_suzuki;
	big.ref = "000104";
	big.amount = 0;
	big.amount2 = 12345678901LL;
	cancel = tx_yamada;
	cancel.ref = "000101";
	cancel.cancel = "1";
	stranger = cancel;
	stranger.ref = "999999";
	if (!strcmp(name, "transfer-b")) {
		list[0] = &tx_yamada;
		list[1] = &tx_taro;
		list[2] = &big;
		transfer_group(f, "1234567", list, 3, true);
	} else if (!strcmp(name, "cancel") || !strcmp(name, "cancel-unknown")) {
		list[0] = !strcmp(name, "cancel") ? &cancel : &stranger;
		transfer_group(f, "1234567", list, 1, false);
	} else {
		transfer_group(f, "1234567", three, 3, false);
	}
}

static void
statements(struct file *f, const char *name)
{
	static const struct zfix_st *const one[] = { &st_in1, &st_out, &st_in2 };
	static const struct zfix_st *const two[] = { &st_in2, &st_in3 };
	static struct zfix_st fix;
	const struct zfix_st *list[1] = { &fix };

	fix = st_in3;
	fix.type = 19;
	if (!strcmp(name, "statement-fix-ref")) {
		fix.ref = "00000299"; /* its own reference, booked a day later */
		fix.book = "080326";
	}
	if (!strcmp(name, "statement2"))
		statement_group(f, two, 2);
	else if (!strncmp(name, "statement-fix", 13))
		statement_group(f, list, 1);
	else
		statement_group(f, one, 3);
}

/* Several groups, one of them empty. */
static void
multi(struct file *f)
{
	static const struct zfix_tx *const first[] = { &tx_yamada };
	static const struct zfix_tx *const second[] = { &tx_taro, &tx_suzuki };

	transfer_group(f, "1234567", first, 1, false);
	transfer_group(f, "1234567", NULL, 0, false);
	transfer_group(f, "1234567", second, 2, false);
}

/* Groups into two accounts (and, for accounts-stranger, a third). */
static void
accounts(struct file *f, const char *name)
{
	static const struct zfix_tx *const first[] = { &tx_yamada };
	static const struct zfix_tx *const second[] = { &tx_taro, &tx_suzuki };

	transfer_group(f, "1234567", first, 1, false);
	transfer_group(f, "7654321", second, 2, false);
	if (!strcmp(name, "accounts-stranger"))
		transfer_group(f, "5555555", first, 1, false);
}

/* Break the joined file sb as the malformed scenario name says. */
static void
spoil(struct strbuf *sb, const char *name)
{
	size_t at = 2 * (ZENGIN_RECORD_LEN + 2) + 100;

	if (!strcmp(name, "ebcdic")) {
		sb->buf[3] = '1';
	} else if (!strcmp(name, "short")) {
		memmove(sb->buf + at, sb->buf + at + 1, sb->len - at - 1);
		sb->len--;
	} else if (!strcmp(name, "long")) {
		sb_addc(sb, ' ');
		memmove(sb->buf + at + 1, sb->buf + at, sb->len - at - 1);
		sb->buf[at] = ' ';
	} else if (!strcmp(name, "trailer")) {
		sb->buf[4 * (ZENGIN_RECORD_LEN + 2) + 18] = '9';
	}
}

int
main(int argc, char **argv)
{
	static struct file f;
	const char *name = argc > 1 ? argv[1] : "";
	bool stmt = !strncmp(name, "statement", 9);
	struct strbuf sb;

	if (argc != 2) {
		fputs("usage: bank_fixture SCENARIO\n", stderr);
		return 2;
	}
	if (!strcmp(name, "multi"))
		multi(&f);
	else if (!strncmp(name, "accounts", 8))
		accounts(&f, name);
	else if (stmt)
		statements(&f, name);
	else
		transfers(&f, name);
	zfix_end(add(&f));
	if (!strcmp(name, "order")) {
		struct zfix_rec tmp = f.r[0];

		f.r[0] = f.r[1];
		f.r[1] = tmp;
	}
	sb_init(&sb);
	if (!strcmp(name, "multi"))
		zfix_join(&sb, f.r, f.n, "\n", false);
	else if (!strcmp(name, "statement2"))
		zfix_join(&sb, f.r, f.n, "", false);
	else
		zfix_join(&sb, f.r, f.n, "\r\n", true);
	spoil(&sb, name);
	fwrite(sb.buf, 1, sb.len, stdout);
	sb_free(&sb);
	return fflush(stdout) != 0;
}
