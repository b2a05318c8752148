/* fuzz_zengin: libFuzzer harness for the Zengin deposit parser (built and
 * run by tests/fuzz/run-fuzz.sh). The first byte picks the options. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "zengin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touch every string, so that the sanitizers see a bad pointer. */
static enum ur_status
fuzz_deposit(const struct bank_deposit *d, void *ctx, struct ur_err *err)
{
	const char *s[] = { d->account_bank, d->account_branch, d->account_number, d->currency,
			    d->payer_name, d->payer_code, d->remit_bank, d->remit_branch,
			    d->edi, d->reference };
	size_t *total = ctx;

	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		*total += s[i] ? strlen(s[i]) : 0;
	if (d->amount <= 0 || d->record_no == 0)
		__builtin_trap();
	return UR_OK;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum zengin_kind kinds[] = { ZENGIN_ANY, ZENGIN_TRANSFER, ZENGIN_STATEMENT,
						  ZENGIN_ANY };
	struct zengin_opts o = { false, ZENGIN_ANY, date_from_ymd(2026, 3, 31) };
	struct zengin_summary sum;
	struct ur_err err;
	size_t total = 0;

	if (size == 0)
		return 0;
	o.format_b = data[0] & 1;
	o.expect = kinds[(data[0] >> 1) & 3];
	zengin_sniff((const char *)data + 1, size - 1);
	if (zengin_parse_mem((const char *)data + 1, size - 1, &o, fuzz_deposit, &total, &sum,
			     &err) != UR_OK && err.msg[0] == '\0')
		__builtin_trap();
	return 0;
}
