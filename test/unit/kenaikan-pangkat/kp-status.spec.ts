import { kpNextFrom } from '../../../src/angka-kredit/kp-next';
import { delayReasons, kpStatus } from '../../../src/kenaikan-pangkat/kp-status';
import { kpDueOutcome } from '../../../src/rules';

describe('KP calendar status and outcome (04 §3)', () => {
  const free = kpNextFrom('2027-01-10', [], '2026-12-20');
  const moved = kpNextFrom(
    '2027-01-10',
    [{ type: 'POTONG_TUKIN_25_6M', effectiveFrom: '2026-12-28', caseId: 'c' }],
    '2026-12-28',
  );

  it('ELIGIBLE when only the months in pangkat are still running; NOT_YET with the document conditions; DELAYED by a sanction', () => {
    expect(kpStatus(free, ['MIN_MONTHS_IN_PANGKAT'])).toEqual({ status: 'ELIGIBLE', open: [] });
    expect(kpStatus(free, ['AK_SHORTFALL', 'MIN_MONTHS_IN_PANGKAT'])).toEqual({
      status: 'NOT_YET',
      open: ['AK_SHORTFALL'],
    });
    expect(kpStatus(moved, ['HUKDIS_IN_FORCE'])).toEqual({ status: 'DELAYED', open: [] });
    expect(moved.tmt).toBe('2027-07-01');
    expect(delayReasons(moved)).toEqual(['TMT 2027-02-01 dilewati selama hukuman disiplin POTONG_TUKIN_25_6M berlaku']);
    expect(kpStatus(null, [])).toEqual({ status: 'NOT_YET', open: [] });
  });

  it('one outcome key per person, target and TMT, effective from the TMT', () => {
    const o = kpDueOutcome({
      nip: '1',
      to: 'II/d',
      tmt: '2027-02-01',
      submitFrom: '2026-12-16',
      submitBy: '2027-01-15',
      track: 'REGULAR',
    });
    expect(o).toMatchObject({
      type: 'KENAIKAN_PANGKAT_ELIGIBLE',
      key: 'KENAIKAN_PANGKAT_ELIGIBLE|1|KP:II/d@2027-02-01',
      effectiveFrom: '2027-02-01',
      source: { kind: 'KP_CALENDAR', id: 'KP:II/d@2027-02-01' },
    });
    expect(o.reason).toContain('usul 2026-12-16 s.d. 2027-01-15');
  });
});
