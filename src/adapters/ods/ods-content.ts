/**
 * OpenDocument spreadsheets (.ods, as LibreOffice saves them): content.xml → one grid per table,
 * the same shape the .xlsx readers give (values from A1, rows trimmed, merges as A1 ranges, cells
 * hidden under a merge empty), within the same limits (limits.ts). No Node or browser dependency:
 * the caller unzips content.xml (Node's zlib in the CLI, JSZip in the browser).
 *
 * Read: table:table (name), table:table-row with number-rows-repeated, table:table-cell with
 * number-columns-repeated and number-columns-spanned / number-rows-spanned (merges),
 * table:covered-table-cell (under a merge), office:value-type float / currency / percentage / date /
 * boolean / string, text:p paragraphs joined with "\n", text:s (spaces), text:tab, text:line-break.
 */
import type { Grid } from "../../core/sheet/grid";
import { columnLetter } from "../../core/sheet/grid";
import { shownValue } from "../../core/sheet/cell";
import { limitMessages, PackageFormatError, READER_LIMITS, ReaderLimitError } from "../xlsx/limits";
import { attr, clearMergedCells, own, slices, type PartData, xmlText } from "../xlsx/xlsx-reader";

/** The mimetype entry of an OpenDocument spreadsheet package. */
export const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

const TOKEN = /<table:table(?=[\s>/])[^>]*>|<\/table:table>|<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g;
const CELL = /<table:(table-cell|covered-table-cell)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:\1>)/g;

/** A cell's paragraphs as the user typed them: lines joined with "\n", runs of spaces kept. */
export function odsCellText(inner: string): string {
  const body = inner.indexOf("<office:annotation") >= 0 ? inner.replace(/<office:annotation\b[\s\S]*?<\/office:annotation>/g, "") : inner;
  const lines: string[] = [];
  for (const m of body.matchAll(/<text:(p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:\1>)/g)) {
    const p = (m[2] ?? "")
      .replace(/<text:s\b([^>]*?)\/>/g, (_x, a: string) => {
        const c = Number(attr(a, "text:c") ?? 1);
        return " ".repeat(Number.isInteger(c) && c > 0 ? Math.min(c, READER_LIMITS.maxCellChars) : 1);
      })
      .replace(/<text:tab\b[^>]*\/>/g, "\t")
      .replace(/<text:line-break\b[^>]*\/>/g, "\n")
      .replace(/<[^>]*>/g, "");
    lines.push(xmlText(p));
  }
  return own(lines.join("\n"));
}

/** The percent format a cell's shown text implies ("86,36%" → "0.00%"), so the value reads as it is shown. */
function percentFormatShown(text: string): string {
  const m = /[.,](\d+)\s*%\s*$/.exec(text);
  return m ? `0.${"0".repeat(m[1].length)}%` : "0%";
}

function cellValue(a: string, inner: string | undefined): unknown {
  const type = attr(a, "office:value-type");
  const text = inner ? odsCellText(inner) : "";
  switch (type) {
    case "float":
    case "currency":
    case "percentage": {
      const n = Number(attr(a, "office:value"));
      if (!Number.isFinite(n)) return text || null;
      return type === "percentage" ? shownValue(n, percentFormatShown(text)) : n;
    }
    case "date": {
      const v = attr(a, "office:date-value") ?? "";
      const d = new Date(/T/.test(v) && !/(Z|[+-]\d\d:?\d\d)$/.test(v) ? `${v}Z` : v);
      return Number.isNaN(d.getTime()) ? text || null : d;
    }
    case "boolean": {
      const b = attr(a, "office:boolean-value");
      return b === "true" ? true : b === "false" ? false : text || null;
    }
    default:
      return text === "" ? null : text;
  }
}

