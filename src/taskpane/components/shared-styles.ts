/**
 * Style rules several steps share, spread into each component's makeStyles: the list of findings
 * (Kiểm tra, Đối chiếu báo cáo) and the form rows (Tính trạng thái, Tạo phụ lục, Bảng chỉ tiêu).
 */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** A vertical stack of sections, each a title and its content. */
export const STACK_STYLES = {
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
} satisfies Record<string, GriffelStyle>;

/** Findings as a list of full-width buttons, each selecting its cell; the colours go with an icon and words. */
export const FINDING_LIST_STYLES = {
  ...STACK_STYLES,
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  finding: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    alignItems: "flex-start",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    minWidth: "0",
  },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: "0", overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
  info: { color: tokens.colorBrandForeground1 },
} satisfies Record<string, GriffelStyle>;

/** Form fields in a responsive grid. */
export const FORM_STYLES = {
  stack: STACK_STYLES.stack,
  row: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))", gap: tokens.spacingHorizontalM, alignItems: "start" },
  dropdown: { minWidth: "0", width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
} satisfies Record<string, GriffelStyle>;
