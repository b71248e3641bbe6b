import { Injectable } from '@nestjs/common';

// Shared by every Clock instance in the process (API and in-process worker in tests).
const clockOffset = { ms: 0 };

/** The only source of "now" in the application; tests override it. */
@Injectable()
export class Clock {
  private get offsetMs(): number {
    return clockOffset.ms;
  }
  private set offsetMs(v: number) {
    clockOffset.ms = v;
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Today's date (Asia/Jakarta, where the agencies are) as YYYY-MM-DD. */
  today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(this.now());
  }
  /** Test hook: move the clock by a number of milliseconds. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}
