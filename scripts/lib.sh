#!/usr/bin/env bash
# Shared helpers for scripts/start and scripts/test. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mError:\033[0m %s\n' "$*" >&2; exit 1; }

ensure_node() {
  command -v node >/dev/null || die "Node.js 20.19+ is required (node not found)."
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js 20.19+ is required (found $(node --version))."
}

ensure_deps() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
  # The console (web/) has its own package.json and lockfile.
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    say "Installing the console's dependencies (npm ci in web/)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

build() {
  say "Building the API and the console (web/dist)"
  npx tsc -p tsconfig.build.json
  sh scripts/web-build.sh
}

# Debian's Chromium for the browser tier; installed with apt-get when missing (CI runs as root).
ensure_chromium() {
  CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || true)}"
  if [ -z "$CHROMIUM_PATH" ]; then
    say "Chromium is missing: installing Debian's chromium package (apt-get install -y chromium, about a minute)"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2 \
      || die "Could not install chromium; install it (apt-get install chromium) or set CHROMIUM_PATH."
    CHROMIUM_PATH="$(command -v chromium)"
  fi
  export CHROMIUM_PATH
}

# A free TCP port on 127.0.0.1.
free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close();})'
}

# url_part URL FIELD  -> host|port|user|db
url_part() {
  node -e 'const u=new URL(process.argv[1]); const f=process.argv[2];
    const v={host:u.hostname||"127.0.0.1",port:u.port||(u.protocol.startsWith("redis")?"6379":"5432"),user:decodeURIComponent(u.username||"postgres"),db:u.pathname.slice(1)}[f]; process.stdout.write(String(v));' "$1" "$2"
}

pg_up() { node scripts/db-admin.js ping "$1" >/dev/null 2>&1; }
redis_up() { node scripts/redis-admin.js ping "$1" >/dev/null 2>&1; }

# Makes sure PostgreSQL answers at the admin URL; starts the local cluster if it is installed but down.
ensure_postgres() {
  local url="$1"
  pg_up "$url" && return 0
  local host; host="$(url_part "$url" host)"
  if [[ "$host" == "127.0.0.1" || "$host" == "localhost" ]] && command -v pg_ctlcluster >/dev/null; then
    say "Starting local PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start >&2 || true
    for _ in $(seq 1 30); do pg_up "$url" && return 0; sleep 1; done
  fi
  die "PostgreSQL is not reachable at $host. Set DATABASE_URL, or run 'docker compose up -d postgres redis' and try again."
}

ensure_redis() {
  local url="$1"
  redis_up "$url" && return 0
  local host port; host="$(url_part "$url" host)"; port="$(url_part "$url" port)"
  if [[ "$host" == "127.0.0.1" || "$host" == "localhost" ]] && command -v redis-server >/dev/null; then
    say "Starting local Redis on port $port"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log >&2 || true
    for _ in $(seq 1 30); do redis_up "$url" && return 0; sleep 1; done
  fi
  die "Redis is not reachable at $host:$port. Set REDIS_URL, or run 'docker compose up -d postgres redis' and try again."
}
