/**
 * Import first in a SIASN import test file (before test-app): the engine reads its configuration when the
 * app module loads, so SIASN is switched on here and pointed at the fake on a port chosen now.
 */
import { FAKE_CREDENTIALS } from './siasn-fake';

export const RECON_FAKE_PORT = 20000 + Math.floor(Math.random() * 30000);

const url = `http://127.0.0.1:${RECON_FAKE_PORT}`;
Object.assign(process.env, {
  SIASN_ENABLED: 'true',
  SIASN_ALLOWED_HOSTS: '127.0.0.1',
  SIASN_TIMEOUT_MS: '5000',
  SIASN_BASE_URL: `${url}/apisiasn/1.0`,
  SIASN_WSO2_TOKEN_URL: `${url}/oauth2/token`,
  SIASN_SSO_TOKEN_URL: `${url}/sso/token`,
  SIASN_CONSUMER_KEY: FAKE_CREDENTIALS.consumerKey,
  SIASN_CONSUMER_SECRET: FAKE_CREDENTIALS.consumerSecret,
  SIASN_SSO_CLIENT_ID: FAKE_CREDENTIALS.ssoClientId,
  SIASN_SSO_USERNAME: FAKE_CREDENTIALS.ssoUsername,
  SIASN_SSO_PASSWORD: FAKE_CREDENTIALS.ssoPassword,
});
