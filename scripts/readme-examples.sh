#!/usr/bin/env bash
# Runs every command-line example of README.md, verbatim and in order (the ```bash blocks from
# "## Dòng lệnh" up to the next top-level section), in the repository given (default: this one).
# Each must exit 0, or 1 for `check` on a sheet with errors (its documented meaning); afterwards no
# file they wrote may be left outside .gitignore. `npm run render` needs LibreOffice and pdftoppm:
# skipped, and said so, when they are missing.
set -uo pipefail
repo="${1:-$(git rev-parse --show-toplevel)}"
cd "$repo" || exit 2
mapfile -t cmds < <(awk '
  /^## Dòng lệnh/ { on = 1 }
  /^## / && !/^## Dòng lệnh/ && on { exit }
  on && /^```bash/ { inblock = 1; next }
  on && /^```/ { inblock = 0; next }
  inblock {
    line = $0
    if (cont != "") { line = cont " " line; cont = "" }
    if (line ~ /\\$/) { sub(/\\$/, "", line); cont = line; next }
    print line
  }' README.md)
[ "${#cmds[@]}" -gt 0 ] || { echo "Không thấy ví dụ nào trong README.md" >&2; exit 2; }
fail=0
for c in "${cmds[@]}"; do
  if [[ "$c" == *"npm run render"* ]] && ! { command -v libreoffice >/dev/null && command -v pdftoppm >/dev/null; }; then
    c="${c%%&& npm run render*}"
    echo "(bỏ npm run render: máy không có libreoffice/pdftoppm)"
  fi
  echo "\$ $c"
  bash -c "$c" >/tmp/readme-example.$$.out 2>&1
  code=$?
  tail -n 3 /tmp/readme-example.$$.out | sed 's/^/    /'
  if [ "$code" -eq 0 ] || { [ "$code" -eq 1 ] && [[ "$c" == *"chitieu check"* ]]; }; then
    echo "    → mã $code"
  else
    echo "    → mã $code: LỖI" >&2
    fail=1
  fi
done
rm -f /tmp/readme-example.$$.out
left=$(git status --porcelain --untracked-files=all | grep '^??' || true)
if [ -n "$left" ]; then
  echo "Tệp sinh ra chưa có trong .gitignore:" >&2
  echo "$left" >&2
  fail=1
fi
[ "$fail" -eq 0 ] && echo "README: ${#cmds[@]} ví dụ chạy đúng." || echo "README: có ví dụ chạy sai." >&2
exit "$fail"
