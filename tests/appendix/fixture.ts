/**
 * Test fixture: the reference appendix (Thành ủy Bảo Lộc, Báo cáo 203-BC/ThU, 25/5/2023), its 33 rows
 * as printed, turned into an IndicatorTable and evaluated by the core engine.
 */
import { evaluate, parseStatusLabel } from "../../src/core/evaluate";
import type { IndicatorRow, IndicatorTable, ReportInfo, TableRow } from "../../src/core/model";
import { parseViNumber } from "../../src/core/numbers";

export const REFERENCE_TSV = "TT\tCHỈ TIÊU\tĐVT\tChỉ tiêu Nghị quyết ĐH VI\tKết quả thực hiện\tSo sánh NQ ĐH VI\nI\tCác chỉ tiêu về kinh tế - xã hội\t\t\t\t\n1\tVề kinh tế\t\t\t\t\n1.1\tTăng trưởng tổng giá trị sản xuất bình quân giai đoạn 2021 -2023 (theo giá so sánh năm 2010), trong đó:\t%/năm\t8,5-9,5\t7,8\tChưa đạt\n\t- Khu vực công nghiệp - xây dựng tăng\t%/năm\t9,5-11\t8,5\tChưa đạt\n\t- Khu vực dịch vụ tăng;\t%/năm\t10-11\t8,8\tChưa đạt\n\t- Khu vực nông, lâm nghiệp và thuỷ sản tăng.\t%/năm\t3,5-4,5\t3\tChưa đạt\n1.2\tTổng thu ngân sách nhà nước giai đoạn 2021-2023 ước đạt 8.397 tỷ đồng, tăng bình quân:\t%/năm\t11-12\t20,4\tĐạt\n\tTrong đó: thuế, phí tăng bình quân\t%/năm\t12-14\t19,4\tĐạt\n1.3\tTổng kim ngạch xuất khẩu 3 năm ước đạt 575 triệu USD, đạt 33% so kế hoạch giai đoạn 2021-2025.\t%/năm\t10\t8,5\tChưa đạt\n2\tVăn hóa – xã hội\t\t\t\t\n2.1\tTỷ lệ hộ nghèo\t%\t0,2 (theo tiêu chí cũ)\t0,37\tChưa đạt\n2.2\tTỷ lệ tăng dân số tự nhiên\t%\tdưới 1,0\t0,85\tĐạt\n2.3\t100% phường giữ vững chuẩn văn minh đô thị và đạt chuẩn phường phát triển toàn diện; 100% số xã đạt chuẩn nông thôn mới với chỉ số điểm chuẩn 90% trở lên.\t%\t100\t100\tĐạt\n\tCó 01 xã đạt chuẩn nông thôn mới kiểu mẫu.\txã\t01-02\t01\tĐạt\n2.4\tTỷ lệ bảo hiểm y tế toàn dân đến năm 2023\t%\t95\t93,3\tChưa đạt\n2.5\tCó 100% xã, phường đạt chuẩn quốc gia về y tế\t\t\t\t\n\tTỷ lệ bác sĩ/1 vạn dân.\tBác sĩ/1 vạn dân\t9-10\t10,79\tĐạt\n\tCó giường bệnh/1 vạn dân.\tgiường bệnh/1 vạn dân\t39\t34,11\tChưa đạt\n2.6\t- Tỷ lệ hộ gia đình văn hóa đạt %; - Thôn, tổ dân phố văn hóa đạt 100%; xã, phường đạt chuẩn văn hóa %;\t%\t90 – 95\t97,3\tĐạt\n\t- Cơ quan, đơn vị, doanh nghiệp có tổ chức công đoàn đạt chuẩn văn hóa;\t%\t98\t100\tĐạt\n\t+ Có 50% thôn, tổ dân phố đạt chuẩn “Khu dân cư tiêu biểu”,\t%\t50\t50\tĐạt\n\t+ Có 30% trở lên đạt “Khu dân cư kiểu mẫu”\t%\t30\t30\tĐạt\n2.7\tTỷ lệ kiên cố hóa trường lớp\t%\t95\t95\tĐạt\n\tSố trường công lập đạt chuẩn quốc gia giai đoạn 1 là 57/66 trường\t%\t100\t88,14\tChưa đạt\n\tSố trường công lập đạt chuẩn QG giai đoạn 2 là 18/57 trường.\t%\t50\t18,57\tChưa đạt\n2.8\tTỷ lệ hộ dân khu vực nội thị sử dụng nước hợp vệ sinh\t%\t> 98\t98\tĐạt\n\t- Sử dụng nước máy\t%\t> 90\t54,3\tChưa đạt\n\t- Sử dụng nước hợp vệ sinh khu vực nông thôn\t%\t> 98\t99\tĐạt\n2.9\tTỷ lệ thu gom và xử lý rác thải đô thị\t%\t95\t92\tChưa đạt\n2.10\tTỷ lệ che phủ rừng\t%\t> 6\t6,5\tĐạt\nII\tVề xây dựng hệ thống chính trị\t\t\t\t\n1\tHàng năm, có trên 80% tổ chức cơ sở đảng đạt tiêu chuẩn “Hoàn thành tốt nhiệm vụ” trở lên\t%\t> 80\t> 80\tĐạt\n\t- Kết nạp được 263 quần chúng ưu tú vào Đảng, đạt 47,8%.\tđảng viên mới/năm\tBình quân kết nạp từ 110 – 120\t263 đảng viên/ 3 năm\tChưa đạt";

