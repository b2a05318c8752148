/* test_sha256: SHA-256 against the FIPS 180-4 / NIST example digests, fed
 * whole and in awkward chunks. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "tap.h"

/* The digest of the n bytes at p fed in chunks of step bytes. */
static void
digest(const char *p, size_t n, size_t step, char hex[SHA256_HEX_SIZE])
{
	struct sha256 h;

	sha256_init(&h);
	for (size_t i = 0; i < n; i += step)
		sha256_update(&h, p + i, n - i < step ? n - i : step);
	sha256_hex(&h, hex);
}

TAP_SUITE(sha256)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	};
	static const size_t steps[] = { 1, 3, 63, 64, 65, 1000 };
	char hex[SHA256_HEX_SIZE], *million;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
			digest(cases[i].in, strlen(cases[i].in), steps[s], hex);
			tap_is_str(hex, cases[i].want, "case %zu in chunks of %zu", i, steps[s]);
		}
	}
	million = malloc(1000000);
	memset(million, 'a', 1000000);
	digest(million, 1000000, 4096, hex);
	tap_is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
		   "one million 'a'");
	digest(million, 55, 55, hex);
	tap_is_str(hex, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
		   "55 bytes: padding fits the block");
	digest(million, 56, 56, hex);
	tap_is_str(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
		   "56 bytes: padding needs a second block");
	free(million);
}
