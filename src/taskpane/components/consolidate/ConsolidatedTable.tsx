/** The consolidated table as the pane shows it: rule, figure, units counted, the whole's target and verdict (in words). */
import React from "react";
import type { ConsolidatedIndicator } from "../../../core/consolidate/consolidate";
import { coverageText, RULES } from "../../../core/consolidate/rules";
import { useConsolidateStyles } from "./consolidate-styles";

export function ConsolidatedTable({ rows }: { rows: ConsolidatedIndicator[] }): JSX.Element {
  const styles = useConsolidateStyles();
  const num = `${styles.cell} ${styles.num}`;
  return (
    <table className={styles.table} aria-label="Bảng tổng hợp">
      <thead>
        <tr>
          <th className={styles.cell} scope="col">TT</th>
          <th className={styles.cell} scope="col">Chỉ tiêu</th>
          <th className={styles.cell} scope="col">Cách tổng hợp</th>
          <th className={num} scope="col">Tổng hợp</th>
          <th className={num} scope="col">Số đơn vị</th>
          <th className={styles.cell} scope="col">Chỉ tiêu chung</th>
          <th className={styles.cell} scope="col">Đánh giá</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td className={styles.cell}>{r.tt}</td>
            <td className={styles.cell}>
              {r.nameText ?? r.name}
              {r.unit ? ` (${r.unitText ?? r.unit})` : ""}
            </td>
            <td className={styles.cell}>{RULES[r.rule].label}</td>
            <td className={num}>{r.display || "—"}</td>
            <td className={num}>{coverageText(r.covered, r.total)}</td>
            <td className={styles.cell}>{r.target || "—"}</td>
            <td className={styles.cell} title={r.targetNote}>
              {r.statusLabel ?? (r.value !== null && r.targetNote ? "Chưa đánh giá" : "—")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
