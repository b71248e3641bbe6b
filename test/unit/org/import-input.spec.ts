import { readImportBody } from '../../../src/org/import/import-input.util';
import { isIsoDate } from '../../../src/org/import/import-rows.util';

const json = (over: Record<string, unknown> = {}, pos: Record<string, unknown> = {}) => ({
  nip: '199001012015031001',
  name: 'Siti Rahma',
  status: 'PNS',
  golongan: 'III/a',
  unitCode: 'DINKES',
  supervisorNip: null,
  position: {
    title: 'Perawat Ahli Pertama',
    kind: 'FUNGSIONAL',
    jenjang: 'AHLI_PERTAMA',
    kelasJabatan: 8,
    isUnitHead: false,
    tmt: '2025-01-01',
    ...pos,
  },
  ...over,
});

describe('employee import input (JSON and CSV → validated rows)', () => {
  it('normalises a JSON row; effectiveFrom defaults to tmt', () => {
    const r = readImportBody([json()]);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      row: 1,
      nip: '199001012015031001',
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      kelasJabatan: 8,
      effectiveFrom: '2025-01-01',
      password: null,
    });
  });

  it('reports JSON problems with the JSON field path', () => {
    const r = readImportBody([
      json(
        { status: 'HONORER', golongan: 'III/a' },
        { kind: 'FUNGSIONAL', jenjang: null, kelasJabatan: 3.5, extra: 1 },
      ),
    ]);
    expect(r.errors.map((e) => `${e.row}:${e.field}`).sort()).toEqual([
      '1:position.extra',
      '1:position.jenjang',
      '1:position.kelasJabatan',
      '1:status',
    ]);
    expect(r.rows).toEqual([]);
  });

  it('checks golongan against the status (PNS I/a…IV/e, PPPK I…XVII)', () => {
    expect(readImportBody([json({ status: 'PPPK', golongan: 'III/a' })]).errors[0]).toMatchObject({
      field: 'golongan',
      problem: expect.stringContaining('PPPK'),
    });
    expect(readImportBody([json({ status: 'PPPK', golongan: 'IX' })]).errors).toEqual([]);
  });

  it('reads CSV with quoted fields, a BOM and blank optional cells', () => {
    const csv =
      '\uFEFFnip,name,status,golongan,unitCode,supervisorNip,positionTitle,positionKind,jenjang,kelasJabatan,isUnitHead,tmt\n' +
      '199001012015031001,"Rahma, S.Kep.",PNS,III/a,DINKES,,Perawat,FUNGSIONAL,AHLI_PERTAMA,8,ya,2025-01-01\n';
    const r = readImportBody(csv);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ name: 'Rahma, S.Kep.', supervisorNip: null, isUnitHead: true, kelasJabatan: 8 });
  });

  it('rejects a malformed CSV, an empty file and a body of the wrong type with 400', () => {
    expect(() => readImportBody('nip,name\n"unterminated')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => readImportBody('')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => readImportBody({})).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('validates calendar dates strictly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
  });
});
