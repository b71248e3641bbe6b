import {
  EVALUATION_STATUSES,
  EVALUATION_TRANSITIONS,
  nextStatus,
  ratable,
  type EvaluationAction,
  type EvaluationStatus,
} from '../../../src/evaluation/evaluation-status.util';

describe('evaluation status machine', () => {
  const table: [EvaluationStatus, EvaluationAction, EvaluationStatus | null][] = [
    ['DRAFT', 'SUBMIT_REALIZATION', 'SUBMITTED'],
    ['SUBMITTED', 'SUBMIT_REALIZATION', null],
    ['DRAFT', 'RATE', 'RATED'],
    ['SUBMITTED', 'RATE', 'RATED'],
    ['RATED', 'RERATE', 'RATED'],
    ['ISSUED', 'RATE', null],
    ['RATED', 'FINALIZE', 'ISSUED'],
    ['SUBMITTED', 'FINALIZE', null],
    ['ISSUED', 'ACCEPT', 'FINAL'],
    ['OBJECTED', 'ACCEPT', null],
    ['ISSUED', 'OBJECT', 'OBJECTED'],
    ['FINAL', 'OBJECT', null],
    ['OBJECTED', 'EXPLAIN', 'OBJECTED'],
    ['OBJECTED', 'DECISION', 'FINAL'],
    ['ISSUED', 'DECISION', null],
    ['ISSUED', 'EXPIRY', 'FINAL'],
    ['OBJECTED', 'EXPIRY', null],
    ['FINAL', 'CORRECTION', 'FINAL'],
    ['ISSUED', 'CORRECTION', null],
  ];
  it.each(table)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('FINAL is left only by a correction, which stays FINAL (immutable outcome, new revision)', () => {
    const fromFinal = (Object.keys(EVALUATION_TRANSITIONS) as EvaluationAction[]).filter(
      (a) => nextStatus('FINAL', a) !== null,
    );
    expect(fromFinal).toEqual(['CORRECTION']);
    expect(nextStatus('FINAL', 'CORRECTION')).toBe('FINAL');
  });

  it('every status is reachable from DRAFT', () => {
    const seen = new Set<EvaluationStatus>(['DRAFT']);
    for (let changed = true; changed;) {
      changed = false;
      for (const t of Object.values(EVALUATION_TRANSITIONS))
        if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
          seen.add(t.to);
          changed = true;
        }
    }
    expect([...seen].sort()).toEqual([...EVALUATION_STATUSES].sort());
  });

  it('the PPK may rate until the evaluation is issued', () => {
    expect(EVALUATION_STATUSES.filter(ratable)).toEqual(['DRAFT', 'SUBMITTED', 'RATED']);
  });
});
