import { isCalendarDate } from '../../../src/common/dates';
import { textKindOfKey, unsafeTextProblem } from '../../../src/common/safe-text';
import { jsonDepth } from '../../../src/bootstrap/json-body-parser';

describe('unsafe text rules', () => {
  it('refuses NUL and other C0 controls everywhere, tab and line breaks only in identifiers', () => {
    expect(unsafeTextProblem('a\u0000b', 'text')).toMatch(/control/);
    expect(unsafeTextProblem('a\u001bb', 'text')).toMatch(/control/);
    expect(unsafeTextProblem('line 1\nline 2\tcol\r\n', 'text')).toBeNull();
    expect(unsafeTextProblem('Budi\tSantoso', 'identifier')).toMatch(/control/);
  });
  it('refuses bidi overrides everywhere and zero-width characters in identifiers and names', () => {
    expect(unsafeTextProblem('abc\u202Efdp.exe', 'text')).toMatch(/bidirectional/);
    expect(unsafeTextProblem('\u2066x\u2069', 'identifier')).toMatch(/bidirectional/);
    expect(unsafeTextProblem('Ani\u200BWati', 'identifier')).toMatch(/zero-width/);
    expect(unsafeTextProblem('\uFEFFDINKES', 'identifier')).toMatch(/zero-width/);
    expect(unsafeTextProblem('Ani\u200BWati', 'text')).toBeNull();
    expect(unsafeTextProblem('Dra. Siti Nurhaliza, M.Si.', 'identifier')).toBeNull();
    expect(unsafeTextProblem('Ruḍi Ñoño Çelik', 'identifier')).toBeNull();
  });
  it('treats names, codes, NIPs and ids as identifiers and other fields as free text', () => {
    for (const k of ['nip', 'name', 'code', 'unitCode', 'supervisorNip', 'employeeId', 'title', 'positionTitle'])
      expect(textKindOfKey(k)).toBe('identifier');
    for (const k of ['description', 'reason', 'justification', 'notes', 'password'])
      expect(textKindOfKey(k)).toBe('text');
  });
});

describe('JSON depth before parsing', () => {
  it('counts nesting without recursion and ignores brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[["}')).toBe(1);
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('[['.repeat(100_000))).toBe(65);
  });
});

describe('calendar dates', () => {
  it('accepts real days only, written YYYY-MM-DD', () => {
    expect(isCalendarDate('2026-03-31')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of [
      '2026-03',
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-3-1',
      '2026-03-31T00:00:00Z',
      20260331,
    ])
      expect(isCalendarDate(bad)).toBe(false);
  });
});
