/**
 * Charts rendered on the server as SVG (no script, no inline style — the CSP allows neither): a bar
 * chart, a stacked bar chart and a line chart over the same category axis. Each is a `<figure>` with an
 * SVG of `role="img"` named by its `<title>` and `<desc>` (aria-labelledby), axis labels, numbers
 * formatted by Intl for the page's locale, a legend where there are several series, and its data as a
 * table in `<details>` (caption, th scope) — the table is the accessible form of the chart. Colours are
 * SVG presentation attributes (fill=, stroke=), which the CSP does not treat as inline styles; sizes
 * and the layout are in web.css (`.chart…`). Preact escapes every label.
 */
import type { ComponentChildren } from 'preact';
import { labelEvery, linear, niceTicks } from './scale.ts';

export interface ChartCategory {
  key: string;
  /** The category's name in the table (and on the axis when `short` is not given). */
  label: string;
  /** A shorter label for the x axis (e.g. "W14" for "week 14, 1–7 April 2024"). */
  short?: string;
}

export interface ChartSeries {
  key: string;
  label: string;
  /** One value per category; null = no value (a gap in a line; "–" in the table). */
  values: readonly (number | null)[];
}

export interface ChartProps {
  /** A page-unique id: the title, the description and the table hang on it. */
  id: string;
  /** A BCP 47 locale for the numbers (cs, en, …). */
  locale: string;
  title: string;
  /** The chart in words: what is counted and what the figures say. */
  desc: string;
  xLabel: string;
  yLabel: string;
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  /** The `<summary>` that opens the data table, e.g. "Data as a table". */
  tableLabel: string;
  /** The table's caption; default: the title. */
  caption?: string;
  /** Shown in the chart (and instead of the table's rows) when there is nothing to draw. */
  emptyText: string;
  /** Intl options for the values; default: whole numbers. */
  format?: Intl.NumberFormatOptions;
  /** A stacked chart's table gets a total column with this heading. */
  totalLabel?: string;
  /** The table's text for a null value. */
  nullText?: string;
  /** Columns of the table that are not drawn (e.g. the number of decisions behind a median). */
  tableOnly?: readonly ChartSeries[];
}

/** Colours of at least 4.5:1 on white, told apart by more than hue where it matters (lines also by dash and marker). */
export const PALETTE = ['#2362a2', '#b35900', '#2e7d32', '#6a3d9a', '#a3222f', '#00707a', '#5c5c5c'] as const;
const colour = (i: number) => PALETTE[i % PALETTE.length]!;

