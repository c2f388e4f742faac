/**
 * Which sheet of a workbook is which, in one place: the CLI, the task pane and the bench all find
 * the "Thông tin" sheet and choose the indicator sheet through here.
 */
import { foldText } from "../text/fold";
import { INDICATOR_SHEET } from "../sample";

/** Folded names of the report-information sheet ("Thông tin", "ThongTin", "Info"). */
export const INFO_SHEET_NAMES: readonly string[] = ["thong tin", "thongtin", "info"];

export function isInfoSheetName(name: string): boolean {
  return INFO_SHEET_NAMES.includes(foldText(name));
}

/** The report-information sheet's name, if the workbook has one. */
export function findInfoSheetName(names: readonly string[]): string | undefined {
  return names.find(isInfoSheetName);
}

/**
 * The order in which sheets are tried for an indicator table: the sheets the user chose or last
 * used first (`preferred`), then one named "Chỉ tiêu", then the others in workbook order; the
 * information sheet never.
 */
export function indicatorSheetOrder(names: readonly string[], preferred: ReadonlyArray<string | undefined> = []): string[] {
  const indicator = foldText(INDICATOR_SHEET);
  const rest = [...names].sort((a, b) => (foldText(a) === indicator ? 0 : 1) - (foldText(b) === indicator ? 0 : 1));
  const order = [...preferred, ...rest].filter((n): n is string => !!n && names.includes(n) && !isInfoSheetName(n));
  return order.filter((n, i) => order.indexOf(n) === i);
}
