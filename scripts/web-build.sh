#!/bin/sh
# Builds the console (web/ -> web/dist), installing its dependencies first when they are missing or older
# than its lockfile (web/ has its own package.json and package-lock.json).
set -e
cd "$(dirname "$0")/../web"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing the console's dependencies (npm ci in web/)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
npm run -s build >&2
