#!/bin/sh
# check-build.sh: the build travels (issue 15). configure works with a
# compiler that has no AddressSanitizer unless the sanitizers are asked
# for, carries htop's warning set, and --enable-werror makes warnings fatal.
. "${top_srcdir:-.}/tests/lib.sh"
command -v cc >/dev/null || t_skip_all "no C compiler"
# configure refuses a second build directory beside a configured source
# tree: a tree of links to the sources, without config.status, stands in.
mkdir "$T/src"
for f in "$(cd "$top_srcdir" && pwd)"/* "$(cd "$top_srcdir" && pwd)"/.ci; do
	ln -s "$f" "$T/src/"
done
rm -f "$T/src/config.status"

# A compiler like one on a machine without libasan: -fsanitize fails to link.
cat >"$T/cc-noasan" <<'CC'
#!/bin/sh
case " $* " in *-fsanitize=*) echo "cannot find -lasan" >&2; exit 1 ;; esac
exec cc "$@"
CC
chmod +x "$T/cc-noasan"
conf() { # conf DIR OPTION...: configure in DIR with that compiler
	mkdir -p "$T/$1" && dir=$T/$1 && shift &&
		(cd "$dir" && "$T/src/configure" --cache-file="$T/cache" CC="$T/cc-noasan" "$@")
}

t_ok "configure succeeds without AddressSanitizer by default" conf plain
flags=$(sed -n 's/^WARN_CFLAGS = //p' "$T/plain/Makefile" 2>/dev/null)
for w in -Wcast-qual -Wmissing-prototypes -Wshadow -Wstrict-prototypes -Wundef \
	-Wnull-dereference -Wimplicit-fallthrough -Wsuggest-attribute=format; do
	case " $flags " in *" $w "*) r=0 ;; *) r=1 ;; esac
	t_report $r "the warning set has $w"
done
case " $flags " in *" -Werror "*) r=1 ;; *) r=0 ;; esac
t_report $r "warnings are not errors by default"
t_exit "--enable-sanitizers without AddressSanitizer stops configure" 1 \
	conf san --enable-sanitizers
t_grep "… naming what to install" 'libasan' "$T/.err"
t_ok "--enable-werror configures" conf werror --enable-werror
flags=$(sed -n 's/^WARN_CFLAGS = //p' "$T/werror/Makefile" 2>/dev/null)
case " $flags " in *" -Werror "*) r=0 ;; *) r=1 ;; esac
t_report $r "--enable-werror makes warnings errors"
t_done
