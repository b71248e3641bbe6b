#!/bin/sh
# Old and new commit benchmarked back to back, with the same measuring harness:
#   bench/compare.sh OLD_CHECKOUT bench:api|bench:year-end [bench args…]
# e.g. (old commit in its own worktree, built):
#   git worktree add --detach ../skp-old c3a4468 && (cd ../skp-old && cp -al ../skp-engine/node_modules . && npm run build:api)
#   npm run build:api && bench/compare.sh ../skp-old bench:api --no-build --runs 1
# The harness of this checkout (bench/*.ts incl. the synthetic seed, bench/support/) is copied into OLD_CHECKOUT/bench first so
# both commits are measured by the same scenarios; each run seeds its own database with its own migrations and
# starts its own built dist/. Prints both JSON summaries' figures side by side with new/old.
set -eu
[ $# -ge 2 ] || { echo "usage: bench/compare.sh OLD_CHECKOUT bench:api|bench:year-end [bench args…]" >&2; exit 2; }
OLD=$(cd "$1" && pwd); BENCH=$2; shift 2
NEW=$(cd "$(dirname "$0")/.." && pwd)
[ "$OLD" != "$NEW" ] || { echo "OLD_CHECKOUT is this checkout" >&2; exit 2; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/skp-compare-XXXXXX")
mkdir -p "$OLD/bench/support"
cp "$NEW"/bench/*.ts "$OLD/bench/"
cp "$NEW"/bench/support/*.ts "$OLD/bench/support/"
echo "== old: $OLD ($(git -C "$OLD" rev-parse --short HEAD)), load average $(cut -d' ' -f1 /proc/loadavg)"
(cd "$OLD" && npm run -s "$BENCH" -- "$@" --json "$OUT/old.json")
echo "== new: $NEW ($(git -C "$NEW" rev-parse --short HEAD)), load average $(cut -d' ' -f1 /proc/loadavg)"
(cd "$NEW" && npm run -s "$BENCH" -- "$@" --json "$OUT/new.json")
node "$NEW/bench/compare-summaries.js" "$OUT/old.json" "$OUT/new.json"
echo "summaries: $OUT/old.json $OUT/new.json"
