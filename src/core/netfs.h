/* netfs: whether a file lies on a network file system (NFS, SMB/CIFS,
 * AFS, 9p, Ceph …), where SQLite's file locking cannot be trusted
 * and its write-ahead log does not work at all. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_NETFS_H
#define UR_SRC_NETFS_H

/** The network file system path is on, by name ("nfs", "cifs", …), or
 *  NULL for a local one or when it cannot be told. A path that does not
 *  exist yet is judged by its directory. $URIKAKE_TEST_FS_MAGIC (a
 *  statfs f_type in hexadecimal) stands in for the real type, for tests. */
const char *netfs_name(const char *path);
/** The network file system of statfs type magic, or NULL. */
const char *netfs_name_of(unsigned long magic);

#endif
