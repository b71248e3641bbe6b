/**
 * Import first in a SIASN push test file (before test-app): the engine reads its configuration when
 * the app module loads, so the fake's address and the short retry schedule are set here, on a port
 * chosen now (the test starts the fake on FAKE_SIASN_PORT).
 */
import { fakeSiasnEnv } from './siasn-fake';

export const FAKE_SIASN_PORT = 20000 + Math.floor(Math.random() * 30000);

export const SIASN_PUSH_ENV: Record<string, string> = {
  ...fakeSiasnEnv(`http://127.0.0.1:${FAKE_SIASN_PORT}`),
  SIASN_ALLOWED_HOSTS: '127.0.0.1',
  SIASN_RETRY_BACKOFF_MINUTES: '0.002,0.004',
  SIASN_RETRY_MAX_ATTEMPTS: '3',
  SIASN_TIMEOUT_MS: '2000',
  SIASN_ENABLED: 'true',
};

Object.assign(process.env, SIASN_PUSH_ENV);
