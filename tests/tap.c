/* tap: TAP output, suite registry and runner. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

#define TAP_MAX_SUITES 128

static struct {
	const char *name;
	tap_suite_fn fn;
} suites[TAP_MAX_SUITES];
static int nsuites;
static int ntests, nfailed;
static const char *current_suite = "";
static char tmpdir[256];

void
tap_register(const char *name, tap_suite_fn fn)
{
	if (nsuites == TAP_MAX_SUITES)
		abort();
	suites[nsuites].name = name;
	suites[nsuites].fn = fn;
	nsuites++;
}

static int __attribute__((format(printf, 2, 0)))
report(int cond, const char *fmt, va_list ap)
{
	ntests++;
	if (!cond)
		nfailed++;
	printf("%s %d - %s: ", cond ? "ok" : "not ok", ntests, current_suite);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
	return cond;
}

int
tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(cond, fmt, ap);
	va_end(ap);
	return cond;
}

int
tap_is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(got == want, fmt, ap);
	va_end(ap);
	if (got != want)
		tap_diag("got %lld, want %lld", got, want);
	return got == want;
}

int
tap_is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	int same = (got == NULL && want == NULL) ||
		   (got && want && strcmp(got, want) == 0);

	va_start(ap, fmt);
	report(same, fmt, ap);
	va_end(ap);
	if (!same)
		tap_diag("got '%s', want '%s'", got ? got : "(null)", want ? want : "(null)");
	return same;
}

void
tap_diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void
tap_fatal(const char *fmt, ...)
{
	va_list ap;

	fputs("Bail out! ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	exit(1);
}

void
tap_skip(const char *why)
{
	ntests++;
	printf("ok %d - %s # SKIP %s\n", ntests, current_suite, why);
}

const char *
tap_srcdir(void)
{
	const char *d = getenv("top_srcdir");

	return d && *d ? d : ".";
}

const char *
tap_tmpdir(void)
{
	if (!tmpdir[0]) {
		const char *base = getenv("TMPDIR");

		snprintf(tmpdir, sizeof tmpdir, "%s/urikake-unit-XXXXXX",
			 base && *base ? base : "/tmp");
		if (!mkdtemp(tmpdir))
			abort();
	}
	return tmpdir;
}

static int
wanted(int argc, char **argv, const char *name)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

int
tap_main(int argc, char **argv)
{
	for (int i = 0; i < nsuites; i++) {
		if (!wanted(argc, argv, suites[i].name))
			continue;
		current_suite = suites[i].name;
		suites[i].fn();
	}
	printf("1..%d\n", ntests);
	if (tmpdir[0]) {
		char cmd[300];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			tap_diag("could not remove %s", tmpdir);
	}
	return nfailed ? 1 : 0;
}
