import ExcelJS from "exceljs";
import { FileWorkbookPort } from "../../../src/adapters/file/file-workbook";

describe("FileWorkbookPort.writeNewSheets", () => {
  test("adds sheets after the others, never over an existing one; values, merges and text TT kept", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Chỉ tiêu").getCell("A1").value = "của người dùng";
    wb.addWorksheet("Thiếu số liệu").getCell("A1").value = "không được ghi đè";
    const port = FileWorkbookPort.fromWorkbook(wb, "so.xlsx");
    const names = await port.writeNewSheets([
      { baseName: "Tổng hợp chỉ tiêu", values: [["TT", "Chỉ tiêu"], ["1.1", "Dân số"], ["2.10", "Thu ngân sách"]], textColumns: [0] },
      { baseName: "Thiếu số liệu", values: [["Đơn vị", null], ["Xã A", "Chưa đến kỳ"]], merges: ["A1:B1"], headerRows: 1 },
    ]);
    expect(names).toEqual(["Tổng hợp chỉ tiêu", "Thiếu số liệu (2)"]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Thiếu số liệu", "Tổng hợp chỉ tiêu", "Thiếu số liệu (2)"]);
    expect(wb.getWorksheet("Thiếu số liệu")!.getCell("A1").value).toBe("không được ghi đè");
    expect(wb.getWorksheet("Tổng hợp chỉ tiêu")!.getCell("A3").value).toBe("2.10");
    const m = wb.getWorksheet("Thiếu số liệu (2)")!;
    expect(m.getCell("A2").value).toBe("Xã A");
    expect(m.getCell("B1").isMerged).toBe(true);
    // and they read back through the port
    expect((await port.readSheet("Tổng hợp chỉ tiêu")).values[1]).toEqual(["1.1", "Dân số"]);
  });
});