export const REFERENCE_INFO: ReportInfo = {
  committee: "Đảng bộ thành phố Bảo Lộc",
  issuer: "Thành ủy Bảo Lộc",
  issuerShort: "Thành ủy",
  congress: "VI",
  termStart: 2020,
  termEnd: 2025,
  reportType: "so-ket",
  evaluationYear: 2023,
  reportNumber: "203-BC/ThU",
  reportDate: "2023-05-25",
  place: "Bảo Lộc",
};

/** Parse the TSV the way the sheet reads: groups have no unit/target/result; "-"/"+" marks sub-rows. */
export function tableFromTsv(tsv: string = REFERENCE_TSV, vocabulary: "dat" | "hoan-thanh" = "dat"): IndicatorTable {
  const lines = tsv.split("\n").filter((l) => l.trim() !== "");
  const rows: TableRow[] = [];
  const path: string[] = [];
  lines.slice(1).forEach((line, i) => {
    const [tt = "", name = "", unit = "", target = "", actual = "", reported = ""] = line.split("\t").map((s) => s.trim());
    const sheetRow = i + 2;
    if (!unit && !target && !actual) {
      if (tt && /^[IVX]+$/.test(tt)) {
        rows.push({ type: "group", row: sheetRow, tt, name, level: 0 });
        path.length = 0;
        path.push(name);
        return;
      }
      if (/^\d+$/.test(tt)) {
        rows.push({ type: "group", row: sheetRow, tt, name, level: 1 });
        path.length = 1;
        path.push(name);
        return;
      }
    }
    const m = /^([-+])\s*(.*)$/.exec(name);
    const num = parseViNumber(actual);
    const value: unknown = actual === "" ? null : num && !num.percent && !/^0\d/.test(actual) ? num.value : actual;
    const row: IndicatorRow = {
      type: "indicator",
      row: sheetRow,
      tt,
      name: m ? m[2] : name,
      unit,
      level: tt ? tt.split(".").length : 3,
      kind: "level",
      targetText: target,
      years: {},
      actual: value,
      actualSource: value === null ? "missing" : "given",
      reportedText: reported || undefined,
      reported: parseStatusLabel(reported),
      groupPath: [...path],
      cells: {},
    };
    if (m) row.marker = m[1] as "-" | "+";
    row.evaluation = evaluate({ target: target, actual: value, name: row.name, unit, groupName: path[path.length - 1], vocabulary });
    rows.push(row);
  });
  return { sheet: "Chỉ tiêu", mapping: { tt: "A", name: "B", unit: "C", target: "D", actual: "E", status: "F" }, headerRow: 1, rows, years: [], info: REFERENCE_INFO };
}
