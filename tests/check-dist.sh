#!/bin/sh
# check-dist.sh: the tarball make dist writes holds every file the
# repository tracks (it lacked ui/README; make distcheck builds and tests
# from the tarball alone). Skipped outside a git checkout.
. "${top_srcdir:-.}/tests/lib.sh"
command -v git >/dev/null || t_skip_all "git not installed"
git -C "$top_srcdir" rev-parse --git-dir >/dev/null 2>&1 || t_skip_all "not a git checkout"

# relative: po/ puts its files in ../$(distdir)
rel=$(realpath --relative-to="$top_builddir" "$T/dist")
t_ok "make distdir" make -s -C "$top_builddir" distdir distdir="$rel"
missing=$(git -C "$top_srcdir" ls-files | grep -v -x -e .gitignore | while read -r f; do
	[ -e "$T/dist/$f" ] || echo "$f"
done)
t_is "the distribution holds every tracked file" "$missing" ""
t_done
