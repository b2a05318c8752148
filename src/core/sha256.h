/* sha256: the SHA-256 digest (FIPS 180-4), incrementally over any number
 * of chunks, for recognising a bank file that was imported before. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_SHA256_H
#define UR_SRC_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* Size of a buffer for sha256_hex: 64 hex digits and a NUL. */
#define SHA256_HEX_SIZE 65

struct sha256 {
	uint32_t h[8];
	uint64_t len;         /* bytes fed so far */
	unsigned char blk[64]; /* partial block */
	size_t fill;          /* bytes in blk */
};

/** Start a digest. */
void sha256_init(struct sha256 *s);

/** Feed the n bytes at p. */
void sha256_update(struct sha256 *s, const void *p, size_t n);

/** Finish the digest and write it as 64 lower-case hex digits into hex. */
void sha256_hex(struct sha256 *s, char hex[SHA256_HEX_SIZE]);

#endif
