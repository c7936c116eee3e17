/**
 * A monthly calendar: tick 0 is the start month, one tick per month to the end month inclusive.
 * Dates are written YYYY, YYYY-MM or YYYY-MM-DD (or a year number); a date falls in the tick of its month.
 */
import type { Clock } from './clock.ts';

export type DateLike = string | number;

/** Months since year 0 for a date; a plain year means its January. */
export function monthIndex(date: DateLike): number {
  if (typeof date === 'number') return date * 12;
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0);
}

/** Days in a month (1–12) of a year of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether YYYY, YYYY-MM or YYYY-MM-DD names a day that exists (2001-02-30 does not). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** For an end date, a plain year means its December. */
export function endMonthIndex(date: DateLike): number {
  if (typeof date === 'number' || /^\d{4}$/.test(date)) return monthIndex(date) + 11;
  return monthIndex(date);
}

export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

export class Calendar implements Clock {
  readonly kind = 'month';
  readonly measuresInitialState = false;
  readonly startMonth: number;
  readonly endMonth: number;
  readonly ticks: number;
  readonly firstYear: number;
  readonly years: number;

  constructor(start: DateLike, end: DateLike) {
    this.startMonth = monthIndex(start);
    this.endMonth = endMonthIndex(end);
    if (this.endMonth < this.startMonth) throw new Error(`end ${end} is before start ${start}`);
    this.ticks = this.endMonth - this.startMonth + 1;
    this.firstYear = Math.floor(this.startMonth / 12);
    this.years = Math.floor(this.endMonth / 12) - this.firstYear + 1;
  }

  /** Tick of a date (may be outside 0..ticks-1 for dates outside the horizon). */
  tickOf(date: DateLike): number {
    return monthIndex(date) - this.startMonth;
  }
  /** Tick of an end date (a plain year means December). */
  endTickOf(date: DateLike): number {
    return endMonthIndex(date) - this.startMonth;
  }
  dateOf(tick: number): string {
    return formatMonth(this.startMonth + tick);
  }
  label(tick: number): string {
    return this.dateOf(tick);
  }
  labels(): string[] {
    return this.dates();
  }
  yearOf(tick: number): number {
    return Math.floor((this.startMonth + tick) / 12);
  }
  /** 0 = January ... 11 = December. */
  monthOf(tick: number): number {
    return (this.startMonth + tick) % 12;
  }
  contains(tick: number): boolean {
    return tick >= 0 && tick < this.ticks;
  }
  /** Index of the calendar year of a tick among the run's years. */
  yearIndexOf(tick: number): number {
    return this.yearOf(tick) - this.firstYear;
  }
  dates(): string[] {
    return Array.from({ length: this.ticks }, (_, t) => this.dateOf(t));
  }
  yearList(): number[] {
    return Array.from({ length: this.years }, (_, y) => this.firstYear + y);
  }
}
