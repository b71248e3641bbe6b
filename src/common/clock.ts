import { Injectable } from '@nestjs/common';

/** The only source of "now" in the application; tests override it. */
@Injectable()
export class Clock {
  private offsetMs = 0;
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
