import { defineEvent } from '../jobs/job-declaration';

/** A PAK got its number (first print) for a year and subject (NIP): its angka kredit entries are final. */
export const PakIssued = defineEvent<{ kind: string; year: number; subject: string }>(
  'PakIssued',
  'A PAK was issued (numbered) for an employee and year.',
);
