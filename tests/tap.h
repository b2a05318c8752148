/* tap: a tiny TAP producer for the unit tests. Each test file defines its
 * suites with TAP_SUITE(name) { ... }; tests/unit.c runs every registered
 * suite (or those named on its command line) and prints the plan last. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_TESTS_TAP_H
#define UR_TESTS_TAP_H

#include <stdint.h>

typedef void (*tap_suite_fn)(void);

void tap_register(const char *name, tap_suite_fn fn);
/** Run the suites whose names are listed (all when argc < 2); return the
 *  process exit status (0 when every test passed). */
int tap_main(int argc, char **argv);

int tap_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int tap_is_int(long long got, long long want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int tap_is_str(const char *got, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/** Stop the run: "Bail out! …", exit 1 (a test's own set-up cannot go on). */
void tap_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void tap_skip(const char *why);
/** Directory of the source tree (for fixtures): $top_srcdir or ".". */
const char *tap_srcdir(void);
/** A fresh temporary directory for this process (removed by the caller). */
const char *tap_tmpdir(void);

#define TAP_SUITE(name)                                                        \
	static void tap_suite_##name(void);                                    \
	__attribute__((constructor)) static void tap_register_##name(void)    \
	{                                                                      \
		tap_register(#name, tap_suite_##name);                         \
	}                                                                      \
	static void tap_suite_##name(void)

#endif
