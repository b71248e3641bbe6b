import { minimumPpkRank, PpkFacts, ppkGaps } from '../../../src/org/ppk-rules.util';

const facts = (over: Partial<PpkFacts>): PpkFacts => ({
  nip: '199001012015031001',
  positionKind: 'PELAKSANA',
  jenjang: null,
  ppkNip: '198001012005011001',
  delegated: false,
  ppkInService: true,
  ppkKind: 'PENGAWAS',
  ...over,
});
const codes = (f: PpkFacts) => ppkGaps(f, '2026-06-30').map((g) => g.code);

describe('PPK rules (spec 01 §2.1–2.2)', () => {
  it('accepts the default evaluator table', () => {
    expect(codes(facts({}))).toEqual([]);
    expect(codes(facts({ positionKind: 'PENGAWAS', ppkKind: 'ADMINISTRATOR' }))).toEqual([]);
    expect(codes(facts({ positionKind: 'ADMINISTRATOR', ppkKind: 'JPT_PRATAMA' }))).toEqual([]);
    expect(codes(facts({ positionKind: 'JPT_PRATAMA', ppkKind: 'JPT_PRATAMA' }))).toEqual([]); // Sekda rates a Kepala Dinas
    expect(codes(facts({ positionKind: 'FUNGSIONAL', jenjang: 'AHLI_PERTAMA', ppkKind: 'PENGAWAS' }))).toEqual([]);
    expect(codes(facts({ positionKind: 'FUNGSIONAL', jenjang: 'AHLI_MUDA', ppkKind: 'ADMINISTRATOR' }))).toEqual([]);
    expect(codes(facts({ positionKind: 'FUNGSIONAL', jenjang: 'AHLI_MADYA', ppkKind: 'JPT_PRATAMA' }))).toEqual([]);
  });

  it('flags a missing PPK and one who holds no position, naming what to fix', () => {
    const none = ppkGaps(facts({ ppkNip: null }), '2026-06-30');
    expect(none.map((g) => g.code)).toEqual(['NO_PPK']);
    expect(none[0].message).toContain('2026-06-30');
    expect(none[0].message).toContain('POST /delegations');
    expect(codes(facts({ ppkInService: false, ppkKind: null }))).toEqual(['PPK_NOT_IN_SERVICE']);
  });

  it('flags a pelaksana or JF as PPK, and a PPK below the minimum rank', () => {
    expect(codes(facts({ ppkKind: 'PELAKSANA' }))).toEqual(['PPK_NOT_STRUCTURAL']);
    expect(codes(facts({ ppkKind: 'FUNGSIONAL' }))).toEqual(['PPK_NOT_STRUCTURAL']);
    expect(codes(facts({ positionKind: 'PENGAWAS', ppkKind: 'PENGAWAS' }))).toEqual(['PPK_RANK_TOO_LOW']);
    expect(codes(facts({ positionKind: 'ADMINISTRATOR', ppkKind: 'ADMINISTRATOR' }))).toEqual(['PPK_RANK_TOO_LOW']);
    expect(codes(facts({ positionKind: 'FUNGSIONAL', jenjang: 'AHLI_MADYA', ppkKind: 'ADMINISTRATOR' }))).toEqual([
      'PPK_RANK_TOO_LOW',
    ]);
    expect(codes(facts({ positionKind: 'FUNGSIONAL', jenjang: 'AHLI_UTAMA', ppkKind: 'JPT_PRATAMA' }))).toEqual([
      'PPK_RANK_TOO_LOW',
    ]);
  });

  it('accepts any PPK who holds a delegation (Plt/Plh/delegasi)', () => {
    expect(codes(facts({ ppkKind: 'PELAKSANA', delegated: true }))).toEqual([]);
    expect(codes(facts({ positionKind: 'ADMINISTRATOR', ppkKind: 'PENGAWAS', delegated: true }))).toEqual([]);
  });

  it('orders minimum ranks by seniority of the rated position', () => {
    expect(minimumPpkRank('PELAKSANA', null)).toBeLessThan(minimumPpkRank('PENGAWAS', null));
    expect(minimumPpkRank('PENGAWAS', null)).toBeLessThan(minimumPpkRank('ADMINISTRATOR', null));
    expect(minimumPpkRank('FUNGSIONAL', 'TERAMPIL')).toBe(minimumPpkRank('PELAKSANA', null));
  });
});
