import { ConfigError, validateEnv } from '../../src/config/env.validation';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/skp',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
};

describe('environment validation', () => {
  it('accepts a minimal valid environment and fills defaults', () => {
    const cfg = validateEnv(valid);
    expect(cfg.PORT).toBe(3000);
    expect(cfg.QUEUE_PREFIX).toBe('skp');
    expect(cfg.OBJECTION_WINDOW_DAYS).toBe(14);
    expect(cfg.WORKER_REDIS_GRACE_SECONDS).toBe(30);
    expect(cfg.EVIDENCE_STORAGE).toBe('local');
    expect(cfg.EVIDENCE_MAX_BYTES).toBe(10 * 1024 * 1024);
  });

  it.each([
    ['DATABASE_URL', { ...valid, DATABASE_URL: undefined }, /DATABASE_URL is missing/],
    ['DATABASE_URL', { ...valid, DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    ['REDIS_URL', { ...valid, REDIS_URL: 'localhost' }, /REDIS_URL must be a redis/],
    ['JWT_SECRET', { ...valid, JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32/],
    ['PORT', { ...valid, PORT: 'abc' }, /PORT/],
    ['BOOTSTRAP_ADMIN_NIP', { ...valid, BOOTSTRAP_ADMIN_NIP: '123' }, /BOOTSTRAP_ADMIN_NIP must be an 18-digit NIP/],
    [
      'BOOTSTRAP_ADMIN_PASSWORD',
      { ...valid, BOOTSTRAP_ADMIN_NIP: '198501012010011001' },
      /BOOTSTRAP_ADMIN_PASSWORD is missing/,
    ],
    ['S3_BUCKET', { ...valid, EVIDENCE_STORAGE: 's3' }, /S3_BUCKET is missing \(required when EVIDENCE_STORAGE=s3\)/],
    ['EVIDENCE_STORAGE', { ...valid, EVIDENCE_STORAGE: 'ftp' }, /EVIDENCE_STORAGE must be one of/],
    ['EVIDENCE_MAX_BYTES', { ...valid, EVIDENCE_MAX_BYTES: '10' }, /EVIDENCE_MAX_BYTES must not be less than 1024/],
  ])('stops with one line naming %s', (_name, env, pattern) => {
    let err: unknown;
    try {
      validateEnv(env);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(pattern);
    expect((err as Error).message.split('\n')).toHaveLength(1);
  });
});
