// Loaded before every integration/e2e test file: point at a throwaway database and refuse anything else.
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/skp_test_local';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.JWT_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';
process.env.QUEUE_PREFIX ??= `skptest_local_${process.pid}`;
process.env.LOG_LEVEL ??= 'silent';
process.env.RUN_MIGRATIONS ??= 'true';
process.env.BOOTSTRAP_ADMIN_NIP ??= '198501012010011001';
process.env.BOOTSTRAP_ADMIN_PASSWORD ??= 'admin-test-password';
process.env.OUTBOX_POLL_MS ??= '50';
// Evidence files of this test process, outside the checkout (the local storage driver).
process.env.EVIDENCE_DIR ??= require('node:path').join(require('node:os').tmpdir(), `skp-evidence-${process.pid}`);

const dbName = decodeURIComponent(new URL(process.env.DATABASE_URL).pathname.slice(1));
if (!/(^|_)test(_|$)/.test(dbName)) {
  throw new Error(
    `Refusing to run tests against database "${dbName}": its name must contain "test" (e.g. skp_test_123).`,
  );
}
