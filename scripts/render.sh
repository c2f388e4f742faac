#!/usr/bin/env bash
# npm run render [-- DIR]: turn DIR/phu-luc.xlsx and DIR/phu-luc.docx (default DIR=out, written by
# `npm run demo`) into PDF with LibreOffice and into PNG pages with pdftoppm, to look at by eye.
# A developer script, not a CI step. Needs libreoffice (calc, writer) and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-out}"
RES="${RENDER_DPI:-60}"
for tool in libreoffice pdftoppm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "Thiếu chương trình \"$tool\" (cài libreoffice và poppler-utils)." >&2; exit 2; }
done
for f in phu-luc.xlsx phu-luc.docx; do
  [ -f "$DIR/$f" ] || { echo "Không thấy $DIR/$f. Hãy chạy trước: npm run demo" >&2; exit 2; }
done
OUT="$DIR/render"
mkdir -p "$OUT"
# a profile of our own, so a LibreOffice already running elsewhere does not swallow the conversion
PROFILE="$(mktemp -d "${TMPDIR:-/tmp}/chitieu-lo.XXXXXX")"
trap 'rm -rf "$PROFILE"' EXIT
for f in phu-luc.xlsx phu-luc.docx; do
  ext="${f##*.}"
  mkdir -p "$OUT/$ext"
  rm -f "$OUT/$ext"/*.pdf "$OUT/$ext"/*.png
  libreoffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT/$ext" "$DIR/$f" >/dev/null 2>&1
  pdf="$OUT/$ext/${f%.*}.pdf"
  [ -f "$pdf" ] || { echo "LibreOffice không chuyển được $DIR/$f sang PDF." >&2; exit 1; }
  pdftoppm -png -r "$RES" "$pdf" "$OUT/$ext/trang"
  pages=$(ls "$OUT/$ext"/trang-*.png | wc -l)
  echo "$f → $pdf ($pages trang): $(ls "$OUT/$ext"/trang-*.png | tr '\n' ' ')"
done
