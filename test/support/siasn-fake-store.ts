import { randomUUID } from 'node:crypto';

/** What the fake SIASN holds: people, riwayat jabatan, and the rows written (write-side bodies). */
export type FakeKind = 'skp22' | 'kinerjaperiodik' | 'angkakredit';

export interface FakeRow {
  id: string;
  kind: FakeKind;
  nip: string;
  body: Record<string, unknown>;
  documents: { idRefDokumen: string; size: number; sha256: string }[];
}

export interface FakePerson {
  nip: string;
  pnsId: string;
  nama: string;
  rwJabatan: { id: string; tmtJabatan: string; namaJabatan: string }[];
}

const KUADRAN = ['', 'SANGAT BAIK', 'BAIK', 'BUTUH PERBAIKAN', 'KURANG', 'SANGAT KURANG'];
const RATING = ['', 'DIATAS ESPEKTASI', 'SESUAI ESPEKTASI', 'DIBAWAH ESPEKTASI'];
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');

export class FakeSiasnStore {
  readonly people = new Map<string, FakePerson>();
  readonly rows = new Map<string, FakeRow>();

  addPerson(nip: string, pnsId: string, rwJabatan: FakePerson['rwJabatan'] = []): void {
    this.people.set(nip, { nip, pnsId, nama: `Pegawai ${nip.slice(-4)}`, rwJabatan });
  }

  nipOf(pnsId: unknown): string | null {
    for (const p of this.people.values()) if (p.pnsId === pnsId) return p.nip;
    return null;
  }

  /** A save: with `id` of a held row it updates that row (INFERRED update semantics), else adds one. */
  save(kind: FakeKind, body: Record<string, unknown>): FakeRow | null {
    const pnsId = kind === 'skp22' ? body.pnsDinilaiOrang : kind === 'kinerjaperiodik' ? body.pnsDinilaiId : body.pnsId;
    const nip = this.nipOf(pnsId);
    if (!nip) return null;
    const existing = typeof body.id === 'string' ? this.rows.get(body.id) : undefined;
    const id = existing?.id ?? randomUUID();
    const { id: _drop, ...rest } = body;
    const row: FakeRow = { id, kind, nip, body: rest, documents: existing?.documents ?? [] };
    this.rows.set(id, row);
    return row;
  }

  /** Changes values on the SIASN side (as an operator typing in SIASN would). */
  tamper(id: string, fields: Record<string, unknown>): void {
    const row = this.rows.get(id);
    if (!row) throw new Error(`fake SIASN holds no row ${id}`);
    row.body = { ...row.body, ...fields };
  }

  /** Adds a row as if typed in SIASN directly. */
  insert(kind: FakeKind, nip: string, body: Record<string, unknown>): string {
    const id = randomUUID();
    this.rows.set(id, { id, kind, nip, body, documents: [] });
    return id;
  }

  list(kind: FakeKind, nip: string): FakeRow[] {
    return [...this.rows.values()].filter((r) => r.kind === kind && r.nip === nip);
  }

  /** The read side uses other names than the write side (spec 04 §8.4). */
  readView(r: FakeRow): Record<string, unknown> {
    const b = r.body;
    if (r.kind === 'skp22')
      return {
        id: r.id,
        tahun: b.tahun,
        hasilKinerjaNilai: b.hasilKinerjaNilai,
        PerilakuKerjaNilai: b.perilakuKerjaNilai,
        KuadranKinerjaNilai: b.kuadranKinerjaNilai,
        hasilKinerja: RATING[Number(b.hasilKinerjaNilai)] ?? '',
        perilakuKerja: RATING[Number(b.perilakuKerjaNilai)] ?? '',
        kuadranKinerja: KUADRAN[Number(b.kuadranKinerjaNilai)] ?? '',
        namaPenilai: String(b.penilaiNama ?? '').toUpperCase(),
        nipNrpPenilai: b.penilaiNipNrp,
        penilaiGolonganId: b.penilaiGolongan,
        penilaiJabatanNm: b.penilaiJabatan,
        penilaiUnorNm: b.penilaiUnorNama,
        statusPenilai: b.statusPenilai,
        pnsDinilaiId: b.pnsDinilaiOrang,
      };
    if (r.kind === 'kinerjaperiodik')
      return {
        id: r.id,
        tahun: b.tahun,
        tahunMulaiPenilaian: b.tahunMulaiPenilaian,
        bulanMulaiPenilaian: b.bulanMulaiPenilaian,
        tahunSelesaiPenilaian: b.tahunSelesaiPenilaian,
        bulanSelesaiPenilaian: b.bulanSelesaiPenilaian,
        periodikId: b.periodikId,
        periodikNama: b.periodikId === '1' ? 'Bulanan' : 'Triwulan',
        koefisenId: b.koefisienId,
        hasilKinerjaNilai: b.hasilKinerjaNilai,
        perilakuKerjaNilai: b.perilakuKerjaNilai,
        kuadranNilai: b.kuadranKinerjaNilai,
        namaPenilai: String(b.penilaiNama ?? '').toUpperCase(),
        penilaiNipNrp: b.penilaiNipNrp,
        penilaiGolongan: b.penilaiGolongan,
        penilaiJabatanNama: b.penilaiJabatanNama,
        penilaiUnorNm: b.penilaiUnorNama,
        statusPenilai: b.statusPenilai,
        pnsDinilaiId: b.pnsDinilaiId,
      };
    return {
      id: r.id,
      pns: b.pnsId,
      rwJabatan: b.rwJabatanId,
      nomorSk: b.nomorSk,
      tanggalSk: b.tanggalSk,
      bulanMulaiPenailan: Number(b.bulanMulaiPenailan),
      tahunMulaiPenailan: Number(b.tahunMulaiPenailan),
      bulanSelesaiPenailan: Number(b.bulanSelesaiPenailan),
      tahunSelesaiPenailan: Number(b.tahunSelesaiPenailan),
      kreditUtamaBaru: Number(b.kreditUtamaBaru),
      kreditPenunjangBaru: Number(b.kreditPenunjangBaru),
      kreditBaruTotal: Number(b.kreditBaruTotal),
      isAngkaKreditPertama: b.isAngkaKreditPertama === '1',
      isIntegrasi: b.isIntegrasi === '1',
      isKonversi: b.isKonversi === '1',
      namaJabatan: 'Jabatan Fungsional',
      Sumber: 'SIASN',
    };
  }

  dataUtama(nip: string): Record<string, unknown> | null {
    const p = this.people.get(nip);
    return p ? { id: p.pnsId, nipBaru: p.nip, nama: p.nama } : null;
  }

  rwJabatanView(nip: string): Record<string, unknown>[] | null {
    const p = this.people.get(nip);
    return p
      ? p.rwJabatan.map((j) => ({
          id: j.id,
          jenisJabatan: '2',
          jabatanFungsionalNama: j.namaJabatan,
          tmtJabatan: ddmmyyyy(j.tmtJabatan),
        }))
      : null;
  }
}
