/**
 * SpreadsheetML written directly as text: the few parts a workbook of styled text cells needs
 * (workbook, worksheets, styles, shared strings, theme, relationships, content types, core
 * properties), zipped with JSZip. No object tree: rows are written one by one into byte chunks, so a
 * 100 000-row sheet costs about the size of its own XML. Browser-safe (no fs).
 *
 * What Excel insists on, kept here: the worksheet's children in schema order (sheetPr, dimension,
 * sheetViews, sheetFormatPr, cols, sheetData, mergeCells, printOptions, pageMargins, pageSetup,
 * headerFooter); styles.xml with the default font, the two mandatory fills (none, gray125), a
 * default border, cellStyleXfs and cellXfs; rows and cells in increasing order; text without the
 * control characters XML 1.0 forbids.
 *
 * Texts go to the shared strings table rather than inline: Excel, ExcelJS and this project's reader
 * all decode `_xHHHH_` escapes there (ExcelJS does not in inline strings), and a table's repeated
 * texts (units, status words) are written once.
 */
import JSZip from "jszip";
import { columnLetter } from "../../core/sheet/grid";
import { OFFICE_THEME_XML } from "./office-theme";
import { APP_PROPS_CONTENT_TYPE, appPropsXml, CORE_PROPS_CONTENT_TYPE, REL, XML_HEAD, XmlChunks, contentTypesXml, corePropsXml, relationshipsXml, rootRelationshipsXml, xmlEscape } from "../ooxml/package-xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export interface FontSpec {
  name: string;
  /** points */
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** The look of a cell: font, alignment, and a thin black line on every side or none. */
export interface CellFormat {
  font: FontSpec;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  indent?: number;
  border?: boolean;
}

/** Page setup, in ExcelJS's names (margins in inches). */
export interface SheetPage {
  /** 9: A4 */
  paperSize: number;
  orientation: "portrait" | "landscape";
  fitToPage: boolean;
  fitToWidth: number;
  fitToHeight: number;
  horizontalCentered: boolean;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** Header and footer codes (`&C&P` ...), in ExcelJS's names; an empty code is not written. */
export interface SheetHeaderFooter {
  oddHeader?: string;
  oddFooter?: string;
  differentFirst?: boolean;
  firstHeader?: string;
  firstFooter?: string;
}

export interface SheetSetup {
  name: string;
  /** column widths in characters of the Normal font, from column A */
  columnWidths: number[];
  /** points */
  defaultRowHeight?: number;
  showGridLines?: boolean;
  page?: SheetPage;
  headerFooter?: SheetHeaderFooter;
  /** 1-based first and last row printed at the top of every page */
  printTitleRows?: [number, number];
}

const VERTICAL = { top: "top", middle: "center", bottom: "bottom" } as const;
const THIN = '<color rgb="FF000000"/>';
const BORDERS = `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border></borders>`;

/** The index of `xml` in `list`, appended the first time it is asked for. */
function intern(list: string[], ids: Map<string, number>, xml: string): number {
  let id = ids.get(xml);
  if (id === undefined) {
    id = list.length;
    list.push(xml);
    ids.set(xml, id);
  }
  return id;
}

/**
 * The workbook's cell formats (xl/styles.xml): only those asked for, each written once. Format 0 is
 * the Normal style, in `normal` font; its widest digit sets what a column width means.
 */
export class CellFormats {
  private readonly fonts: string[];
  private readonly fontIds = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIds = new Map<string, number>();

  constructor(normal: { name: string; size: number }) {
    this.fonts = [`<font><sz val="${normal.size}"/><color theme="1"/><name val="${xmlEscape(normal.name)}"/><family val="1"/></font>`];
  }

  private fontId(f: FontSpec): number {
    const xml = `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}${f.underline ? "<u/>" : ""}<sz val="${f.size}"/><name val="${xmlEscape(f.name)}"/><family val="1"/></font>`;
    return intern(this.fonts, this.fontIds, xml);
  }

  /** The index of format `f` in cellXfs (the `s` of a cell). */
  id(f: CellFormat): number {
    let align = "";
    if (f.horizontal) align += ` horizontal="${f.horizontal}"`;
    if (f.vertical) align += ` vertical="${VERTICAL[f.vertical]}"`;
    if (f.wrap) align += ' wrapText="1"';
    if (f.indent) align += ` indent="${f.indent}"`;
    const border = f.border ? 1 : 0;
    const xml =
      `<xf numFmtId="0" fontId="${this.fontId(f.font)}" fillId="0" borderId="${border}" xfId="0" applyFont="1"${border ? ' applyBorder="1"' : ""}` +
      (align ? ` applyAlignment="1"><alignment${align}/></xf>` : "/>");
    return intern(this.xfs, this.xfIds, xml);
  }

