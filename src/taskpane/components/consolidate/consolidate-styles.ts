/** Styles of the "Tổng hợp" view's parts, in one place. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { STACK_STYLES } from "../shared-styles";

export const useConsolidateStyles = makeStyles({
  stack: STACK_STYLES.stack,
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hiddenInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "left", verticalAlign: "top" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  unit: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  rule: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(180px, 1fr)", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
});
