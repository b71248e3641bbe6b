import { ValidateBy, ValidationOptions } from 'class-validator';

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar day written YYYY-MM-DD (no reduced precision like `2026-03`, no `2026-02-30`). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The one date rule for bodies and query parameters alike. */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOnly',
      validator: { validate: (v) => isCalendarDate(v), defaultMessage: () => 'must be a calendar date YYYY-MM-DD' },
    },
    options,
  );
}
