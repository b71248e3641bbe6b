import type { AssignmentSnapshot } from '../org-directory.service';

export interface EmployeeView {
  nip: string;
  name: string;
  status: string;
  asOf: string;
  golongan: string;
  unitCode: string;
  unitName: string;
  supervisorNip: string | null;
  ppkNip: string | null;
  atasanPpkNip: string | null;
  position: {
    title: string;
    kind: string;
    jenjang: string | null;
    kelasJabatan: number;
    isUnitHead: boolean;
    tmt: string;
  };
  validFrom: string;
  validTo: string | null;
}

export function toEmployeeView(
  s: AssignmentSnapshot,
  asOf: string,
  nips: { supervisor: string | null; ppk: string | null; atasanPpk: string | null },
): EmployeeView {
  return {
    nip: s.nip,
    name: s.name,
    status: s.status,
    asOf,
    golongan: s.golongan,
    unitCode: s.unitCode,
    unitName: s.unitName,
    supervisorNip: nips.supervisor,
    ppkNip: nips.ppk,
    atasanPpkNip: nips.atasanPpk,
    position: {
      title: s.positionTitle,
      kind: s.positionKind,
      jenjang: s.jenjang,
      kelasJabatan: s.kelasJabatan,
      isUnitHead: s.isUnitHead,
      tmt: s.tmt,
    },
    validFrom: s.validFrom,
    validTo: s.validTo,
  };
}