  xml(): string {
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      BORDERS +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}

/**
 * Text of a `<t>` element: XML-escaped, control characters dropped, and a literal `_xHHHH_` kept as
 * typed (its underscore written `_x005F_`, or Excel would read the sequence as an escaped character).
 */
export function sheetText(text: string): string {
  const esc = xmlEscape(text);
  const t = esc.indexOf("_x") >= 0 ? esc.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : esc;
  return /^\s|\s$|\n/.test(t) ? `<t xml:space="preserve">${t}</t>` : `<t>${t}</t>`;
}

/** The shared strings table (xl/sharedStrings.xml): each distinct text once, in order of first use. */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly chunks = new XmlChunks();
  /** cells that refer to the table */
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
      this.chunks.add(`<si>${sheetText(text)}</si>`);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  bytes(): Uint8Array {
    return this.chunks.bytes(`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.ids.size}">`, "</sst>");
  }
}

/** Excel's tallest row, in points */
const MAX_ROW_HEIGHT = 409.5;
const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * One worksheet, written row by row: `startRow`, `cell` for each cell in column order, `endRow`;
 * merges at any time. Rows must come in increasing order, cells in increasing column order.
 */
export class WorksheetWriter {
  private readonly data = new XmlChunks();
  private readonly merges: string[] = [];
  private readonly letters: string[] = [];
  private row = "";
  private rowNumber = 0;
  private lastRow = 0;
  private lastCol = -1;
  private maxCol = -1;

  constructor(
    readonly setup: SheetSetup,
    private readonly strings: SharedStrings,
  ) {}

  private letter(col: number): string {
    return this.letters[col] ?? (this.letters[col] = columnLetter(col + 1));
  }

  /** Start row `r` (1-based), `heightPt` when it is not the default (at most Excel's 409,5 pt). */
  startRow(r: number, heightPt?: number): void {
    if (r <= this.lastRow) throw new Error(`Dòng ${r} ghi sau dòng ${this.lastRow}: các dòng phải theo thứ tự tăng dần.`);
    this.rowNumber = this.lastRow = r;
    this.lastCol = -1;
    this.row = heightPt ? `<row r="${r}" ht="${fmt(Math.min(heightPt, MAX_ROW_HEIGHT))}" customHeight="1">` : `<row r="${r}">`;
  }

  /** Cell at `col` (0-based) of the current row, in format `style`; empty text makes a blank (styled) cell. */
  cell(col: number, style: number, text?: string): void {
    if (col <= this.lastCol) throw new Error(`Ô cột ${col + 1} ghi sau cột ${this.lastCol + 1} trên dòng ${this.rowNumber}.`);
    this.lastCol = col;
    if (col > this.maxCol) this.maxCol = col;
    const s = style ? ` s="${style}"` : "";
    const ref = this.letter(col) + this.rowNumber;
    this.row += text ? `<c r="${ref}"${s} t="s"><v>${this.strings.id(text)}</v></c>` : `<c r="${ref}"${s}/>`;
  }

  endRow(): void {
    this.data.add(this.row + "</row>");
    this.row = "";
  }

  /** Merge rows r1..r2, columns c1..c2 (1-based, inclusive). */
  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.merges.push(`<mergeCell ref="${columnLetter(c1)}${r1}:${columnLetter(c2)}${r2}"/>`);
  }

