import { kpNextForCredit, kpNextFrom } from '../../../src/angka-kredit/kp-next';

const ledger = {
  next: { kind: 'KENAIKAN_PANGKAT' as const, to: 'III/b', threshold: '50.000', shortfall: '0.000' },
  informational: false,
};

describe('KP TMT of the credit view (04 §3.3)', () => {
  it('takes the months in pangkat as the eligibility date and the regime in force on each TMT', () => {
    const r = kpNextForCredit(
      { status: 'PNS', pangkatSince: '2021-04-02', kpSanctions: [] },
      ledger,
      null,
      '2023-01-10',
    );
    expect(r).toMatchObject({
      eligibleOn: '2023-04-02',
      tmt: '2023-10-01',
      submitFrom: '2023-08-16',
      submitBy: '2023-09-15',
      regime: 'KEP_BKN_12_2002',
      delayedBy: [],
    });
  });

  it('has no TMT for a PPPK, an informational ledger or a kenaikan jenjang', () => {
    const f = { status: 'PPPK' as const, pangkatSince: '2021-04-02', kpSanctions: [] };
    expect(kpNextForCredit(f, ledger, null, '2026-12-06')).toBeNull();
    expect(kpNextForCredit({ ...f, status: 'PNS' }, { ...ledger, informational: true }, null, '2026-12-06')).toBeNull();
    expect(
      kpNextForCredit(
        { ...f, status: 'PNS' },
        { ...ledger, next: { ...ledger.next, kind: 'KENAIKAN_JENJANG' } },
        null,
        '2026-12-06',
      ),
    ).toBeNull();
  });

  it('moves the TMT for a blocking sanction and names the case', () => {
    const r = kpNextFrom(
      '2026-03-01',
      [{ type: 'POTONG_TUKIN_25_6M', effectiveFrom: '2026-02-10', caseId: 'c-1' }],
      '2026-01-05',
    );
    expect(r.tmt).toBe('2026-09-01');
    expect(r.delayedBy[0]).toEqual({
      tmt: '2026-03-01',
      reason: 'SANCTION_BLOCKING',
      sanction: 'POTONG_TUKIN_25_6M',
      caseId: 'c-1',
    });
  });

  it('applies KP_DELAY_12M to the first own TMT (04 §9.1, pp-023) even when eligibility lies far in the past', () => {
    const r = kpNextFrom(
      '2026-03-01',
      [{ type: 'KP_DELAY_12M', effectiveFrom: '2026-01-10', caseId: 'c-2' }],
      '2026-01-11',
    );
    expect(r.tmt).toBe('2027-03-01');
    const old = kpNextFrom(
      '2001-01-01',
      [{ type: 'KP_DELAY_12M', effectiveFrom: '2026-01-10', caseId: 'c-2' }],
      '2026-01-11',
    );
    expect(old.tmt).toBe('2027-02-01');
    expect(old.delayedBy).toEqual([{ tmt: '2026-02-01', reason: 'KP_DELAY', sanction: 'KP_DELAY_12M', caseId: 'c-2' }]);
  });

  it('gives no TMT after a sanction that ends employment, and ignores sanction codes the rules do not know', () => {
    expect(
      kpNextFrom('2026-03-01', [{ type: 'PTDH', effectiveFrom: '2026-01-10', caseId: 'c-3' }], '2026-01-11').tmt,
    ).toBeNull();
    expect(
      kpNextFrom('2026-03-01', [{ type: 'KODE_ETIK_X', effectiveFrom: '2026-01-10', caseId: 'c-4' }], '2026-01-11').tmt,
    ).toBe('2026-03-01');
  });
});
