import { attachmentHeader, checkEvidence, cleanName } from '../../../src/evaluation/evidence/evidence-file';
import { docx, EXE, JPEG, PDF, PNG, TEXT, xlsx } from '../../support/evidence-samples';

describe('evidence files: type from the content, never from the name', () => {
  it.each([
    ['laporan.pdf', () => PDF, 'application/pdf', 'laporan.pdf'],
    ['foto.PNG', () => PNG, 'image/png', 'foto.PNG'],
    ['kegiatan.jpeg', () => JPEG, 'image/jpeg', 'kegiatan.jpeg'],
    ['notulen.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'notulen.docx'],
    ['rekap.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'rekap.xlsx'],
    ['rekap.pdf', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'rekap.pdf.xlsx'],
  ])('%s is taken as what its bytes are', async (name, make, type, stored) => {
    const data = await make();
    const c = await checkEvidence(name, data);
    expect(c).toEqual({
      fileName: stored,
      contentType: type,
      sizeBytes: data.length,
      sha256: require('node:crypto').createHash('sha256').update(data).digest('hex'),
    });
  });

  it('refuses text, executables and empty files with a 400 on the file field', async () => {
    for (const [data, problem] of [
      [TEXT, /not a recognised type/],
      [EXE, /x-msdownload/],
      [Buffer.alloc(0), /is empty/],
    ] as const) {
      await expect(checkEvidence('laporan.pdf', data)).rejects.toMatchObject({
        status: 400,
        details: [{ field: 'file', problem: expect.stringMatching(problem) }],
      });
    }
  });

  it('keeps only a clean last path segment of the name, and quotes it safely for the download', () => {
    expect(cleanName('C:\\Users\\x\\Laporan "akhir".pdf')).toBe('Laporan akhir.pdf');
    expect(cleanName('../../etc/passwd')).toBe('passwd');
    expect(cleanName('\u0000\u001f')).toBe('bukti-dukung');
    expect(cleanName(undefined)).toBe('bukti-dukung');
    expect(attachmentHeader('Laporan Ibu Siti; ok.pdf')).toBe(
      `attachment; filename="Laporan Ibu Siti_ ok.pdf"; filename*=UTF-8''Laporan%20Ibu%20Siti%3B%20ok.pdf`,
    );
    expect(attachmentHeader('Rekap bulan Mei—final.pdf')).toBe(
      `attachment; filename="Rekap bulan Mei_final.pdf"; filename*=UTF-8''Rekap%20bulan%20Mei%E2%80%94final.pdf`,
    );
  });
});