const W = 720;
const H = 300;
const M = { top: 20, right: 16, bottom: 56, left: 64 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const FONT = 12;

/** Coordinates to a tenth of a unit: enough on any screen, and the markup stays short. */
const round = (n: number) => Math.round(n * 10) / 10;

const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-');

function numberFormat(locale: string, format?: Intl.NumberFormatOptions) {
  const f = new Intl.NumberFormat(locale, format ?? { maximumFractionDigits: 0 });
  return (v: number | null, nullText = '–') => (v === null ? nullText : f.format(v));
}

interface Frame {
  ticks: number[];
  y: (v: number) => number;
  band: number;
  x: (i: number) => number;
  fmt: (v: number | null, nullText?: string) => string;
  empty: boolean;
}

function frame(p: ChartProps, max: number): Frame {
  const integer = !p.format || (p.format.maximumFractionDigits ?? 0) === 0;
  const ticks = niceTicks(max, { integer });
  const top = ticks[ticks.length - 1]!;
  const n = p.categories.length;
  const band = n ? PLOT_W / n : PLOT_W;
  const values = p.series.flatMap((s) => s.values);
  const y = linear(top, M.top + PLOT_H, M.top);
  return {
    ticks,
    y: (v) => round(y(v)),
    band,
    x: (i) => round(M.left + band * i + band / 2),
    fmt: numberFormat(p.locale, p.format),
    empty: n === 0 || values.every((v) => v === null || v === 0),
  };
}

/** The SVG with its name, description, axes, grid and labels; the marks are the children. */
function Svg({ p, f, children }: { p: ChartProps; f: Frame; children: ComponentChildren }) {
  const id = safeId(p.id);
  const labels = p.categories.map((c) => c.short ?? c.label);
  const every = labelEvery(labels.length, PLOT_W, Math.max(1, ...labels.map((l) => l.length)), FONT);
  return (
    <svg
      class="chart-svg"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{p.title}</title>
      <desc id={`${id}-desc`}>{p.desc}</desc>
      <g class="chart-grid">
        {f.ticks.map((t) => (
          <g>
            <line x1={M.left} x2={M.left + PLOT_W} y1={f.y(t)} y2={f.y(t)} stroke="#d9d9d9" stroke-width="1" />
            <text x={M.left - 8} y={f.y(t) + FONT / 3} text-anchor="end" class="chart-tick">
              {f.fmt(t)}
            </text>
          </g>
        ))}
      </g>
      <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + PLOT_H} stroke="#545454" stroke-width="1" />
      <line x1={M.left} x2={M.left + PLOT_W} y1={M.top + PLOT_H} y2={M.top + PLOT_H} stroke="#545454" stroke-width="1" />
      <g class="chart-x">
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text x={f.x(i)} y={M.top + PLOT_H + FONT + 6} text-anchor="middle" class="chart-tick">
              {l}
            </text>
          ) : null,
        )}
      </g>
      <text x={M.left + PLOT_W / 2} y={H - 8} text-anchor="middle" class="chart-axis-label">
        {p.xLabel}
      </text>
      <text x={16} y={M.top + PLOT_H / 2} text-anchor="middle" transform={`rotate(-90 16 ${M.top + PLOT_H / 2})`} class="chart-axis-label">
        {p.yLabel}
      </text>
      {children}
      {f.empty ? (
        <text x={M.left + PLOT_W / 2} y={M.top + PLOT_H / 2} text-anchor="middle" class="chart-empty">
          {p.emptyText}
        </text>
      ) : null}
    </svg>
  );
}

