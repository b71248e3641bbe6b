import {
  computeAllowanceMonth,
  R_TPP_DEMO,
  RuleInputError,
  validatedRuleSet,
  type AllowanceMonthInput,
  type AllowanceRuleSet,
} from '../../../src/rules';
import { toDec, toDecOf } from '../../../src/rules/common/decimal';

/** A fresh copy of the demo rule set as a run reads it from the database (JSON). */
const fromJson = (rs: AllowanceRuleSet = R_TPP_DEMO): AllowanceRuleSet => JSON.parse(JSON.stringify(rs));

const input = (ruleSet: AllowanceRuleSet): AllowanceMonthInput => ({
  ruleSet,
  month: '2026-11',
  kelasJabatan: 8,
  workingDays: 21,
  predicate: 'BUTUH_PERBAIKAN',
  attendance: { lateMinutes: [12, 95, null], earlyLeaveMinutes: [40], absentDays: 2, missedApel: 3 },
  sanctions: [{ type: 'POTONG_TUKIN_25_6M', effectiveFrom: '2026-10-01', id: 'c1' }],
});

describe('a rule set validated once for many lines (validatedRuleSet, toDecOf)', () => {
  it('gives the same result, explanation included, as the rule set validated on every call', () => {
    const plain = computeAllowanceMonth(input(fromJson()));
    const once = validatedRuleSet(fromJson());
    for (let i = 0; i < 3; i++) expect(computeAllowanceMonth(input(once))).toEqual(plain);
    expect(JSON.stringify(computeAllowanceMonth(input(once)))).toBe(JSON.stringify(plain));
  });

  it('freezes the rule set deeply, so it cannot stop being valid after its validation', () => {
    const rs = validatedRuleSet(fromJson());
    expect(Object.isFrozen(rs) && Object.isFrozen(rs.split) && Object.isFrozen(rs.lateBands[0])).toBe(true);
    expect(() => {
      (rs.split as { kin: string }).kin = 'abc';
    }).toThrow(TypeError);
  });

  it('refuses an invalid rule set as validateRuleSet does, and leaves it unfrozen (validated again at every line)', () => {
    const bad = { ...fromJson(), deductionCap: '1.5' };
    expect(() => validatedRuleSet(bad)).toThrow(RuleInputError);
    expect(Object.isFrozen(bad)).toBe(false);
    expect(() => computeAllowanceMonth(input(bad))).toThrow(/deductionCap/);
  });

  it('toDecOf parses like toDec, once per frozen object, and an invalid value throws at every call', () => {
    const open = { pct: '0.015' };
    expect(toDecOf(open, 'pct', 'band.').eq(toDec('0.015', 'band.pct'))).toBe(true);
    open.pct = '0.025'; // not frozen: read again
    expect(toDecOf(open, 'pct', 'band.').toString()).toBe('0.025');
    const frozen = Object.freeze({ pct: '0.015', bad: 'x' });
    expect(toDecOf(frozen, 'pct', 'band.')).toBe(toDecOf(frozen, 'pct', 'band.'));
    for (let i = 0; i < 2; i++) expect(() => toDecOf(frozen, 'bad', 'band.')).toThrow(/band\.bad/);
  });
});
