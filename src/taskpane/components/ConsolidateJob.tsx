/**
 * "Tổng hợp": consolidate several units' workbooks (docs/tong-hop.md).
 * The user picks several .xlsx/.ods files (a file input with `multiple`, in Excel and in a browser),
 * names the consolidated unit, and gets: the consolidated table, which indicators need a rule, the
 * files that could not be read, and per unit what it still owes with a polite message to copy.
 * The result goes into NEW sheets of the open workbook when it can take them (Excel), or is
 * downloaded as an .xlsx (browser).
 *
 * Props (explicit; the pane never imports an adapter, index.tsx injects these):
 * - readFile(file): the picked file as a SheetSource (ExcelJS in the browser), read one at a time;
 * - port: the open workbook, or null; used only through `writeNewSheets` (never over existing sheets);
 * - renderWorkbook(consolidation, info): the consolidated workbook as .xlsx bytes, for the download;
 * - download(fileName, bytes, mime): offer bytes to the user as a file.
 */
import React, { useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, CopyRegular, DocumentAddRegular, FolderOpenRegular, TableSimpleRegular } from "@fluentui/react-icons";
import type { SheetSource } from "../../app/analyse";
import { consolidateUnits, type ConsolidateRun } from "../../app/consolidate";
import { describeError, type ShownError } from "../../app/errors";
import { XLSX_MIME, type WorkbookPort } from "../../app/port";
import { owedByUnit, type ConsolidatedIndicator, type Consolidation, type MissingItem } from "../../core/consolidate/consolidate";
import { coverageText, owedMessage, PANE_SHEETS, RULES } from "../../core/consolidate/rules";
import { paneSheets } from "../../core/consolidate/sheets";
import type { ReportInfo } from "../../core/model";

export interface ConsolidateViewProps {
  readFile(file: File): Promise<SheetSource>;
  port: WorkbookPort | null;
  renderWorkbook(c: Consolidation, info: ReportInfo): Promise<Uint8Array>;
  download(fileName: string, bytes: Uint8Array, mime: string): Promise<void>;
  /** called once the sheets are written, so the pane can offer to take them back */
  onWritten?(): void;
}

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hiddenInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "left", verticalAlign: "top" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  unit: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  muted: { color: tokens.colorNeutralForeground3 },
});

function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|]+/g, " ").trim() || "tong-hop";
}

