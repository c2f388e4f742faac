/**
 * The "Tổng hợp" view's state and actions: the picked files, the consolidated unit's name, the run
 * (one file after another, "đã đọc 12/150 tệp", "Hủy" between two files), the rules chosen here for
 * the indicators that need one (consolidated again from the extracts, no file read again), and the
 * outputs (new sheets in Excel, a download elsewhere). No rendering here.
 */
import { useState } from "react";
import type { SheetSource } from "../../../app/analyse";
import { consolidateUnits, reconsolidate, type ConsolidateRun } from "../../../app/consolidate";
import { XLSX_MIME, type NewSheet, type WorkbookPort } from "../../../app/port";
import type { Consolidation, RuleRequest } from "../../../core/consolidate/consolidate";
import { PANE_SHEETS } from "../../../core/consolidate/rules";
import { paneSheets } from "../../../core/consolidate/sheets";
import type { ReportInfo } from "../../../core/model";
import { done, useWork, type Work } from "../../use-work";

export interface ConsolidateViewProps {
  readFile(file: File): Promise<SheetSource>;
  port: WorkbookPort | null;
  renderWorkbook(c: Consolidation, info: ReportInfo): Promise<Uint8Array>;
  download(fileName: string, bytes: Uint8Array, mime: string): Promise<void>;
  /** called once the sheets are written, so the pane can offer to take them back */
  onWritten?(): void;
}

/** Where a rule chosen in the pane is said to come from (the table's Ghi chú). */
const PANE_RULE_SOURCE = "ngăn tác vụ";

export interface Consolidating {
  work: Work;
  files: File[];
  title: string;
  result: ConsolidateRun | null;
  written: string[] | null;
  /** rules chosen here, by indicator key: the text as "Cách tổng hợp" would hold it */
  rules: Record<string, string>;
  canWrite: boolean;
  pick(files: File[]): void;
  setTitle(title: string): void;
  consolidate(): void;
  chooseRule(key: string, text: string): void;
  applyRules(): void;
  write(): void;
  download(): void;
}

/** The three result sheets as new sheets of the open workbook (never over existing ones). */
function newSheets(c: Consolidation): NewSheet[] {
  return paneSheets(c, PANE_SHEETS).map((s) => ({
    baseName: s.baseName,
    values: s.values,
    merges: s.merges,
    headerRows: s.headerRows,
    boldRows: s.groupRows,
    widths: s.widths,
    textColumns: s.textColumns,
  }));
}

function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|]+/g, " ").trim() || "tong-hop";
}

export function useConsolidation(p: ConsolidateViewProps): Consolidating {
  const work = useWork();
  const [files, setFiles] = useState<File[]>([]);
  const [title, setTitle] = useState("");
  const [result, setResult] = useState<ConsolidateRun | null>(null);
  const [written, setWritten] = useState<string[] | null>(null);
  const [rules, setRules] = useState<Record<string, string>>({});
  const name = title.trim() || undefined;
  const requests = (): RuleRequest[] => Object.entries(rules).filter(([, t]) => t.trim()).map(([ref, text]) => ({ ref, text, from: PANE_RULE_SOURCE }));

  const consolidate = () =>
    void work.run(
      "Đang tổng hợp…",
      "tổng hợp",
      async (signal, progress) => {
        const r = await consolidateUnits(
          files.map((f) => ({ file: f.name, open: () => p.readFile(f) })),
          { title: name, rules: requests(), signal, onProgress: (n, total) => progress(n / total, `Đang tổng hợp: đã đọc ${n}/${total} tệp`) },
        );
        done(signal);
        setResult(r);
        setWritten(null);
      },
      { cancellable: true },
    );

  const applyRules = () =>
    void work.run("Đang tổng hợp lại…", "tổng hợp lại", async () => {
      if (!result) return;
      setResult({ ...result, ...reconsolidate(result.inputs, { title: name, rules: requests() }) });
      setWritten(null);
    });

  const write = () =>
    void work.run("Đang ghi các trang mới…", "ghi kết quả tổng hợp vào sổ", async () => {
      if (!result || !p.port?.writeNewSheets) return;
      setWritten(await p.port.writeNewSheets(newSheets(result.consolidation)));
      p.onWritten?.();
    });

  const download = () =>
    void work.run("Đang tạo tệp…", "tạo tệp tổng hợp", async () => {
      if (!result) return;
      const bytes = await p.renderWorkbook(result.consolidation, result.info);
      await p.download(`${safeFileName(title || "tong-hop")}.xlsx`, bytes, XLSX_MIME);
    });

  return {
    work,
    files,
    title,
    result,
    written,
    rules,
    canWrite: !!p.port?.writeNewSheets && p.port.kind === "office",
    pick: (list) => {
      setFiles(list);
      setResult(null);
      setWritten(null);
      setRules({});
    },
    setTitle,
    consolidate,
    chooseRule: (key, text) => setRules((r) => ({ ...r, [key]: text })),
    applyRules,
    write,
    download,
  };
}