function count(a: string, name: string): number {
  const v = attr(a, name);
  if (v === undefined) return 1;
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** content.xml → grids, one per table, in document order. */
export function parseOdsContent(xml: PartData): Grid[] {
  const grids: Grid[] = [];
  let cur: { name: string; values: unknown[][]; merges: string[]; row: number; cells: number } | null = null;
  const finish = () => {
    if (!cur) return;
    const where = `Trang "${cur.name}"`;
    while (cur.values.length && cur.values[cur.values.length - 1].length === 0) cur.values.pop();
    if (cur.merges.length > READER_LIMITS.maxMerges) throw new ReaderLimitError("maxMerges", limitMessages.maxMerges(where));
    clearMergedCells(cur.values, cur.merges, where);
    grids.push({ sheet: cur.name, origin: "A1", values: cur.values, merges: cur.merges });
    cur = null;
  };
  for (const chunk of slices(xml, 0, xml.length, "</table:table-row>", "")) {
    for (const m of chunk.matchAll(TOKEN)) {
      const tok = m[0];
      if (tok.startsWith("</table:table>")) {
        finish();
        continue;
      }
      if (!tok.startsWith("<table:table-row")) {
        finish();
        cur = { name: xmlText(attr(tok, "table:name") ?? `Trang ${grids.length + 1}`), values: [], merges: [], row: 0, cells: 0 };
        continue;
      }
      if (!cur) continue; // a row outside any table: not part of a sheet
      const t = cur;
      const where = `Trang "${t.name}"`;
      const repeat = count(m[1], "table:number-rows-repeated");
      const out: unknown[] = [];
      let col = 0;
      if (m[2]) {
        for (const cm of m[2].matchAll(CELL)) {
          const a = cm[2];
          const n = count(a, "table:number-columns-repeated");
          const value = cm[1] === "covered-table-cell" ? null : cellValue(a, cm[3]);
          if (value === null || value === undefined || value === "") {
            col += n;
            continue;
          }
          const rowNo = t.row + 1;
          for (let k = 0; k < n; k++) {
            col++;
            if (col > READER_LIMITS.maxColumns) throw new ReaderLimitError("maxColumns", limitMessages.maxColumns(where, `dòng ${rowNo}, cột ${col}`));
            if (typeof value === "string" && value.length > READER_LIMITS.maxCellChars) throw new ReaderLimitError("maxCellChars", limitMessages.maxCellChars(where, `${columnLetter(col)}${rowNo}`, value.length));
            while (out.length < col - 1) out.push(null);
            out[col - 1] = value;
            const cs = count(a, "table:number-columns-spanned");
            const rs = count(a, "table:number-rows-spanned");
            if (cs > 1 || rs > 1) {
              const c2 = Math.min(col + cs - 1, READER_LIMITS.maxColumns);
              const r2 = Math.min(rowNo + rs - 1, READER_LIMITS.maxRows);
              t.merges.push(`${columnLetter(col)}${rowNo}:${columnLetter(c2)}${r2}`);
              if (t.merges.length > READER_LIMITS.maxMerges) throw new ReaderLimitError("maxMerges", limitMessages.maxMerges(where));
            }
          }
        }
      }
      if (out.length === 0) {
        t.row += repeat; // empty rows (LibreOffice writes the sheet's tail as one repeated row)
        continue;
      }
      for (let k = 0; k < repeat; k++) {
        t.row++;
        if (t.row > READER_LIMITS.maxRows) throw new ReaderLimitError("maxRows", limitMessages.maxRows(where, t.row));
        t.cells += out.length;
        if (t.cells > READER_LIMITS.maxGridCells) throw new ReaderLimitError("maxGridCells", limitMessages.maxGridCells(where));
        while (t.values.length < t.row - 1) t.values.push([]);
        t.values[t.row - 1] = k === 0 ? out : out.slice();
      }
    }
  }
  finish();
  if (grids.length === 0) throw new PackageFormatError("Tệp .ods không có trang tính nào (content.xml không có bảng).");
  return grids;
}
