import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError, type ErrorDetail } from './domain-errors';

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
// C0 controls and DEL; tab, LF and CR are allowed in free text only.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_STRICT = /[\u0000-\u001F\u007F]/;
// Bidi embeddings/overrides/isolates (Trojan Source) — refused everywhere.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
// Marks and zero-width characters that make two identifiers or names look alike — refused in those.
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\u061C\uFEFF\u00AD]/;

export type TextKind = 'identifier' | 'text';

/** Why a string may not be stored (null when it may). Identifiers and names get the strict rule. */
export function unsafeTextProblem(value: string, kind: TextKind): string | null {
  if ((kind === 'identifier' ? CONTROL_STRICT : CONTROL).test(value)) {
    return kind === 'identifier'
      ? 'must not contain control characters'
      : 'must not contain control characters other than tab and line breaks';
  }
  if (BIDI.test(value)) return 'must not contain bidirectional override characters';
  if (kind === 'identifier' && INVISIBLE.test(value))
    return 'must not contain zero-width or invisible formatting characters';
  return null;
}

// Keys that hold identifiers or names of people, units and positions.
const IDENTIFIER_KEY =
  /^(nip|name|code|title|id|period|month|year|status|kind|type|jenjang|golongan|scope|after)$|(Nip|Name|Code|Id|Title)$/;

export function textKindOfKey(key: string): TextKind {
  return IDENTIFIER_KEY.test(key) ? 'identifier' : 'text';
}

const MAX_DEPTH = 64;

function walk(value: unknown, path: string, kind: TextKind, out: ErrorDetail[], depth = 0): void {
  if (out.length >= 20 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    const problem = unsafeTextProblem(value, kind);
    if (problem) out.push({ field: path || 'body', problem });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v: unknown, i) => {
      walk(v, `${path}[${i}]`, kind, out, depth + 1);
    });
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const field = path ? `${path}.${k}` : k;
      // A key is stored too when an object is kept as JSON (rule-set overrides): keys are identifiers.
      if (unsafeTextProblem(k, 'identifier')) {
        out.push({
          field: path || 'body',
          problem: 'contains a key with control, bidirectional or invisible characters',
        });
        continue;
      }
      walk(v, field, textKindOfKey(k), out, depth + 1);
    }
  }
}

/**
 * Global, before validation: no string that reaches PostgreSQL carries NUL or other control
 * characters, and identifiers and names carry no bidi-override or zero-width characters.
 * Path and query parameters are identifiers. A CSV body (a string) is checked cell by cell
 * where it is parsed (employee import), since only there are its fields known.
 */
@Injectable()
export class SafeTextPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type === 'custom') return value;
    // CSV text or an .xlsx file (Buffer): checked per cell by its parser (row and column named).
    if (meta.type === 'body' && (typeof value === 'string' || Buffer.isBuffer(value))) return value;
    const out: ErrorDetail[] = [];
    if (meta.type === 'param' || meta.type === 'query') {
      if (meta.data && typeof value === 'string') {
        const problem = unsafeTextProblem(value, 'identifier');
        if (problem) out.push({ field: meta.data, problem });
      } else walk(value, '', 'identifier', out);
    } else walk(value, meta.data ?? '', 'identifier', out, 0);
    if (out.length) throw reject(out);
    return value;
  }
}

function reject(details: ErrorDetail[]): InvalidInputError {
  return new InvalidInputError('Data tidak valid / invalid input', details);
}
