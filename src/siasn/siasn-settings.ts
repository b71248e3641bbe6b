import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { siasnDefaults, type SiasnConfig } from '../rules';

export interface SiasnTransportSettings {
  baseUrl: string;
  wso2TokenUrl: string;
  ssoTokenUrl: string;
  consumerKey: string;
  consumerSecret: string;
  ssoClientId: string;
  ssoUsername: string;
  ssoPassword: string;
  allowedHosts: string[];
  timeoutMs: number;
}

/** The SIASN exchange's decisions (spec 04 §9 `siasn.*`) and transport, from the validated environment. */
@Injectable()
export class SiasnSettings {
  readonly enabled: boolean;
  readonly rules: SiasnConfig;
  readonly transport: SiasnTransportSettings;

  constructor(config: AppConfig) {
    this.enabled = config.get('SIASN_ENABLED') === 'true';
    this.rules = {
      ...siasnDefaults,
      updateMode: config.get('SIASN_UPDATE_MODE'),
      retry: {
        backoffMinutes: config.get('SIASN_RETRY_BACKOFF_MINUTES').split(',').map(Number),
        maxAttempts: config.get('SIASN_RETRY_MAX_ATTEMPTS'),
      },
      kinerjaPeriodik: { scope: config.get('SIASN_KINERJA_PERIODIK_SCOPE') },
      pppk: { push: config.get('SIASN_PPPK_PUSH') === 'true' },
      docRef: {
        skp22: config.get('SIASN_DOC_REF_SKP22'),
        kinerjaPeriodik: config.get('SIASN_DOC_REF_KINERJA_PERIODIK'),
        angkaKredit: config.get('SIASN_DOC_REF_ANGKA_KREDIT'),
      },
    };
    this.transport = {
      baseUrl: config.get('SIASN_BASE_URL').replace(/\/+$/, ''),
      wso2TokenUrl: config.get('SIASN_WSO2_TOKEN_URL'),
      ssoTokenUrl: config.get('SIASN_SSO_TOKEN_URL'),
      consumerKey: config.get('SIASN_CONSUMER_KEY'),
      consumerSecret: config.get('SIASN_CONSUMER_SECRET'),
      ssoClientId: config.get('SIASN_SSO_CLIENT_ID'),
      ssoUsername: config.get('SIASN_SSO_USERNAME'),
      ssoPassword: config.get('SIASN_SSO_PASSWORD'),
      allowedHosts: config
        .get('SIASN_ALLOWED_HOSTS')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
      timeoutMs: config.get('SIASN_TIMEOUT_MS'),
    };
  }
}
