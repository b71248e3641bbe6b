import { isPublicAddress, targetProblem, targetRules, urlProblem } from '../../../src/webhooks/webhook-targets';

describe('webhook target rules', () => {
  const dev = targetRules('development', '');
  it('refuses internal addresses by default, 127.0.0.1 included', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/x',
      'http://169.254.169.254/',
      'http://192.168.1.10/',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://[fd00:ec2::254]/',
    ]) {
      expect(await targetProblem(url, dev)).toMatch(/loopback|private|reserved/);
    }
    expect(await targetProblem('http://127.0.0.1:8080/hook', targetRules('development', '127.0.0.1'))).toBeNull();
  });
  it('accepts public unicast addresses only', () => {
    expect(isPublicAddress('203.0.114.5')).toBe(true);
    expect(isPublicAddress('2a00:1450:4001::1')).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.3.4',
      '169.254.169.254',
      '::1',
      '::ffff:10.0.0.1',
      'fe80::1',
      '224.0.0.1',
    ])
      expect(isPublicAddress(a)).toBe(false);
  });
  it('requires https in production and refuses credentials in the URL', () => {
    const prod = targetRules('production', '');
    expect(urlProblem('http://payroll.example.invalid/hooks', prod)).toBe('must be an https URL');
    expect(urlProblem('https://payroll.example.invalid/hooks', prod)).toBeNull();
    expect(urlProblem('ftp://payroll.example.invalid/hooks', dev)).toMatch(/http/);
    expect(urlProblem('https://a:b@payroll.example.invalid/hooks', dev)).toMatch(/credentials/);
  });
});
