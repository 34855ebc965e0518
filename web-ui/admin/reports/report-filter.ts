// The filter every report takes, kept in the page address so a report can be bookmarked and shared.
// Pure: no DOM, tested in tests/web-ui.

export interface ReportFilter {
  /** Local dates of the store, 'YYYY-MM-DD', both included. */
  from: string;
  to: string;
  tillId: string | null;
  staffId: string | null;
  categoryId: string | null;
}

export type RangePreset = 'today' | 'yesterday' | 'last7' | 'last30' | 'thisMonth' | 'lastMonth' | 'thisYear';
export const RANGE_PRESETS: readonly RangePreset[] = [
  'today',
  'yesterday',
  'last7',
  'last30',
  'thisMonth',
  'lastMonth',
  'thisYear',
];

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Today's date in a time zone (the store's), as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', timeZone === undefined ? {} : { timeZone }).format(now);
}

/** The dates a preset stands for, counted from `today`. */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  const t = ms(today);
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: iso(t - DAY_MS), to: iso(t - DAY_MS) };
    case 'last7':
      return { from: iso(t - 6 * DAY_MS), to: today };
    case 'last30':
      return { from: iso(t - 29 * DAY_MS), to: today };
    case 'thisMonth':
      return { from: iso(Date.UTC(y, m - 1, 1)), to: today };
    case 'lastMonth':
      return { from: iso(Date.UTC(y, m - 2, 1)), to: iso(Date.UTC(y, m - 1, 1) - DAY_MS) };
    case 'thisYear':
      return { from: `${String(y)}-01-01`, to: today };
  }
}

/** The filter in a page address; missing or malformed dates fall back to the last 7 days. */
export function filterFromQuery(query: URLSearchParams, today: string): ReportFilter {
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const valid = DATE.test(from) && DATE.test(to) && from <= to;
  const range = valid ? { from, to } : presetRange('last7', today);
  const id = (key: string) => {
    const value = query.get(key);
    return value === null || value === '' ? null : value;
  };
  return { ...range, tillId: id('tillId'), staffId: id('staffId'), categoryId: id('categoryId') };
}

/** The hub's query string for a filter, plus extra parameters of one report. */
export function filterQuery(filter: ReportFilter, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.tillId !== null) params.set('tillId', filter.tillId);
  if (filter.staffId !== null) params.set('staffId', filter.staffId);
  if (filter.categoryId !== null) params.set('categoryId', filter.categoryId);
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params.toString();
}

/** Change from the previous period in basis points, or null when there was nothing to compare with. */
export function changeBp(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) * 10_000) / Math.abs(previous));
}
