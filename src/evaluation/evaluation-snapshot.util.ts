import type { AssignmentSnapshot } from '../org/org-directory.service';
import { PANGKAT_NAME } from '../org/org.enums';

export interface PersonBlock {
  employeeId: string;
  nip: string;
  name: string;
  golongan: string;
  pangkat: string | null;
  positionTitle: string;
  positionKind: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  isUnitHead: boolean;
}

/** Identity blocks of the DEKP, as they were on the evaluation's reference date (frozen at issue). */
export interface EvaluationSnapshot {
  onDate: string;
  agencyName: string;
  employee: PersonBlock;
  ppk: PersonBlock | null;
  atasanPpk: PersonBlock | null;
}

export const block = (s: AssignmentSnapshot): PersonBlock => ({
  employeeId: s.employeeId,
  nip: s.nip,
  name: s.name,
  golongan: s.golongan,
  pangkat: PANGKAT_NAME[s.golongan] ?? null,
  positionTitle: s.positionTitle,
  positionKind: s.positionKind,
  unitId: s.unitId,
  unitCode: s.unitCode,
  unitName: s.unitName,
  isUnitHead: s.isUnitHead,
});
