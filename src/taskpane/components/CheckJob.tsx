/** The job "Kiểm tra": findings grouped by severity, counts by status and by area. */
import React, { useMemo, useRef, useState } from "react";
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, CopyRegular, ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import { statusLabel, type Status } from "../../core/evaluation/evaluate";
import { findingCell, STATUS_ORDER, type Analysis } from "../../app/analyse";
import { reportSection, sectionText } from "../../app/report-text";
import { AREA_LABELS } from "../../app/areas";
import type { PaneSettings } from "../../app/settings";
import { BarList } from "./BarList";
import { FINDING_LIST_STYLES } from "./shared-styles";

const useStyles = makeStyles({
  ...FINDING_LIST_STYLES,
  cell: {
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    maxWidth: "100%",
  },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  headline: { fontWeight: tokens.fontWeightSemibold },
  top: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  prose: { width: "100%", fontFamily: tokens.fontFamilyBase },
});

const SEVERITIES = [
  { key: "error", label: "Lỗi", Icon: ErrorCircleRegular },
  { key: "warning", label: "Cảnh báo", Icon: WarningRegular },
  { key: "info", label: "Lưu ý", Icon: InfoRegular },
] as const;

const STATUS_TONE: Record<Status, "good" | "great" | "warn" | "bad" | "neutral"> = {
  exceeded: "great",
  met: "good",
  near: "warn",
  not_met: "bad",
  not_evaluable: "neutral",
};

