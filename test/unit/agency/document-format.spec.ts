import { angkaId, fromNip } from '../../../src/agency/document-format';
import { formatDocumentNumber } from '../../../src/agency/agency.service';

describe('document formats', () => {
  it('angka kredit with a decimal comma and dot thousands at the configured precision', () => {
    expect(angkaId('12.5', 3)).toBe('12,500');
    expect(angkaId('18.75', 3)).toBe('18,750');
    expect(angkaId('1234.5', 3)).toBe('1.234,500');
    expect(angkaId('0', 3)).toBe('0,000');
    expect(angkaId('-31.25', 2)).toBe('-31,25');
    expect(angkaId('2.0005', 3)).toBe('2,001');
    expect(angkaId('7', 0)).toBe('7');
  });

  it('birth date and gender from the NIP (yyyymmdd, TMT, 1 = laki-laki / 2 = perempuan)', () => {
    expect(fromNip('198807192012071019')).toEqual({ birthDate: '1988-07-19', gender: 'Laki-laki' });
    expect(fromNip('196908081993082008')).toEqual({ birthDate: '1969-08-08', gender: 'Perempuan' });
    expect(fromNip('198802302012071019')).toEqual({ birthDate: null, gender: 'Laki-laki' });
    expect(fromNip('12345')).toEqual({ birthDate: null, gender: null });
  });

  it('document numbers from the agency template: {seq}, {seq:N}, {year}, {nip}', () => {
    expect(formatDocumentNumber('800/{seq}/BKPSDM/{year}', { seq: 17, year: 2026 })).toBe('800/17/BKPSDM/2026');
    expect(formatDocumentNumber('PAK.{seq:4}/{year}/{nip}', { seq: 7, year: 2026, nip: '198807192012071019' })).toBe(
      'PAK.0007/2026/198807192012071019',
    );
  });
});