  /** The worksheet part. */
  bytes(tabSelected: boolean): Uint8Array {
    const st = this.setup;
    const page = st.page;
    let head = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL}">`;
    if (page?.fitToPage) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    head += `<dimension ref="${this.lastRow > 0 && this.maxCol >= 0 ? `A1:${this.letter(this.maxCol)}${this.lastRow}` : "A1"}"/>`;
    head += `<sheetViews><sheetView${st.showGridLines === false ? ' showGridLines="0"' : ""}${tabSelected ? ' tabSelected="1"' : ""} workbookViewId="0"/></sheetViews>`;
    head += st.defaultRowHeight ? `<sheetFormatPr defaultRowHeight="${fmt(st.defaultRowHeight)}" customHeight="1"/>` : '<sheetFormatPr defaultRowHeight="15"/>';
    if (st.columnWidths.length) head += `<cols>${st.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${fmt(w)}" customWidth="1"/>`).join("")}</cols>`;
    head += "<sheetData>";
    let tail = "</sheetData>";
    if (this.merges.length) tail += `<mergeCells count="${this.merges.length}">${this.merges.join("")}</mergeCells>`;
    if (page) {
      const m = page.margins;
      if (page.horizontalCentered) tail += '<printOptions horizontalCentered="1"/>';
      tail += `<pageMargins left="${fmt(m.left)}" right="${fmt(m.right)}" top="${fmt(m.top)}" bottom="${fmt(m.bottom)}" header="${fmt(m.header)}" footer="${fmt(m.footer)}"/>`;
      tail += `<pageSetup paperSize="${page.paperSize}" orientation="${page.orientation}" fitToWidth="${page.fitToWidth}" fitToHeight="${page.fitToHeight}"/>`;
    }
    const hf = st.headerFooter;
    if (hf && (hf.oddHeader || hf.oddFooter || hf.firstHeader || hf.firstFooter || hf.differentFirst)) {
      const el = (name: keyof SheetHeaderFooter) => (hf[name] ? `<${name}>${xmlEscape(String(hf[name]))}</${name}>` : "");
      tail += `<headerFooter${hf.differentFirst ? ' differentFirst="1"' : ""}>${el("oddHeader")}${el("oddFooter")}${el("firstHeader")}${el("firstFooter")}</headerFooter>`;
    }
    return this.data.bytes(head, tail + "</worksheet>");
  }
}

/** A sheet name inside a formula: quoted, its apostrophes doubled. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function workbookXml(sheets: WorksheetWriter[]): string {
  const names = sheets.map((s, i) => `<sheet name="${xmlEscape(s.setup.name)}" sheetId="${i + 1}" r:id="rIdSheet${i + 1}"/>`).join("");
  const defined = sheets
    .map((s, i) => {
      const t = s.setup.printTitleRows;
      return t ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(`${quotedSheet(s.setup.name)}!$${t[0]}:$${t[1]}`)}</definedName>` : "";
    })
    .join("");
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${names}</sheets>` +
    (defined ? `<definedNames>${defined}</definedNames>` : "") +
    "</workbook>"
  );
}

export interface WorkbookPackage {
  sheets: WorksheetWriter[];
  formats: CellFormats;
  strings: SharedStrings;
  title?: string;
  creator?: string;
}

/** The .xlsx bytes. */
export async function packWorkbook(p: WorkbookPackage): Promise<Uint8Array> {
  const zip = new JSZip();
  const overrides: Array<[string, string]> = [
    ["/xl/workbook.xml", `${CT}.sheet.main+xml`],
    ...p.sheets.map((_s, i): [string, string] => [`/xl/worksheets/sheet${i + 1}.xml`, `${CT}.worksheet+xml`]),
    ["/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"],
    ["/xl/styles.xml", `${CT}.styles+xml`],
    ["/xl/sharedStrings.xml", `${CT}.sharedStrings+xml`],
    ["/docProps/core.xml", CORE_PROPS_CONTENT_TYPE],
    ["/docProps/app.xml", APP_PROPS_CONTENT_TYPE],
  ];
  zip.file("[Content_Types].xml", contentTypesXml(overrides));
  zip.file("_rels/.rels", rootRelationshipsXml("xl/workbook.xml", true));
  zip.file(
    "xl/_rels/workbook.xml.rels",
    relationshipsXml([
      ...p.sheets.map((_s, i) => ({ id: `rIdSheet${i + 1}`, type: `${REL}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
      { id: "rIdStyles", type: `${REL}/styles`, target: "styles.xml" },
      { id: "rIdTheme", type: `${REL}/theme`, target: "theme/theme1.xml" },
      { id: "rIdStrings", type: `${REL}/sharedStrings`, target: "sharedStrings.xml" },
    ]),
  );
  zip.file("xl/workbook.xml", workbookXml(p.sheets));
  p.sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, s.bytes(i === 0)));
  zip.file("xl/theme/theme1.xml", XML_HEAD + OFFICE_THEME_XML);
  zip.file("xl/styles.xml", p.formats.xml());
  zip.file("xl/sharedStrings.xml", p.strings.bytes());
  zip.file("docProps/core.xml", corePropsXml(p));
  // LibreOffice takes row heights as Excel means them only in a workbook that says it follows Excel
  // (without this line every row came out about 0,14 pt taller than in ExcelJS's files, which say the same)
  zip.file("docProps/app.xml", appPropsXml("Microsoft Excel"));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
