import type { OfficialRole } from './agency.dto';

/** A signing official as the documents print them. */
export interface Official {
  name: string;
  nip: string;
  positionTitle: string;
  pangkat?: string;
}

/** The agency profile as the API shows it (the logo as base64 PNG). */
export interface AgencyView {
  name: string;
  town: string | null;
  letterhead: string[];
  pakNumberFormat: string;
  dekpNumberFormat: string;
  officials: Partial<Record<OfficialRole, Official>>;
  tembusan: string[];
  version: number;
  /** false until an ADMIN saved the profile (the defaults are shown). */
  configured: boolean;
  logoPngBase64: string | null;
}
