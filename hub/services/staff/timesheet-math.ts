import { floorToMinute, MS_PER_MINUTE, type DayWindow } from './local-days.js';

/** A shift in milliseconds: an open shift or break ends at `now` for counting. */
export interface ShiftSpan {
  startMs: number;
  endMs: number | null;
  breaks: { startMs: number; endMs: number | null }[];
}

export interface DayMinutes {
  date: string;
  workedMinutes: number;
  breakMinutes: number;
}

function overlapMs(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
}

/** Milliseconds present and on break within one window, for one shift. */
function spanInWindow(
  span: ShiftSpan,
  window: DayWindow,
  nowMs: number,
): { present: number; onBreak: number } {
  const start = floorToMinute(span.startMs);
  const end = floorToMinute(span.endMs ?? nowMs);
  if (end <= start) return { present: 0, onBreak: 0 };
  const present = overlapMs(start, end, window.startMs, window.endMs);
  if (present === 0) return { present, onBreak: 0 };
  let onBreak = 0;
  for (const b of span.breaks) {
    const bStart = Math.max(start, floorToMinute(b.startMs));
    const bEnd = Math.min(end, floorToMinute(b.endMs ?? end));
    if (bEnd > bStart) onBreak += overlapMs(bStart, bEnd, window.startMs, window.endMs);
  }
  return { present, onBreak };
}

/**
 * Worked and break minutes of each local day. Every instant is floored to the minute first and local
 * midnights fall on whole minutes, so each day's figures are whole minutes and the days add up exactly to
 * the period's total. Break time lies inside its shift and is not worked time.
 */
export function minutesPerDay(
  spans: readonly ShiftSpan[],
  days: readonly DayWindow[],
  nowMs: number,
): DayMinutes[] {
  return days.map((day) => {
    let present = 0;
    let onBreak = 0;
    for (const span of spans) {
      const part = spanInWindow(span, day, nowMs);
      present += part.present;
      onBreak += part.onBreak;
    }
    return {
      date: day.date,
      workedMinutes: (present - onBreak) / MS_PER_MINUTE,
      breakMinutes: onBreak / MS_PER_MINUTE,
    };
  });
}

/** The whole shift's minutes, counted the same way as the timesheet's days. */
export function spanMinutes(span: ShiftSpan, nowMs: number): { workedMinutes: number; breakMinutes: number } {
  const { present, onBreak } = spanInWindow(span, { date: '', startMs: -Infinity, endMs: Infinity }, nowMs);
  return { workedMinutes: (present - onBreak) / MS_PER_MINUTE, breakMinutes: onBreak / MS_PER_MINUTE };
}
