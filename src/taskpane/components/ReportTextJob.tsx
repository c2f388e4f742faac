/**
 * "Viết đoạn văn": the section "Các chỉ tiêu chủ yếu" written from the checked table, as offices
 * write it, with "Sao chép" (HTML with the italics for Word, plain text otherwise) and "Tải .docx".
 *
 * Props:
 * - busy: a job is running (buttons disabled)
 * - analysis: the analysed sheet (null or no table: a hint is shown)
 * - levels: 2 → "đạt", 3 → "đạt và vượt" in the summary sentence
 * - preset: the layout preset, for the .docx's margins and body size
 * - renderDocx: loads the .docx renderer (injected from index.tsx; the pane imports no adapter)
 * - onDownload(name, bytes, mime): hands a file to the user (the port's download)
 * - onSelectCell: selects the cell behind a review mark
 */
import React, { useMemo, useRef, useState } from "react";
import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, CopyRegular, WarningRegular } from "@fluentui/react-icons";
import type { Analysis } from "../../app/analyse";
import type { PresetName } from "../../core/layout";
import { DOCX_MIME } from "../../app/port";
import { reportSection, reportStyle, sectionHtml, sectionText, type ReportDocxRenderer } from "../../app/report-text";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  page: {
    fontFamily: "'Times New Roman', Times, serif",
    fontSize: "15px",
    lineHeight: 1.45,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    maxHeight: "420px",
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  para: { margin: `0 0 ${tokens.spacingVerticalS} 0`, textAlign: "justify", textIndent: "1.5em" },
  heading: { margin: `0 0 ${tokens.spacingVerticalS} 0`, fontWeight: tokens.fontWeightSemibold },
  review: { backgroundColor: tokens.colorPaletteYellowBackground2, fontStyle: "normal" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { width: "100%", justifyContent: "flex-start", textAlign: "left", fontWeight: tokens.fontWeightRegular, minWidth: "0" },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface ReportTextViewProps {
  busy: boolean;
  analysis: Analysis | null;
  levels: 2 | 3;
  preset: PresetName;
  renderDocx: () => Promise<ReportDocxRenderer>;
  onDownload(name: string, bytes: Uint8Array, mime: string): Promise<void>;
  onSelectCell(target: { sheet: string; address: string }): void;
}

export function ReportTextJob({ busy, analysis, levels, preset, renderDocx, onDownload, onSelectCell }: ReportTextViewProps): JSX.Element {
  const styles = useStyles();
  const pageRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState("");
  const [working, setWorking] = useState(false);
  const section = useMemo(() => (analysis?.table ? reportSection(Object.assign(analysis, { table: analysis.table }), { levels }) : null), [analysis, levels]);
  if (!analysis?.table || !section) return <Body1>Chọn trang có bảng chỉ tiêu ở bước “Bảng chỉ tiêu” trước.</Body1>;

  const copy = async () => {
    const plain = sectionText(section, "plain");
    try {
      if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
        const html = sectionHtml(section, reportStyle(preset).bodySize);
        await navigator.clipboard.write([new ClipboardItem({ "text/html": new Blob([html], { type: "text/html" }), "text/plain": new Blob([plain], { type: "text/plain" }) })]);
      } else await navigator.clipboard.writeText(plain);
      setStatus("Đã sao chép đoạn văn (dán vào Word giữ chữ nghiêng).");
    } catch {
      // some Office hosts block the clipboard: select the text so Ctrl+C copies it
      const el = pageRef.current;
      if (el) {
        const range = document.createRange();
        range.selectNodeContents(el);
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
        el.focus();
      }
      setStatus("Đã chọn đoạn văn: bấm Ctrl+C để sao chép.");
    }
  };
  const download = async () => {
    setWorking(true);
    setStatus("Đang tạo tệp .docx…");
    try {
      const render = await renderDocx();
      const bytes = await render(section, reportStyle(preset));
      const name = `cac-chi-tieu-chu-yeu (${analysis.sheet}).docx`.replace(/[\\/:*?"<>|]+/g, " ");
      await onDownload(name, bytes, DOCX_MIME);
      setStatus(`Đã tải về “${name}”.`);
    } catch (e) {
      setStatus(`Không tạo được tệp .docx: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className={styles.stack}>
      <Caption1>Phần “Các chỉ tiêu chủ yếu” viết từ bảng đã kiểm tra: mỗi chỉ tiêu một câu, chỉ tiêu Nghị quyết in nghiêng trong ngoặc. Soát lại trước khi dùng.</Caption1>
      <div ref={pageRef} className={styles.page} tabIndex={0} role="document" aria-label="Đoạn văn các chỉ tiêu chủ yếu">
        {section.paragraphs.map((p, i) => (
          <p key={i} className={p.kind === "heading" || p.kind === "title" ? styles.heading : styles.para}>
            {p.runs.map((r, k) => (r.italic ? <em key={k}>{r.text}</em> : r.review ? <mark key={k} className={styles.review}>{r.text}</mark> : <React.Fragment key={k}>{r.text}</React.Fragment>))}
          </p>
        ))}
      </div>
      <div className={styles.actions}>
        <Button icon={<CopyRegular />} onClick={() => void copy()}>
          Sao chép
        </Button>
        <Button icon={<ArrowDownloadRegular />} disabled={busy || working} onClick={() => void download()}>
          Tải .docx
        </Button>
        {status && <Caption1 role="status">{status}</Caption1>}
      </div>
      {section.reviews.length > 0 && (
        <section aria-label="Chỗ cần xem lại">
          <Subtitle2 as="h3">Cần xem lại ({section.reviews.length})</Subtitle2>
          <ul className={styles.list}>
            {section.reviews.map((r, i) => (
              <li key={i}>
                <Button
                  className={styles.item}
                  appearance="subtle"
                  icon={<WarningRegular className={styles.warn} />}
                  disabled={busy || !r.cell}
                  onClick={() => r.cell && onSelectCell({ sheet: analysis.sheet, address: r.cell })}
                >
                  {r.cell ? `Ô ${r.cell}: ` : `Dòng ${r.row}: `}
                  {r.message}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
