/**
 * A synthetic agency roster for import tests and the import benchmark: per unit one administrator
 * (unit head), pengawas under the head and staff (pelaksana / JF) under the pengawas. Rows are
 * shuffled deterministically so supervisors often come after the rows that refer to them.
 */
export interface RosterRow {
  nip: string;
  name: string;
  status: 'PNS' | 'PPPK';
  golongan: string;
  unitCode: string;
  supervisorNip: string | null;
  position: {
    title: string;
    kind: string;
    jenjang: string | null;
    kelasJabatan: number;
    isUnitHead: boolean;
    tmt: string;
  };
}

/** 12-digit prefix + 6-digit sequence = an 18-digit NIP, unique per prefix. */
export function randomNipPrefix(): string {
  return `19${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
}

export function generateRoster(n: number, unitCodes: string[], nipPrefix: string, tmt = '2025-01-01'): RosterRow[] {
  const perUnit = Math.ceil(n / unitCodes.length);
  const rows: RosterRow[] = [];
  let seq = 0;
  const nip = () => `${nipPrefix}${String(seq++).padStart(6, '0')}`;
  for (const unitCode of unitCodes) {
    const size = Math.min(perUnit, n - rows.length);
    if (size <= 0) break;
    const head = nip();
    rows.push({
      nip: head,
      name: `Kepala ${unitCode}`,
      status: 'PNS',
      golongan: 'IV/a',
      unitCode,
      supervisorNip: null,
      position: {
        title: `Kepala ${unitCode}`,
        kind: 'ADMINISTRATOR',
        jenjang: null,
        kelasJabatan: 11,
        isUnitHead: true,
        tmt,
      },
    });
    const pengawas: string[] = [];
    for (let i = 1; i < size; i++) {
      const id = nip();
      if (pengawas.length < Math.max(1, Math.floor(size / 40))) {
        pengawas.push(id);
        rows.push({
          nip: id,
          name: `Kepala Seksi ${i}`,
          status: 'PNS',
          golongan: 'III/d',
          unitCode,
          supervisorNip: head,
          position: { title: 'Kepala Seksi', kind: 'PENGAWAS', jenjang: null, kelasJabatan: 9, isUnitHead: false, tmt },
        });
      } else if (i % 3 === 0) {
        rows.push({
          nip: id,
          name: `Perawat ${i}`,
          status: 'PNS',
          golongan: 'III/a',
          unitCode,
          supervisorNip: pengawas[i % pengawas.length],
          position: {
            title: 'Perawat Ahli Pertama',
            kind: 'FUNGSIONAL',
            jenjang: 'AHLI_PERTAMA',
            kelasJabatan: 8,
            isUnitHead: false,
            tmt,
          },
        });
      } else {
        const pppk = i % 5 === 0;
        rows.push({
          nip: id,
          name: `Pelaksana ${i}`,
          status: pppk ? 'PPPK' : 'PNS',
          golongan: pppk ? 'V' : 'II/c',
          unitCode,
          supervisorNip: pengawas[i % pengawas.length],
          position: {
            title: 'Pengadministrasi Umum',
            kind: 'PELAKSANA',
            jenjang: null,
            kelasJabatan: 5,
            isUnitHead: false,
            tmt,
          },
        });
      }
    }
  }
  // Deterministic shuffle (LCG) so the order is the same on every run.
  let s = 42;
  for (let i = rows.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}
