import type { UseFormReturnType } from '@mantine/form';
import { ApiError, humanMessage } from '../api/errors';

/** `results[0].indicators[1].target` (API) → `results.0.indicators.1.target` (form path). */
export const formPath = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/**
 * Puts the API's `details[].field` messages on the form's fields (keeping what was typed) and returns
 * whether every detail found its field; the rest goes in the banner.
 */
export function applyApiErrors<T>(
  form: UseFormReturnType<T>,
  error: unknown,
  known: (path: string) => boolean = () => true,
): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const errors: Record<string, string> = {};
  let all = true;
  for (const d of error.details) {
    const path = formPath(d.field);
    if (known(path))
      errors[path] = errors[path] ? `${errors[path]}; ${humanMessage(d.problem)}` : humanMessage(d.problem);
    else all = false;
  }
  form.setErrors(errors);
  return all;
}