/** "2 lỗi, 1 cảnh báo và 3 lưu ý", leaving out the zeros */
function summary(errors: number, warnings: number, infos: number): string {
  const parts = [errors && `${errors} lỗi`, warnings && `${warnings} cảnh báo`, infos && `${infos} lưu ý`].filter(Boolean) as string[];
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} và ${parts[parts.length - 1]}` : parts[0] ?? "";
}

/** The messages start with "Ô E27: "; the cell is already shown above them. */
function withoutCellPrefix(message: string, address: string | undefined): string {
  if (!address) return message;
  const prefix = `Ô ${address}: `;
  if (!message.startsWith(prefix)) return message;
  const rest = message.slice(prefix.length);
  return rest.charAt(0).toLocaleUpperCase("vi") + rest.slice(1);
}

function shortName(name: string): string {
  const t = name.replace(/\s+/g, " ").trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

export interface CheckStepProps {
  busy: boolean;
  analysis: Analysis | null;
  settings: PaneSettings;
  /** Excel can select the cell; in a browser the cell becomes the active one of the saved file */
  canSelect: boolean;
  /** `focus`: the id of the finding's button, for the way back from the cell */
  onSelectCell(target: { sheet: string; address: string }, focus: string): void;
  onRecheck(): void;
}

/** Findings shown per severity before "Hiện thêm": long tables can have thousands. */
const PAGE = 50;

export function CheckJob({ busy, analysis, settings, canSelect, onSelectCell, onRecheck }: CheckStepProps): JSX.Element {
  const styles = useStyles();
  const [shown, setShown] = useState<Record<string, number>>({});
  const [copied, setCopied] = useState<"" | "copied" | "selected">("");
  const proseRef = useRef<HTMLTextAreaElement>(null);
  const prose = useMemo(() => {
    if (!analysis?.table) return "";
    return sectionText(reportSection(Object.assign(analysis, { table: analysis.table }), { levels: settings.levels }));
  }, [analysis, settings.levels]);
  const copyProse = async () => {
    try {
      await navigator.clipboard.writeText(prose);
      setCopied("copied");
    } catch {
      // some Office hosts block the clipboard API: select the text so Ctrl+C copies it
      proseRef.current?.focus();
      proseRef.current?.select();
      setCopied("selected");
    }
  };
  if (!analysis?.table) return <Body1>Chưa có bảng chỉ tiêu: chọn trang có bảng ở việc “Bảng chỉ tiêu” trước.</Body1>;
  const findings = analysis.findings;
  const names = new Map<number, string>();
  for (const r of analysis.table.rows) if (r.type === "indicator") names.set(r.row, shortName(r.name));
  const count = (k: string) => findings.filter((f) => f.severity === k).length;
  const labelOpts = { vocabulary: settings.vocabulary, levels: settings.levels };
  const total = analysis.indicators;
  const achieved = analysis.counts.met + analysis.counts.exceeded;
  const statuses = STATUS_ORDER.filter((s) => !(settings.levels === 2 && s === "exceeded"));
  const statusItems = statuses
    .map((s) => ({
      key: s,
      label: statusLabel(s, labelOpts),
      value: settings.levels === 2 && s === "met" ? achieved : analysis.counts[s],
      tone: STATUS_TONE[s],
    }))
    .filter((i) => i.value > 0 || i.key === "met" || i.key === "not_met");

  return (
    <div className={styles.stack}>
      <div className={styles.top}>
        <Body1 className={styles.headline}>
          {findings.length === 0 ? "Không thấy lỗi nào." : `Có ${summary(count("error"), count("warning"), count("info"))}.`}{" "}
          {findings.length > 0 && canSelect ? "Bấm vào một dòng để chọn ô đó trong Excel." : ""}
        </Body1>
        <Button icon={<ArrowClockwiseRegular />} disabled={busy} onClick={onRecheck}>
          Kiểm tra lại
        </Button>
      </div>
      {SEVERITIES.map(({ key, label, Icon }) => {
        const all = findings.filter((f) => f.severity === key);
        if (!all.length) return null;
        const limit = shown[key] ?? PAGE;
        const items = all.slice(0, limit);
        return (
          <section key={key} className={styles.section} aria-label={`${label} (${all.length})`}>
            <Subtitle2 as="h3">
              {label} ({all.length})
            </Subtitle2>
            <ul className={styles.list}>
              {items.map((f, i) => {
                const target = findingCell(f, analysis.sheet);
                const name = names.get(f.row);
                const id = `finding-${key}-${i}`;
                return (
                  <li key={`${f.code}-${f.cell}-${i}`}>
                    <Button
                      id={id}
                      className={styles.finding}
                      appearance="subtle"
                      icon={<Icon className={styles[key]} />}
                      disabled={busy || !target}
                      onClick={() => target && onSelectCell(target, id)}
                    >
                      <span className={styles.text}>
                        <span className={styles.cell}>
                          Ô {target?.address ?? "?"}
                          {name ? ` · ${name}` : ""}
                        </span>
                        <span>{withoutCellPrefix(f.message, target?.address)}</span>
                      </span>
                    </Button>
                  </li>
                );
              })}
            </ul>
            {all.length > limit && (
              <Button appearance="secondary" onClick={() => setShown({ ...shown, [key]: limit + PAGE * 4 })}>
                Hiện thêm {Math.min(PAGE * 4, all.length - limit)} / {all.length - limit} {label.toLowerCase()} còn lại
              </Button>
            )}
          </section>
        );
      })}
      {findings.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>Bảng không có lỗi nào mà công cụ kiểm tra được.</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-label="Số chỉ tiêu theo trạng thái">
        <Subtitle2 as="h3">Theo trạng thái</Subtitle2>
        <Caption1>
          {achieved}/{total} chỉ tiêu đạt{settings.levels === 3 ? " và vượt" : ""}.
        </Caption1>
        <BarList items={statusItems} max={total} />
      </section>

      <section className={styles.section} aria-label="Số chỉ tiêu đạt theo lĩnh vực">
        <Subtitle2 as="h3">Theo lĩnh vực</Subtitle2>
        <BarList
          items={analysis.areas.map((c) => ({
            key: c.area,
            label: AREA_LABELS[c.area],
            value: c.achieved,
            of: c.total,
            tone: "good" as const,
          }))}
          max={Math.max(1, ...analysis.areas.map((c) => c.total))}
          suffix="đạt"
        />
      </section>

      <section className={styles.section} aria-label="Đoạn văn gợi ý cho báo cáo">
        <Subtitle2 as="h3">Đoạn văn gợi ý cho báo cáo</Subtitle2>
        <Caption1>Phần “Các chỉ tiêu chủ yếu” như báo cáo viết: mỗi chỉ tiêu một câu, chỉ tiêu Nghị quyết trong ngoặc. Soát lại trước khi dùng.</Caption1>
        <Textarea
          className={styles.prose}
          textarea={{ ref: proseRef, "aria-label": "Đoạn văn gợi ý", readOnly: true }}
          value={prose}
          rows={8}
          resize="vertical"
        />
        <div className={styles.top}>
          <Button icon={<CopyRegular />} onClick={() => void copyProse()}>
            Sao chép đoạn văn
          </Button>
          {copied === "copied" && <Caption1 role="status">Đã sao chép.</Caption1>}
          {copied === "selected" && <Caption1 role="status">Đã chọn đoạn văn: bấm Ctrl+C để sao chép.</Caption1>}
        </div>
      </section>
    </div>
  );
}
