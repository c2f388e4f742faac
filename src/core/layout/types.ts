/**
 * The appendix layout model: pure data describing the official appendix table ("Phụ lục") — title
 * block, header rows, body rows, styles by role, merges, column widths and page setup. Renderers
 * (.xlsx, .docx, Office.js) only translate it; they make no layout decisions of their own.
 */
import type { Levels, Status, StatusWords, Vocabulary } from "../evaluation/evaluate";

export type PresetName = "dang-2026" | "dang-2018" | "nha-nuoc";
export type Orientation = "landscape" | "portrait";

/** Column keys: fixed roles, and "year:2021" for year columns. */
export type ColumnKey = "tt" | "name" | "unit" | "target" | "baseline" | "actual" | "status" | "note" | "outlook" | `year:${number}`;

/** Title of the optional outlook column (AppendixOptions.outlook). */
export const OUTLOOK_COLUMN_TITLE = "Khả năng đạt đến cuối nhiệm kỳ";

/** Style roles: every cell of the layout carries one. */
export type StyleRole =
  | "party" // ĐẢNG CỘNG SẢN VIỆT NAM
  | "issuer" // THÀNH ỦY BẢO LỘC
  | "place-date" // Bảo Lộc, ngày 25 tháng 5 năm 2023
  | "appendix-number" // Phụ lục 1
  | "title"
  | "kem-theo"
  | "header"
  | "column-number" // (1) (2) ...
  | "group" // I, 1: bold
  | "group-minor" // 1.1 as a group: bold italic
  | "body" // indicator name
  | "body-center" // TT, ĐVT, target
  | "number" // baseline, years, result
  | "status"
  | "note"
  | "signature-on-behalf" // T/M THÀNH ỦY
  | "signature-position" // BÍ THƯ
  | "signature-name"
  | "recipients-title" // Nơi nhận:
  | "recipients";

export type HAlign = "left" | "center" | "right";
export type VAlign = "top" | "middle" | "bottom";

export interface TextStyle {
  /** points */
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  align: HAlign;
  valign: VAlign;
  wrap: boolean;
  /** a thin black border on every side (table cells) */
  border: boolean;
}

export interface LayoutColumn {
  key: ColumnKey;
  /** the title in the (lowest) header row */
  title: string;
  /** printed width in millimetres */
  widthMm: number;
  /** year of a year column / the baseline */
  year?: number;
}

export interface LayoutCell {
  /** 0-based column index */
  col: number;
  text: string;
  role: StyleRole;
  colSpan?: number;
  rowSpan?: number;
  /** indent level (sub-rows "-" / "+") */
  indent?: number;
  /** overrides the role's horizontal alignment (the TT cell of a group row is centred) */
  align?: HAlign;
}

export type RowKind =
  | "party"
  | "appendix-number"
  | "title"
  | "kem-theo"
  | "spacer"
  | "header"
  | "column-numbers"
  | "group-0"
  | "group-1"
  | "group-2"
  | "indicator"
  | "sub"
  | "signature";

export type Section = "title" | "header" | "body" | "foot";

export interface LayoutRow {
  section: Section;
  kind: RowKind;
  /** cells in column order; a cell covered by another cell's span is absent */
  cells: LayoutCell[];
  /** estimated height in points for wrapped text */
  heightPt: number;
  /** 1-based sheet row the indicator came from */
  sourceRow?: number;
  status?: Status;
  /** the status cell is the sheet's own verdict, kept because the tool could not judge the row */
  statusFromSheet?: boolean;
  /** why the engine gave the verdict in the status cell (absent when the cell is the sheet's own) */
  reason?: string;
}