/** The chart's data as a table: a row per category, a column per series (and the total of a stacked chart). */
export function ChartTable({ p, fmt }: { p: ChartProps; fmt: Frame['fmt'] }) {
  if (!p.categories.length) return <p>{p.emptyText}</p>;
  const total = (i: number) => p.series.reduce((s, x) => s + (x.values[i] ?? 0), 0);
  const columns = [...p.series, ...(p.tableOnly ?? [])];
  return (
    <div class="chart-table-wrap">
      <table class="chart-table">
        <caption>{p.caption ?? p.title}</caption>
        <thead>
          <tr>
            <th scope="col">{p.xLabel}</th>
            {columns.map((s) => (
              <th scope="col">{s.label}</th>
            ))}
            {p.totalLabel ? <th scope="col">{p.totalLabel}</th> : null}
          </tr>
        </thead>
        <tbody>
          {p.categories.map((c, i) => (
            <tr>
              <th scope="row">{c.label}</th>
              {columns.map((s) => (
                <td>{fmt(s.values[i] ?? null, p.nullText)}</td>
              ))}
              {p.totalLabel ? <td>{fmt(total(i))}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Legend({ series, line }: { series: readonly ChartSeries[]; line?: boolean }) {
  if (series.length < 2) return null;
  return (
    <ul class="chart-legend gov-list--plain">
      {series.map((s, i) => (
        <li>
          <svg class="chart-swatch" viewBox="0 0 24 12" width="24" height="12" aria-hidden="true" focusable="false">
            {line ? (
              <>
                <line x1="0" x2="24" y1="6" y2="6" stroke={colour(i)} stroke-width="2" stroke-dasharray={i % 2 ? '4 3' : undefined} />
                <Marker i={i} cx={12} cy={6} />
              </>
            ) : (
              <rect x="4" y="0" width="16" height="12" fill={colour(i)} />
            )}
          </svg>
          <span>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}

function Figure({ p, f, line, children }: { p: ChartProps; f: Frame; line?: boolean; children: ComponentChildren }) {
  return (
    <figure class="chart" id={safeId(p.id)}>
      <Svg p={p} f={f}>
        {children}
      </Svg>
      <Legend series={p.series} line={line} />
      <details class="chart-data">
        <summary>{p.tableLabel}</summary>
        <ChartTable p={p} fmt={f.fmt} />
      </details>
    </figure>
  );
}

/** A value above its bar where there is room; a zero only where columns are few (many zero weeks would be noise). */
const showValue = (f: Frame, v: number) => !f.empty && f.band >= 24 && (v > 0 || f.band >= 60);

const barWidth = (band: number) => round(Math.min(48, band * 0.7));

/** One series as bars, each with its value above it where there is room. */
export function BarChart(p: ChartProps) {
  const s = p.series[0];
  const values = s ? s.values.map((v) => v ?? 0) : [];
  const f = frame(p, Math.max(0, ...values));
  const w = barWidth(f.band);
  const base = f.y(0);
  return (
    <Figure p={p} f={f}>
      <g class="chart-marks">
        {values.map((v, i) => (
          <g>
            {v > 0 ? <rect x={round(f.x(i) - w / 2)} y={f.y(v)} width={w} height={round(base - f.y(v))} fill={colour(0)} /> : null}
            {showValue(f, v) ? (
              <text x={f.x(i)} y={f.y(v) - 4} text-anchor="middle" class="chart-value">
                {f.fmt(v)}
              </text>
            ) : null}
          </g>
        ))}
      </g>
    </Figure>
  );
}

/** Several series stacked per category, the first at the bottom; the total above each column. */
export function StackedBarChart(p: ChartProps) {
  const totals = p.categories.map((_, i) => p.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const f = frame(p, Math.max(0, ...totals));
  const w = barWidth(f.band);
  return (
    <Figure p={p} f={f}>
      <g class="chart-marks">
        {p.categories.map((_, i) => {
          let acc = 0;
          return (
            <g>
              {p.series.map((s, k) => {
                const v = s.values[i] ?? 0;
                if (v <= 0) return null;
                const y0 = f.y(acc);
                acc += v;
                return (
                  <rect
                    x={round(f.x(i) - w / 2)}
                    y={f.y(acc)}
                    width={w}
                    height={round(y0 - f.y(acc))}
                    fill={colour(k)}
                    stroke="#fff"
                    stroke-width="1"
                  />
                );
              })}
              {showValue(f, totals[i]!) ? (
                <text x={f.x(i)} y={f.y(totals[i]!) - 4} text-anchor="middle" class="chart-value">
                  {f.fmt(totals[i]!)}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
    </Figure>
  );
}

function Marker({ i, cx, cy }: { i: number; cx: number; cy: number }) {
  // A circle, a square, a diamond…: the series differ by shape as well as by colour.
  const shape = i % 3;
  if (shape === 0) return <circle cx={cx} cy={cy} r="4" fill={colour(i)} />;
  if (shape === 1) return <rect x={cx - 4} y={cy - 4} width="8" height="8" fill={colour(i)} />;
  return <path d={`M${cx} ${cy - 5}L${cx + 5} ${cy}L${cx} ${cy + 5}L${cx - 5} ${cy}Z`} fill={colour(i)} />;
}

/** Series as lines through the categories' centres; a null value breaks the line (a lone value is a marker). */
export function LineChart(p: ChartProps) {
  const values = p.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const f = frame(p, Math.max(0, ...values));
  return (
    <Figure p={p} f={f} line>
      <g class="chart-marks">
        {p.series.map((s, k) => {
          const runs: string[] = [];
          let run: string[] = [];
          s.values.forEach((v, i) => {
            if (v === null) {
              if (run.length) runs.push(run.join(' '));
              run = [];
            } else run.push(`${run.length ? 'L' : 'M'}${f.x(i)} ${f.y(v)}`);
          });
          if (run.length) runs.push(run.join(' '));
          return (
            <g>
              {runs.map((d) => (
                <path d={d} fill="none" stroke={colour(k)} stroke-width="2" stroke-dasharray={k % 2 ? '6 4' : undefined} />
              ))}
              {s.values.map((v, i) => (v === null ? null : <Marker i={k} cx={f.x(i)} cy={f.y(v)} />))}
            </g>
          );
        })}
      </g>
    </Figure>
  );
}
