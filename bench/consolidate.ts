/**
 * Consolidation bench: 150 unit workbooks × 60 indicators (template layout with Cách tổng hợp and
 * Trọng số; counts, money, weighted rates, growth from levels), consolidated file by file as
 * `chitieu tong-hop` does, against reading the same files alone.
 * Goal: consolidate_ratio_vs_read_150 ≤ 1.5 (reading = loading the files' cells). Also reported against
 * reading each unit's table as `check` does (consolidate_ratio_vs_check_each_150). Heap sampled every
 * 25 files: it should stay flat.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadWorkbookFile } from "../src/adapters/xlsx/read-file";
import { gridSource, requireTable } from "../src/app/analyse";
import { consolidateUnits, type UnitSource } from "../src/app/consolidate";
import { heapUsedMb, interleaved, ratio, ratioFigures, round } from "./util";

const UNITS = 150;
const INDICATORS = 60;
const HEADER = ["TT", "Chỉ tiêu", "ĐVT", "Loại", "Chỉ tiêu Nghị quyết", "Đầu kỳ", "Năm 2021", "Năm 2022", "Năm 2023", "Kết quả thực hiện", "Đánh giá", "Ghi chú", "Cách tổng hợp", "Đơn vị chủ trì", "Trọng số"];

/** One unit's workbook: 60 indicators in 4 groups, numbers varied by unit. */
export async function writeUnit(file: string, k: number): Promise<void> {
  let seed = 11 + k * 7919;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chỉ tiêu");
  ws.addRow(HEADER);
  for (let i = 0; i < INDICATORS; i++) {
    if (i % 15 === 0) ws.addRow([["I", "II", "III", "IV"][i / 15], `Nhóm chỉ tiêu ${i / 15 + 1}`]);
    const tt = String(i + 1);
    const kind = i % 5;
    const missing = rnd() < 0.03;
    if (kind === 0) ws.addRow([tt, `Số lao động được tạo việc làm ${i}`, "người", null, "1000", null, null, null, null, missing ? "chưa có số liệu" : Math.round(800 + rnd() * 400), null, null, null, "Phòng Lao động"]);
    else if (kind === 1) ws.addRow([tt, `Thu ngân sách lĩnh vực ${i}`, "tỷ đồng", null, "50", null, null, null, null, missing ? null : Math.round(rnd() * 10000) / 100, null, null, null, "Phòng Tài chính"]);
    else if (kind === 2) ws.addRow([tt, `Tỷ lệ hộ đạt tiêu chí ${i}`, "%", null, "90", null, null, null, null, Math.round(70 + rnd() * 3000) / 100, null, null, "Bình quân gia quyền theo Trọng số", null, Math.round(500 + rnd() * 5000)]);
    else if (kind === 3) {
      // a level with its Đầu kỳ and years; the next row's growth is recomputed from it
      const base = 100 + rnd() * 900;
      const ys = [1, 2, 3].map((n) => Math.round(base * Math.pow(1 + rnd() * 0.1, n) * 10) / 10);
      ws.addRow([tt, `Giá trị sản xuất ngành ${i}`, "tỷ đồng", null, null, Math.round(base * 10) / 10, ...ys]);
    } else if (i % 10 === 4) {
      const rates = [1, 2, 3].map(() => Math.round(rnd() * 100) / 10);
      ws.addRow([tt, `Tốc độ tăng giá trị sản xuất ngành ${i - 1} bình quân`, "%/năm", "Tốc độ tăng bình quân", "7", null, ...rates, null, null, null, `Tính lại từ tổng mức theo ${i}`]);
    } else ws.addRow([tt, `Diện tích trồng cây ${i}`, "ha", null, "200", null, null, null, null, missing ? "Chưa đến kỳ" : Math.round(rnd() * 30000) / 100]);
  }
  const wi = wb.addWorksheet("Thông tin");
  wi.addRow(["Thông tin", "Giá trị", "Ví dụ"]);
  wi.addRow(["Nhiệm kỳ", "2020-2025"]);
  wi.addRow(["Đơn vị", `Xã số ${k + 1}`]);
  await wb.xlsx.writeFile(file);
}

export async function benchConsolidate() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-bench-tong-hop-"));
  try {
    const files: string[] = [];
    for (let k = 0; k < UNITS; k++) {
      const f = path.join(dir, `xa-${String(k + 1).padStart(3, "0")}.xlsx`);
      await writeUnit(f, k);
      files.push(f);
    }
    let indicators = 0;
    let covered = "";
    const heaps: number[] = [];
    const sources = (track: boolean): UnitSource[] =>
      files.map((file, i) => ({
        file,
        open: async () => {
          if (track && i % 25 === 0) heaps.push(heapUsedMb());
          return gridSource(await loadWorkbookFile(file));
        },
      }));
    const runConsolidate = async () => {
      const { consolidation } = await consolidateUnits(sources(false));
      const rows = consolidation.rows.filter((r) => r.type === "indicator");
      indicators = rows.length;
      const first = rows[0];
      covered = first.type === "indicator" ? `${first.covered}/${first.total}` : "";
    };
    const runRead = async () => {
      for (const f of files) await loadWorkbookFile(f);
    };
    // reading each unit's table as `check` does (read + reader + evaluation + checks), for scale
    const runCheckEach = async () => {
      for (const f of files) await requireTable(gridSource(await loadWorkbookFile(f)));
    };
    // interleaved A B C A B C …, medians with their spread
    const t = await interleaved({ consolidate: runConsolidate, read: runRead, check: runCheckEach }, 5, 1);
    // memory: heap sampled every 25 files of one more run
    await consolidateUnits(sources(true));
    return {
      consolidate_units: UNITS,
      consolidate_indicators: indicators,
      consolidate_first_covered: covered,
      consolidate_ms_150: round(t.consolidate.median, 1),
      consolidate_read_ms_150: round(t.read.median, 1),
      ...ratioFigures("consolidate_ratio_vs_read_150", ratio(t.consolidate, t.read)),
      consolidate_check_each_ms_150: round(t.check.median, 1),
      ...ratioFigures("consolidate_ratio_vs_check_each_150", ratio(t.consolidate, t.check)),
      consolidate_heap_growth_mb_per_100_files: heaps.length > 1 ? round(((heaps[heaps.length - 1] - heaps[0]) / ((heaps.length - 1) * 25)) * 100, 2) : 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
