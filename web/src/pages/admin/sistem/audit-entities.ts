/** The record types the audit trail knows (as recorded by the API), with their screen names; `pick` says how a record is chosen. */
export interface AuditEntity {
  value: string;
  label: string;
  pick: 'employee' | 'skp' | 'evaluation' | 'unit' | 'id';
}

export const AUDIT_ENTITIES: AuditEntity[] = [
  { value: 'Employee', label: 'Pegawai', pick: 'employee' },
  { value: 'Skp', label: 'SKP', pick: 'skp' },
  { value: 'Evaluation', label: 'Evaluasi', pick: 'evaluation' },
  { value: 'PpkDelegation', label: 'Plt / Plh', pick: 'id' },
  { value: 'Unit', label: 'Unit Kerja', pick: 'unit' },
  { value: 'UnitPerformance', label: 'Capaian Kinerja Organisasi (kode:periode)', pick: 'id' },
  { value: 'DisciplineCase', label: 'Kasus Disiplin', pick: 'id' },
  { value: 'allowance_run', label: 'Perhitungan TPP', pick: 'id' },
  { value: 'attendance_month', label: 'Kehadiran bulanan', pick: 'id' },
  { value: 'WebhookSubscription', label: 'Webhook', pick: 'id' },
  { value: 'ApiKey', label: 'Kunci API', pick: 'id' },
  { value: 'UserAccount', label: 'Akun pengguna', pick: 'employee' },
  { value: 'EmployeeImport', label: 'Impor pegawai', pick: 'id' },
  { value: 'AgencyProfile', label: 'Profil instansi', pick: 'id' },
];

export const entityOf = (value: string) => AUDIT_ENTITIES.find((e) => e.value === value);
