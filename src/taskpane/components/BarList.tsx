/** A small horizontal bar chart: label, bar, number. The numbers are text; the bars are decoration. */
import React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

export type Tone = "great" | "good" | "warn" | "bad" | "neutral";

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** "value/of" (e.g. achieved of total): the track shows `of`, the fill `value` */
  of?: number;
  tone: Tone;
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(80px, 36%) 1fr 5.5em",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  label: { overflowWrap: "anywhere" },
  track: { position: "relative", height: "10px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground5, overflow: "hidden" },
  scope: { position: "absolute", top: 0, left: 0, bottom: 0, backgroundColor: tokens.colorNeutralStroke2, borderRadius: tokens.borderRadiusMedium },
  fill: { position: "absolute", top: 0, left: 0, bottom: 0, borderRadius: tokens.borderRadiusMedium },
  great: { backgroundColor: tokens.colorPaletteGreenForeground1 },
  good: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  warn: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  bad: { backgroundColor: tokens.colorPaletteRedBackground3 },
  neutral: { backgroundColor: tokens.colorNeutralForeground4 },
  value: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums", textAlign: "right", whiteSpace: "nowrap" },
});

export function BarList({ items, max, suffix }: { items: BarItem[]; max: number; suffix?: string }): JSX.Element {
  const styles = useStyles();
  const pct = (n: number) => `${max > 0 ? Math.round((n / max) * 1000) / 10 : 0}%`;
  return (
    <ul className={styles.list}>
      {items.map((i) => (
        <li key={i.key} className={styles.row}>
          <span className={styles.label}>{i.label}</span>
          <span className={styles.track} aria-hidden="true">
            {i.of !== undefined && <span className={styles.scope} style={{ width: pct(i.of) }} />}
            <span className={mergeClasses(styles.fill, styles[i.tone])} style={{ width: pct(i.value) }} />
          </span>
          <span className={styles.value}>
            {i.of !== undefined ? `${i.value}/${i.of}` : i.value}
            {suffix ? ` ${suffix}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
