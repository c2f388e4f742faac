/**
 * A small trajectory chart in SVG: the actual path (solid, dots), the target path (dashed), the pace
 * still needed (dotted, triangles), the years left shaded. Accessible: role="img" with the verdict
 * in its label, and the verdict is also printed as text under the chart; the three lines differ by
 * dash and marker and a text legend names them, so colour is never the only signal. Fits 360 px.
 */
import React from "react";
import { axisRange, SERIES_NAMES, type Trajectory } from "../../core/outlook";
import { formatViNumber } from "../../core/text/numbers";

const W = 320;
const H = 170;
const PAD = { left: 40, right: 18, top: 10, bottom: 24 };
const COLORS = { actual: "#1F4E79", target: "#595959", needed: "#C55A11", shade: "#EDEDED" };

export interface TrajectoryChartProps {
  trajectory: Trajectory;
  /** id prefix for the title element (unique per chart on the page) */
  id: string;
}

export function TrajectoryChart({ trajectory: t, id }: TrajectoryChartProps): JSX.Element {
  const { min: lo, max: hi } = axisRange([...t.actual, ...t.target, ...t.needed]);
  const n = t.years.length;
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * i) / Math.max(1, n - 1);
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - (v - lo) / (hi - lo || 1));
  const path = (vals: Array<number | null>) => {
    let d = "";
    let pen = false;
    vals.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const ri = t.years.indexOf(t.reportYear);
  const shadeFrom = ri >= 0 ? x(ri) : null;
  const f = (v: number) => formatViNumber(v, { decimals: 2 });
  const label = `${t.title}. ${t.valueLabel}. ${t.verdict}`;
  const titleId = `${id}-title`;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={titleId} style={{ maxWidth: W * 1.25, display: "block" }}>
        <title id={titleId}>{label}</title>
        {shadeFrom !== null && ri < n - 1 && <rect x={shadeFrom} y={PAD.top} width={x(n - 1) - shadeFrom} height={H - PAD.top - PAD.bottom} fill={COLORS.shade} />}
        {[lo, (lo + hi) / 2, hi].map((v, i) => (
          <g key={i}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#D9D9D9" strokeWidth={0.5} />
            <text x={PAD.left - 4} y={y(v) + 3} fontSize={9} textAnchor="end" fill="#404040">
              {f(v)}
            </text>
          </g>
        ))}
        {t.years.map((yr, i) => (
          <text key={yr} x={x(i)} y={H - 8} fontSize={9} textAnchor="middle" fill="#404040">
            {yr}
          </text>
        ))}
        <path d={path(t.target)} fill="none" stroke={COLORS.target} strokeWidth={1.5} strokeDasharray="6 4" />
        <path d={path(t.needed)} fill="none" stroke={COLORS.needed} strokeWidth={1.5} strokeDasharray="2 3" />
        <path d={path(t.actual)} fill="none" stroke={COLORS.actual} strokeWidth={2.5} />
        {t.actual.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={COLORS.actual} />))}
        {t.needed.map((v, i) =>
          v === null || t.actual[i] !== null ? null : (
            <path key={i} d={`M${x(i)},${y(v) - 4}l4,7h-8z`} fill={COLORS.needed} />
          ),
        )}
      </svg>
      <figcaption style={{ fontSize: 12, lineHeight: 1.4 }}>
        <span aria-hidden="true" style={{ whiteSpace: "nowrap", marginRight: 8 }}>
          <span style={{ color: COLORS.actual }}>━●</span> {SERIES_NAMES.actual}
        </span>{" "}
        <span aria-hidden="true" style={{ whiteSpace: "nowrap", marginRight: 8 }}>
          <span style={{ color: COLORS.target }}>╌╌</span> {SERIES_NAMES.target}
        </span>{" "}
        <span aria-hidden="true" style={{ whiteSpace: "nowrap", marginRight: 8 }}>
          <span style={{ color: COLORS.needed }}>┈▲</span> {SERIES_NAMES.needed}
        </span>{" "}
        <span aria-hidden="true" style={{ whiteSpace: "nowrap" }}>
          <span style={{ background: COLORS.shade, padding: "0 6px" }}>&nbsp;</span> các năm còn lại
        </span>
        <br />
        <span>{t.valueLabel}</span>
      </figcaption>
    </figure>
  );
}
