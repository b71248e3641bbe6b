#!/usr/bin/env bash
# Proof that the security e2e suites can fail: checks out the commit that preceded the security
# hardening into a temporary git worktree, copies this checkout's test/e2e/security-*.e2e.spec.ts
# (and test helpers that did not exist yet) into it, runs them there with ./scripts/test, and prints
# per spec whether it FAILED there (expected: the finding it replays was open), PASSED (the spec would
# not have caught the finding) or could NOT RUN (e.g. it imports code the old commit does not have).
#
# Usage: scripts/security-regression-proof.sh [BASE_COMMIT]   (takes several minutes; prints a summary)
# Needs what ./scripts/test needs (PostgreSQL, Redis, npm registry access for `npm ci` in the old tree).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The last commit before the hardening work: "PPPK in a JF gets an informational AK ledger"; the next
# commit on main introduced the password throttle.
BASE="${1:-14386ac}"
BASE="$(git -C "$ROOT" rev-parse --verify "$BASE^{commit}")"
TMP="$(mktemp -d)"
OLD="$TMP/old"
cleanup() {
  git -C "$ROOT" worktree remove --force "$OLD" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

say() { printf '==> %s\n' "$*" >&2; }

say "Old tree: $(git -C "$ROOT" log -1 --format='%h %s' "$BASE" | cut -c1-100)"
git -C "$ROOT" worktree add --detach "$OLD" "$BASE" >/dev/null 2>&1

specs=()
for f in "$ROOT"/test/e2e/security-*.e2e.spec.ts; do
  cp "$f" "$OLD/test/e2e/"
  specs+=("test/e2e/$(basename "$f")")
done
# Helpers the specs use that the old tree lacks; existing helpers keep their old version.
for f in "$ROOT"/test/support/*.ts; do
  if [ ! -e "$OLD/test/support/$(basename "$f")" ]; then
    cp "$f" "$OLD/test/support/"
    say "helper added to the old tree: test/support/$(basename "$f")"
  fi
done

say "Installing the old tree's dependencies (npm ci)"
(cd "$OLD" && npm ci --no-audit --no-fund --loglevel=error >&2)
# Packages only the added helpers need (e.g. ajv for the OpenAPI validator) resolve from this checkout.
export NODE_PATH="$ROOT/node_modules"

say "Running ${#specs[@]} security specs against the old tree (output: $TMP/run.log while it runs)"
(cd "$OLD" && ./scripts/test "${specs[@]}") >"$TMP/run.log" 2>&1 || true

# Jest prints `PASS|FAIL <project> <file>` per file, followed by `● <describe> › <test>` per failure.
node - "$TMP/run.log" "${specs[@]}" <<'NODE'
const fs = require('fs');
const [log, ...specs] = process.argv.slice(2);
const text = fs.readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const files = new Map(specs.map((s) => [s, { status: 'NOT RUN', failures: [], loadError: null }]));
let current = null;
const lines = text.split('\n');
for (let i = 0; i < lines.length; i++) {
  const line = lines[i];
  const head = line.match(/^(PASS|FAIL)\s+(?:\S+\s+)?(test\/e2e\/security-\S+\.e2e\.spec\.ts)/);
  if (head) {
    current = files.get(head[2]) ?? null;
    if (current) current.status = head[1];
    continue;
  }
  const bullet = line.match(/^\s+● (.+)$/);
  if (!current || !bullet) continue;
  if (bullet[1].startsWith('Test suite failed to run')) {
    current.loadError = lines.slice(i + 1).find((l) => l.trim())?.trim().slice(0, 160) ?? 'unknown';
  } else if (!current.failures.includes(bullet[1])) current.failures.push(bullet[1]);
}
let caught = 0;
for (const [spec, r] of files) {
  const verdict = r.loadError ? 'COULD NOT RUN' : r.status === 'FAIL' ? 'FAILED (finding caught)' : r.status;
  if (!r.loadError && r.status === 'FAIL') caught++;
  console.log(`${spec}: ${verdict}`);
  if (r.loadError) console.log(`    ${r.loadError}`);
  for (const f of r.failures) console.log(`    ✕ ${f.slice(0, 150)}`);
}
const total = text.match(/^Tests:\s+\d+ passed, \d+ failed$/m);
console.log(`${caught} of ${files.size} specs fail on the old commit${total ? ` (${total[0]})` : ''}`);
NODE
