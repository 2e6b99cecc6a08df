/** Summaries and plain-text tables for the bench output. Timings are reported, never asserted. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** One table a section prints: a title, column headers, rows of cells, notes below. */
export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  /** Which columns are right-aligned (numbers); by default every column but the first. */
  alignLeft?: number[];
  notes?: string[];
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const ratio = (value: number): string => `${value.toFixed(2)}×`;

/** The usual timing cells: median, min, max, runs. */
export const timingCells = (s: Summary): string[] => [
  ms(s.median),
  ms(s.min),
  ms(s.max),
  `${s.runs}`,
];

export function formatTable(table: Table): string {
  const left = new Set(table.alignLeft ?? [0]);
  const widths = table.headers.map((header, col) =>
    Math.max(width(header), ...table.rows.map((row) => width(row[col] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, col) =>
        left.has(col) ? padEnd(cell, widths[col]!) : padStart(cell, widths[col]!),
      )
      .join('  ')
      .trimEnd();
  const out = [
    `== ${table.title}`,
    line(table.headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.rows.map(line),
  ];
  for (const note of table.notes ?? []) out.push(`   ${note}`);
  return out.join('\n');
}

/** Display width: the ×, ≤ and → signs are one column; CJK would be two but is not used here. */
const width = (text: string): number => [...text].length;
const padEnd = (text: string, w: number): string => text + ' '.repeat(Math.max(0, w - width(text)));
const padStart = (text: string, w: number): string =>
  ' '.repeat(Math.max(0, w - width(text))) + text;

/** The closing table: every figure of issue 13 beside its goal. */
export function goalsTable(goals: { measure: string; now: string; goal: string; met: boolean }[]) {
  return formatTable({
    title: 'issue 13 goals (medians of this run)',
    headers: ['measure', 'now', 'goal', ''],
    rows: goals.map((g) => [g.measure, g.now, g.goal, g.met ? 'met' : 'NOT met']),
    alignLeft: [0, 2, 3],
  });
}
