#!/usr/bin/env bash
# Load figures for plume serve, measured from a second process with wrk
# (Debian package wrk): requests per second for /api/v1/analyze and for
# /api/v1/rewrite with the offline writer, on seed 004.
#
#   tools/load/run.sh [DURATION] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
dur=${1:-15s}
conns=${2:-8}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/plume" ./cmd/plume
seed=testdata/seeds/004_1ac107a302d2e3f1.txt
"$tmp/plume" rewrite "$seed" >"$tmp/article.md" 2>/dev/null
python3 - "$seed" "$tmp/article.md" "$tmp" <<'PY'
import json, sys
seed, article, tmp = sys.argv[1:]
json.dump({"text": open(seed).read()}, open(tmp + "/rewrite.json", "w"))
json.dump({"text": open(article).read()}, open(tmp + "/analyze.json", "w"))
PY
"$tmp/plume" serve --addr 127.0.0.1:18181 --db "" --queue 10000 2>/dev/null &
pid=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:18181/healthz >/dev/null && break; sleep 0.1; done
for ep in analyze rewrite; do
  echo "== POST /api/v1/$ep, $conns connections, $dur"
  PLUME_BODY="$tmp/$ep.json" wrk -t2 -c"$conns" -d"$dur" -s tools/load/post.lua "http://127.0.0.1:18181/api/v1/$ep" |
    grep -E "Requests/sec|Latency|non-200"
done
