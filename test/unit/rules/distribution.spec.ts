import { RuleInputError, checkDistribution } from '../../../src/rules';

describe('distribution', () => {
  it('reports violations with Bahasa Indonesia and English messages and the limits', () => {
    const r = checkDistribution({
      orgPredicate: 'BUTUH_PERBAIKAN',
      counts: { SANGAT_BAIK: 2, BAIK: 3, BUTUH_PERBAIKAN: 5 },
    });
    expect(r.ok).toBe(false);
    expect(r.violations).toEqual(['BUTUH_PERBAIKAN_BP_MIN_60', 'BUTUH_PERBAIKAN_SB_MAX_10']);
    const bp = r.details.find((d) => d.code === 'BUTUH_PERBAIKAN_BP_MIN_60')!;
    expect(bp).toMatchObject({ severity: 'ERROR', actual: 5, limit: 6 });
    expect(bp.message).toContain('paling sedikit 60%');
    expect(bp.messageEn).toContain('At least 60%');
    expect(r.explanation.formula).toContain('N = 10');
    expect(r.explanation.legalBasis).toContain('SE MenPANRB No. 3 Tahun 2023');
    expect(r.population).toBe(10);
  });
  it('applies the configured rounding of limits', () => {
    // N = 5, ISTIMEWA: floor(3.5) = 3 by default, round(3.5) = 4 when configured
    const counts = { SANGAT_BAIK: 4, BAIK: 1 };
    expect(checkDistribution({ orgPredicate: 'ISTIMEWA', counts }).violations).toEqual(['ISTIMEWA_SB_MAX_70']);
    expect(checkDistribution({ orgPredicate: 'ISTIMEWA', counts }, { rounding: { max: 'ROUND' } }).violations).toEqual(
      [],
    );
  });
  it('downgrades percentage rules to warnings below the configured minimum N', () => {
    const r = checkDistribution(
      { orgPredicate: 'SANGAT_KURANG', counts: { SANGAT_KURANG: 1, SANGAT_BAIK: 1 } },
      { smallUnit: { minN: 10 } },
    );
    expect(r.violations).toEqual(['SANGAT_KURANG_SB_ZERO']);
    expect(r.warnings).toContain('SANGAT_KURANG_SK_MIN_60');
    expect(r.details.find((d) => d.code === 'SANGAT_KURANG_SK_MIN_60')?.advisory).toBe(true);
  });
  it('supports the > 50 % "sebagian besar" test and switching it off', () => {
    const counts = { SANGAT_BAIK: 4, BAIK: 3, BUTUH_PERBAIKAN: 3 };
    expect(checkDistribution({ orgPredicate: 'ISTIMEWA', counts }).warnings).toEqual([]);
    expect(checkDistribution({ orgPredicate: 'ISTIMEWA', counts }, { sebagianBesar: 'MAJORITY' }).warnings).toEqual([
      'ISTIMEWA_SB_NOT_PLURALITY',
    ]);
    expect(
      checkDistribution(
        { orgPredicate: 'BAIK', counts: { SANGAT_BAIK: 5, BAIK: 1, KURANG: 1 } },
        { sebagianBesar: 'OFF' },
      ).warnings,
    ).toEqual([]);
  });
  it('rejects bad counts and org predicates', () => {
    expect(() => checkDistribution({ orgPredicate: 'BAIK', counts: { BAIK: -1 } })).toThrow(RuleInputError);
    expect(() => checkDistribution({ orgPredicate: 'BAIK', counts: { CUKUP: 1 } as never })).toThrow(/counts.CUKUP/);
    expect(() => checkDistribution({ orgPredicate: 'SANGAT_BAIK' as never, counts: {} })).toThrow(/orgPredicate/);
    expect(() => checkDistribution({ orgPredicate: 'BAIK', counts: { BAIK: 1.5 } })).toThrow(/integer/);
  });
});
