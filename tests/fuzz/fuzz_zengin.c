/* fuzz_zengin: libFuzzer harness for the Zengin deposit parser (built and
 * run by tests/fuzz/run-fuzz.sh). The first byte picks the options. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "fuzz_deposit.h"
#include "zengin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum zengin_kind kinds[] = { ZENGIN_ANY, ZENGIN_TRANSFER, ZENGIN_STATEMENT,
						  ZENGIN_ANY };
	struct zengin_opts o = { false, ZENGIN_ANY, date_from_ymd(2026, 3, 31) };
	struct zengin_summary sum;
	struct ur_err err;
	struct fuzz_sink sink = { 0, false };

	if (size == 0)
		return 0;
	o.format_b = data[0] & 1;
	o.expect = kinds[(data[0] >> 1) & 3];
	zengin_sniff((const char *)data + 1, size - 1);
	if (zengin_parse_mem((const char *)data + 1, size - 1, &o, fuzz_deposit, &sink, &sum,
			     &err) != UR_OK && err.msg[0] == '\0')
		__builtin_trap();
	return 0;
}