export function ConsolidateJob(p: ConsolidateViewProps): JSX.Element {
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<ShownError | null>(null);
  const [result, setResult] = useState<ConsolidateRun | null>(null);
  const [written, setWritten] = useState<string[] | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);

  const canWrite = !!p.port?.writeNewSheets && p.port.kind === "office";

  const run = async (label: string, what: string, fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(label);
    setError(null);
    try {
      await new Promise((r) => setTimeout(r, 0));
      await fn();
    } catch (e) {
      setError(describeError(what, e));
    } finally {
      setBusy(null);
    }
  };

  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const list = e.target.files ? Array.from(e.target.files) : [];
    setFiles(list);
    setResult(null);
    setWritten(null);
  };

  const onConsolidate = () =>
    run("Đang tổng hợp…", "tổng hợp", async () => {
      setProgress(0);
      const r = await consolidateUnits(
        files.map((f) => ({ file: f.name, open: () => p.readFile(f) })),
        { title: title.trim() || undefined, onProgress: (done, total) => setProgress(done / total) },
      );
      setResult(r);
      setWritten(null);
    });

  const onWrite = () =>
    run("Đang ghi các trang mới…", "ghi kết quả tổng hợp vào sổ", async () => {
      if (!result || !p.port?.writeNewSheets) return;
      const sheets = paneSheets(result.consolidation, PANE_SHEETS).map((s) => ({
        baseName: s.baseName,
        values: s.values,
        merges: s.merges,
        headerRows: s.headerRows,
        boldRows: s.groupRows,
        widths: s.widths,
        textColumns: s.textColumns,
      }));
      setWritten(await p.port.writeNewSheets(sheets));
      p.onWritten?.();
    });

  const onDownload = () =>
    run("Đang tạo tệp…", "tạo tệp tổng hợp", async () => {
      if (!result) return;
      const bytes = await p.renderWorkbook(result.consolidation, result.info);
      await p.download(`${safeFileName(title || "tong-hop")}.xlsx`, bytes, XLSX_MIME);
    });

  const onCopy = async (unit: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(unit);
    } catch {
      // no clipboard permission: the text is in the box below, selected for Ctrl+C
      const box = document.getElementById(`owed-${unitId(unit)}`) as HTMLTextAreaElement | null;
      box?.focus();
      box?.select();
      setCopied(null);
    }
  };

  const c = result?.consolidation;
  const indicators = c ? c.rows.filter((r): r is ConsolidatedIndicator => r.type === "indicator") : [];
  const needs = indicators.filter((r) => r.rule === "needs_rule");
  const owed = c ? owedByUnit(c) : new Map<string, MissingItem[]>();

  return (
    <section className={styles.stack} aria-label="Tổng hợp nhiều đơn vị">
      <Body1>Chọn tệp bảng chỉ tiêu của các đơn vị (xã, phường, sở, ngành). Mỗi tệp theo mẫu; tên đơn vị lấy ở ô “Đơn vị” trang “Thông tin”, không có thì lấy tên tệp.</Body1>
      <div className={styles.actions}>
        <input
          ref={inputRef}
          id="consolidate-files"
          className={styles.hiddenInput}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
          onChange={onPick}
          aria-label="Tệp của các đơn vị"
          tabIndex={-1}
        />
        <Button icon={<FolderOpenRegular />} onClick={() => inputRef.current?.click()} disabled={!!busy}>
          Chọn tệp các đơn vị
        </Button>
        <Caption1 className={styles.muted} aria-live="polite">
          {files.length ? `Đã chọn ${files.length} tệp: ${files.map((f) => f.name).join(", ")}` : "Chưa chọn tệp nào."}
        </Caption1>
      </div>
      <Field label="Tên đơn vị tổng hợp" hint="Ví dụ: Tỉnh Lâm Đồng, Xã Lộc Châu (mới). Ghi vào ô “Đơn vị” của kết quả.">
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<TableSimpleRegular />} onClick={onConsolidate} disabled={!!busy || files.length === 0}>
          Tổng hợp
        </Button>
      </div>
      {busy && <ProgressBar value={busy.startsWith("Đang tổng hợp") ? progress : undefined} aria-label={busy} />}
      {busy && <Caption1 role="status">{busy}</Caption1>}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.detail} {error.action}
          </MessageBarBody>
        </MessageBar>
      )}
      {c && (
        <div className={styles.stack}>
          <Subtitle2 as="h2">
            Kết quả: {c.units.length} đơn vị, {indicators.length} chỉ tiêu
          </Subtitle2>
          {c.failures.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Không dùng được {c.failures.length} tệp (các tệp khác vẫn được tổng hợp)</MessageBarTitle>
                <ul className={styles.list}>
                  {c.failures.map((f) => (
                    <li key={f.file}>
                      {f.file}: {f.error}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {needs.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{needs.length} chỉ tiêu cần chọn cách tổng hợp</MessageBarTitle>
                <ul className={styles.list}>
                  {needs.map((r) => (
                    <li key={r.key}>
                      {r.tt ? `${r.tt}. ` : ""}
                      {r.name}: {r.ruleNote ?? RULES.needs_rule.explain}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            {canWrite && (
              <Button appearance="primary" icon={<DocumentAddRegular />} onClick={onWrite} disabled={!!busy}>
                Ghi vào sổ (trang mới)
              </Button>
            )}
            <Button icon={<ArrowDownloadRegular />} appearance={canWrite ? "secondary" : "primary"} onClick={onDownload} disabled={!!busy}>
              Tải tệp tổng hợp (.xlsx)
            </Button>
          </div>
          {written && (
            <MessageBar intent="success">
              <MessageBarBody>Đã ghi vào các trang mới: {written.map((n) => `“${n}”`).join(", ")}.</MessageBarBody>
            </MessageBar>
          )}
          <table className={styles.table} aria-label="Bảng tổng hợp">
            <thead>
              <tr>
                <th className={styles.cell} scope="col">TT</th>
                <th className={styles.cell} scope="col">Chỉ tiêu</th>
                <th className={styles.cell} scope="col">Cách tổng hợp</th>
                <th className={`${styles.cell} ${styles.num}`} scope="col">Tổng hợp</th>
                <th className={`${styles.cell} ${styles.num}`} scope="col">Số đơn vị</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((r) => (
                <tr key={r.key}>
                  <td className={styles.cell}>{r.tt}</td>
                  <td className={styles.cell}>
                    {r.name}
                    {r.unit ? ` (${r.unit})` : ""}
                  </td>
                  <td className={styles.cell}>{RULES[r.rule].label}</td>
                  <td className={`${styles.cell} ${styles.num}`}>{r.display || "—"}</td>
                  <td className={`${styles.cell} ${styles.num}`}>{coverageText(r.covered, r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Subtitle2 as="h2">Thiếu số liệu</Subtitle2>
          {owed.size === 0 && <Body1>Không đơn vị nào thiếu số liệu.</Body1>}
          {[...owed.entries()].map(([unit, items]) => {
            const failure = c.failures.find((f) => c.units[c.files.indexOf(f.file)] === unit);
            const text = owedMessage(
              unit,
              items.map((i) => ({ tt: i.tt, name: i.name, reason: i.label })),
              title.trim() || undefined,
              failure?.error,
            );
            return (
              <div key={unit} className={styles.unit}>
                <Body1>
                  <strong>{unit}</strong>: còn thiếu {items.length} mục
                </Body1>
                <Textarea id={`owed-${unitId(unit)}`} readOnly value={text} resize="vertical" aria-label={`Lời nhắc gửi ${unit}`} rows={Math.min(8, items.length + 4)} />
                <div className={styles.actions}>
                  <Button icon={<CopyRegular />} onClick={() => void onCopy(unit, text)}>
                    Sao chép lời nhắc gửi {unit}
                  </Button>
                  {copied === unit && <Caption1 role="status">Đã sao chép.</Caption1>}
                </div>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

function unitId(unit: string): string {
  return encodeURIComponent(unit).replace(/%/g, "_");
}
