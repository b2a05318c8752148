#!/bin/sh
# Independent matching-quality check: all three worlds over the given seeds.
#   tests/indep/run.sh [SEEDS] [score.py options...]     (SEEDS default 1-5)
#   e.g. tests/indep/run.sh 1-3 --tap --verbose
# The program is ${URIKAKE:-./urikake}, relative to the directory you run from.
here=$(cd "$(dirname "$0")" && pwd)
seeds=${1:-1-5}
[ $# -gt 0 ] && shift
bin=${URIKAKE:-./urikake}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
exec python3 "$here/score.py" --world office --world heavy --world wholesale \
    --seeds "$seeds" --bin "$bin" "$@"
