/** The browser page opens .ods like .xlsx, and refuses .xls, passwords and other zips with the CLI's words. */
import { FileWorkbookPort } from "../../../src/adapters/file/file-workbook";
import { odsBytes, xlsxBytes, zipBytes } from "../../support/raw-package";
import { readIndicatorTable } from "../../../src/core/sheet/reader";

const cell = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
const num = (v: number) => `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
const row = (...c: string[]) => `<table:table-row>${c.join("")}</table:table-row>`;

test("an .ods opens; its table reads like the .xlsx one", async () => {
  const bytes = odsBytes([
    {
      name: "Chỉ tiêu",
      rows: [
        row(cell("TT"), cell("Chỉ tiêu"), cell("ĐVT"), cell("Chỉ tiêu Nghị quyết"), cell("Kết quả thực hiện")),
        row(cell("1"), cell("Tốc độ tăng trưởng kinh tế"), cell("%"), cell("8,5-9,5"), num(7.8)),
        row(cell("2"), cell("Tỷ lệ che phủ rừng"), cell("%"), cell("&gt; 6"), num(6.5)),
      ],
    },
  ]);
  const port = await FileWorkbookPort.open("bang.ods", bytes);
  expect(await port.listSheets()).toEqual(["Chỉ tiêu"]);
  const g = await port.readSheet("Chỉ tiêu");
  expect(g.values[2]).toEqual(["2", "Tỷ lệ che phủ rừng", "%", "> 6", 6.5]);
  const r = readIndicatorTable(g);
  expect(r.ok).toBe(true);
  expect(port.label).toBe("bang.xlsx");
});

test(".xls, password, zip without a workbook, Word file, truncated zip: the CLI's sentences", async () => {
  const cfb = new Uint8Array(2048);
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await expect(FileWorkbookPort.open("cu.xls", cfb)).rejects.toThrow('Tệp "cu.xls" là sổ Excel cũ (.xls)');
  cfb.set(Array.from(Buffer.from("EncryptionInfo", "utf16le")), 1024);
  await expect(FileWorkbookPort.open("mk.xlsx", cfb)).rejects.toThrow("được đặt mật khẩu");
  await expect(FileWorkbookPort.open("anh.zip", zipBytes([{ name: "anh.png", data: "x" }]))).rejects.toThrow("là tệp nén (zip) nhưng không phải sổ Excel");
  await expect(FileWorkbookPort.open("vb.docx", zipBytes([{ name: "word/document.xml", data: "<w/>" }]))).rejects.toThrow("không phải bảng tính");
  const good = xlsxBytes({ sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
  await expect(FileWorkbookPort.open("cut.xlsx", good.subarray(0, good.length - 30))).rejects.toThrow("bị cắt cụt");
});
