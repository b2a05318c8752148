/* netfs: network file systems by their statfs type (see netfs.h). The
 * numbers are Linux's (linux/magic.h and the file systems' sources). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>

#include "netfs.h"

static const struct {
	unsigned long magic;
	const char *name;
} network[] = {
	{ 0x6969UL, "nfs" },       { 0x517bUL, "smb" },       { 0xff534d42UL, "cifs" },
	{ 0xfe534d42UL, "smb2" },  { 0x564cUL, "ncp" },       { 0x5346414fUL, "afs" },
	{ 0x6b414653UL, "afs" },   { 0x73757245UL, "coda" },  { 0x01021997UL, "9p" },
	{ 0x00c36400UL, "ceph" },  { 0x47504653UL, "gpfs" },  { 0x0bd00bd0UL, "lustre" },
	{ 0x19830326UL, "fhgfs" },
};

const char *
netfs_name_of(unsigned long magic)
{
	for (size_t i = 0; i < sizeof network / sizeof network[0]; i++)
		if (network[i].magic == magic)
			return network[i].name;
	return NULL;
}

/* statfs of path, or of its directory when path does not exist yet. */
static int
fs_type(const char *path, unsigned long *magic)
{
	struct statfs fs;
	char *dir, *slash;
	int rc;

	if (statfs(path, &fs) == 0) {
		*magic = (unsigned long)fs.f_type;
		return 0;
	}
	dir = strdup(path);
	if (!dir)
		return -1;
	slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	rc = statfs(slash ? dir : ".", &fs);
	free(dir);
	if (rc == 0)
		*magic = (unsigned long)fs.f_type;
	return rc;
}

const char *
netfs_name(const char *path)
{
	const char *fake = getenv("URIKAKE_TEST_FS_MAGIC");
	unsigned long magic = 0;

	if (fake && *fake)
		return netfs_name_of(strtoul(fake, NULL, 16));
	return fs_type(path, &magic) == 0 ? netfs_name_of(magic) : NULL;
}
