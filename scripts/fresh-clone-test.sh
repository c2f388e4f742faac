#!/usr/bin/env bash
# What a new user does: clone the repository (this checkout's HEAD) into a temporary folder, run the
# README's test command there (`npm ci && npm test`), then every command-line example of the README
# (scripts/readme-examples.sh). Nothing outside the clone is used: no folder beside it, no node_modules of
# this checkout. Prints the tail of each step; exit 0 only when all pass. Keeps the folder with
# KEEP=1. Takes minutes (npm ci, webpack, headless Chromium).
set -uo pipefail
src="$(git rev-parse --show-toplevel)" || exit 2
tmp="$(mktemp -d /tmp/chitieu-clone.XXXXXX)"
cleanup() { [ "${KEEP:-0}" = 1 ] && echo "Giữ lại: $tmp" || rm -rf "$tmp"; }
trap cleanup EXIT
echo "== git clone $(git -C "$src" rev-parse --short HEAD) → $tmp/repo"
git clone --quiet --no-local "$src" "$tmp/repo" || exit 2
cd "$tmp/repo" || exit 2
echo "== node $(node --version), npm $(npm --version)"
echo "== npm ci"
npm ci >"$tmp/npm-ci.log" 2>&1
ci=$?
tail -n 5 "$tmp/npm-ci.log"
if grep -q "EBADENGINE" "$tmp/npm-ci.log"; then
  echo "npm ci in cảnh báo phiên bản Node (EBADENGINE):" >&2
  grep -A3 EBADENGINE "$tmp/npm-ci.log" >&2
  ci=1
fi
[ "$ci" -eq 0 ] || { echo "npm ci: LỖI" >&2; exit 1; }
echo "== npm test"
npm test >"$tmp/npm-test.log" 2>&1
t=$?
tail -n 15 "$tmp/npm-test.log"
[ "$t" -eq 0 ] || { echo "npm test: LỖI (mã $t)" >&2; exit 1; }
echo "== README examples"
bash scripts/readme-examples.sh "$tmp/repo" >"$tmp/readme.log" 2>&1
r=$?
grep -E '^\$|→ mã|README:|gitignore|^\?\?' "$tmp/readme.log" | tail -n 40
[ "$r" -eq 0 ] || { echo "README examples: LỖI" >&2; exit 1; }
echo "== bản clone mới: npm ci, npm test, ví dụ README đều đạt"
