/** In Excel: what this Excel lacks and what still works, folded under one line (keyboard: a native <details>). */
import React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { SupportReport } from "../../app/excel-support";

const useStyles = makeStyles({
  box: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase200 },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

export function SupportNote({ report }: { report: SupportReport }): JSX.Element | null {
  const styles = useStyles();
  if (!report.lacks.length) return null;
  return (
    <details className={styles.box}>
      <summary>
        <Caption1>Excel này thiếu {report.lacks.length} tính năng; các việc chính vẫn làm được. Xem chi tiết</Caption1>
      </summary>
      <ul className={styles.list} aria-label="Excel này thiếu">
        {report.lacks.map((l) => (
          <li key={l.feature}>
            Chưa có {l.feature} (cần {l.needs}): {l.without}.
          </li>
        ))}
      </ul>
      <Caption1>Vẫn làm được: {report.works.join("; ")}.</Caption1>
    </details>
  );
}