/** A merged block, 0-based, in layout row/column coordinates. */
export interface Merge {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PageSetup {
  paper: "A4";
  orientation: Orientation;
  /** physical page size as oriented, mm */
  widthMm: number;
  heightMm: number;
  marginsMm: Margins;
  /** distance from the page edge to the header/footer text, mm */
  headerMm: number;
  footerMm: number;
  pageNumbers: { position: "top-center" | "bottom-center"; firstPage: boolean; size: number } | null;
  fitToWidth: boolean;
  centerHorizontally: boolean;
}

export interface AppendixLayout {
  preset: PresetName;
  presetLabel: string;
  fontName: string;
  page: PageSetup;
  styles: Record<StyleRole, TextStyle>;
  columns: LayoutColumn[];
  rows: LayoutRow[];
  merges: Merge[];
  /** the table's header rows (printed on every page), 0-based, inclusive first, count */
  headerRows: { first: number; count: number };
  /** the table's rows (header + body), 0-based inclusive */
  tableRows: { first: number; last: number };
  /** "Phụ lục 1" / "Phụ lục I", or "" when not numbered */
  appendixLabel: string;
  title: string;
  kemTheo: string;
  vocabulary: Vocabulary;
  levels: Levels;
  /** the status words written (the sheet's own, when the vocabulary is the sheet's) */
  words: StatusWords;
  /** things the user should know (margins outside the preset's range ...) */
  warnings: string[];
}

export interface FontSizes {
  party: number;
  issuer: number;
  appendixNumber: number;
  title: number;
  kemTheo: number;
  header: number;
  body: number;
  pageNumber: number;
  signature: number;
  recipientsTitle: number;
  recipients: number;
}

export interface SignatureOptions {
  /** "T/M THÀNH ỦY" */
  onBehalf?: string;
  /** "BÍ THƯ" */
  position?: string;
  /** the signer's name */
  name?: string;
}

/** The column titles an appendix can take: from the options, else the sheet's headers, else the defaults. */
export type ColumnTitleKey = "tt" | "name" | "unit" | "target" | "baseline" | "years" | "actual" | "status" | "note";

/**
 * The option names for the column titles, with their Vietnamese labels and CLI flags: the CLI,
 * the pane's settings fields and the docs take them from here.
 */
export const COLUMN_TITLE_OPTIONS: ReadonlyArray<{ key: ColumnTitleKey; flag: string; label: string; example: string }> = [
  { key: "tt", flag: "cot-tt", label: "Tiêu đề cột số thứ tự", example: "STT" },
  { key: "name", flag: "cot-ten", label: "Tiêu đề cột tên chỉ tiêu", example: "Nội dung chỉ tiêu" },
  { key: "unit", flag: "cot-dvt", label: "Tiêu đề cột đơn vị tính", example: "Đơn vị tính" },
  { key: "target", flag: "cot-chi-tieu", label: "Tiêu đề cột chỉ tiêu Nghị quyết", example: "Mục tiêu Đại hội XXI" },
  { key: "baseline", flag: "cot-dau-ky", label: "Tiêu đề cột đầu nhiệm kỳ", example: "Thực hiện năm 2020" },
  { key: "years", flag: "cot-cac-nam", label: "Tiêu đề nhóm cột các năm", example: "Thực hiện qua các năm" },
  { key: "actual", flag: "cot-ket-qua", label: "Tiêu đề cột kết quả", example: "Kết quả thực hiện đến nay" },
  { key: "status", flag: "cot-danh-gia", label: "Tiêu đề cột đánh giá", example: "So sánh NQ ĐH VI" },
  { key: "note", flag: "cot-ghi-chu", label: "Tiêu đề cột ghi chú", example: "Ghi chú" },
];

export interface AppendixOptions {
  preset?: PresetName;
  orientation?: Orientation;
  /** default: the sheet's own (detectStatusStyle), else "dat" */
  vocabulary?: Vocabulary;
  /** 2: Đạt / Chưa đạt; 3: Vượt / Đạt / Chưa đạt. Default: the sheet's levels, else 3 */
  levels?: Levels;
  /** status words to write; default: the sheet's own when the vocabulary is the sheet's */
  words?: StatusWords;
  /** the title, written as typed; default: the "Thông tin" sheet's, the title block's, else from the report information */
  title?: string;
  /** the "(Kèm theo ...)" line; default: the "Thông tin" sheet's, the title block's, else from the report information; "" hides it */
  kemTheo?: string;
  /** appendix number (1 → "Phụ lục 1" / "Phụ lục I"); null hides the line. Default 1. */
  appendixNumber?: number | null;
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" (Party presets) and the issuing body above the title. Default false. */
  partyHeader?: boolean;
  /** optional columns */
  columns?: {
    baseline?: boolean;
    /** true: every year of the table; or the years to show */
    years?: boolean | number[];
    note?: boolean;
    /** a row "(1) (2) ..." under the header */
    columnNumbers?: boolean;
  };
  /** column titles, e.g. { target: "Chỉ tiêu Nghị quyết ĐH VI", status: "So sánh NQ ĐH VI" }; default: the sheet's headers as typed */
  columnTitles?: Partial<Record<ColumnTitleKey, string>>;
  /** the baseline's year (default: the term's first year) */
  baselineYear?: number;
  fontName?: string;
  fontSizes?: Partial<FontSizes>;
  marginsMm?: Partial<Margins>;
  signature?: boolean | SignatureOptions;
  /** "Nơi nhận" list; true gives a default list */
  recipients?: boolean | string[];
  /** maximum decimals for numbers (default 2) */
  decimals?: number;
  /** the status shown: computed by the engine (default when present) or as written in the sheet */
  statusSource?: "computed" | "reported";
  /** the document the appendix goes with (default "Báo cáo") */
  documentKind?: string;
  /** optional last column "Khả năng đạt đến cuối nhiệm kỳ": its text per sheet row (app/outlook.ts) */
  outlook?: { title?: string; texts: Record<number, string> };
}
