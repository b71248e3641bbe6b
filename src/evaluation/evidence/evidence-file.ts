import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { InvalidInputError } from '../../common/domain-errors';

/** What bukti dukung may be: documents and photos a PPK can open anywhere (the content decides, not the name). */
export const EVIDENCE_TYPES: Record<string, { ext: string; label: string }> = {
  'application/pdf': { ext: 'pdf', label: 'PDF' },
  'image/png': { ext: 'png', label: 'PNG' },
  'image/jpeg': { ext: 'jpg', label: 'JPEG' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', label: 'DOCX' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', label: 'XLSX' },
};
const ALLOWED = Object.values(EVIDENCE_TYPES)
  .map((t) => t.label)
  .join(', ');
const SAME_TYPE_EXTS: Record<string, string[]> = { jpg: ['jpg', 'jpeg'] };

export interface CheckedEvidence {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

const fileError = (message: string, problem: string) =>
  new InvalidInputError(`${message} / invalid evidence file`, [{ field: 'file', problem }]);

/** 400 unless the bytes are one of the allowed types; the name is cleaned and ends with the type's extension. */
export async function checkEvidence(name: string | undefined, data: Buffer): Promise<CheckedEvidence> {
  if (data.length === 0) throw fileError('Berkas kosong', 'is empty');
  const sniffed = await fileTypeFromBuffer(data);
  const type = sniffed ? EVIDENCE_TYPES[sniffed.mime] : undefined;
  if (!sniffed || !type)
    throw fileError(
      `Jenis berkas tidak diizinkan; gunakan ${ALLOWED}`,
      `content is ${sniffed ? sniffed.mime : 'not a recognised type'}; allowed: ${ALLOWED}`,
    );
  return {
    fileName: withExtension(cleanName(name), type.ext),
    contentType: sniffed.mime,
    sizeBytes: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** The last path segment, without control or quoting characters, at most 150 characters. */
export function cleanName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f && !'"<>|*?:'.includes(ch))
    .join('')
    .trim();
  return clean.slice(0, 150) || 'bukti-dukung';
}

function withExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf('.');
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return (SAME_TYPE_EXTS[ext] ?? [ext]).includes(current) ? name : `${name}.${ext}`;
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
