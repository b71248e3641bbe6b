import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from '../../common/domain-errors';

const megabytes = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

/**
 * The one `file` part of a multipart/form-data upload, read whole up to `maxBytes` (EVIDENCE_MAX_BYTES).
 * Anything else (no multipart, no file, a bigger file) is a 400 naming the `file` field.
 */
export async function readEvidenceUpload(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ name: string | undefined; data: Buffer }> {
  const missing = () =>
    new InvalidInputError('Berkas bukti dukung wajib diunggah / a file is required', [
      { field: 'file', problem: 'send multipart/form-data with one file in the field "file"' },
    ]);
  if (!req.isMultipart()) throw missing();
  let part;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch {
    throw missing();
  }
  if (!part || part.fieldname !== 'file') throw missing();
  try {
    return { name: part.filename, data: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new InvalidInputError(`Berkas lebih dari ${megabytes(maxBytes)} / file too large`, [
        { field: 'file', problem: `is larger than ${maxBytes} bytes (EVIDENCE_MAX_BYTES)` },
      ]);
    throw missing();
  }
}
