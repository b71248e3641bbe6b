import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  validateSync,
} from 'class-validator';
import { SIASN_DOCUMENT_REFS, type SiasnDocumentRef } from '../rules/siasn/codes';
import { TrustProxyConstraint } from './trust-proxy';

const SIASN_DOC_REFS = Object.keys(SIASN_DOCUMENT_REFS);

/** Environment contract, validated once at startup. Secrets have no defaults here. */
export class EnvironmentVariables {
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/skp',
  })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL!: string;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (use a random secret)' })
  JWT_SECRET!: string;

  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS: number = 3600;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsOptional()
  @IsString()
  HOST: string = '127.0.0.1';

  @IsOptional()
  @Matches(/^\d{18}$/, { message: 'must be an 18-digit NIP' })
  BOOTSTRAP_ADMIN_NIP?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/i, { message: 'must be 1-40 letters, digits, _ or -' })
  QUEUE_PREFIX: string = 'skp';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Comma-separated list of allowed origins, or '*' ; empty disables CORS. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS: string = '';

  /** Password attempts per account and client address in one window (login, queue-board Basic auth). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_RATE_LIMIT: number = 10;

  /** Password attempts per account from all addresses together (distributed guessing). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_ACCOUNT_RATE_LIMIT: number = 30;

  /** Failed password attempts per client address across all accounts (password spraying). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_ADDRESS_RATE_LIMIT: number = 30;

  @IsOptional()
  @IsInt()
  @Min(1000)
  LOGIN_RATE_WINDOW_MS: number = 60000;

  /**
   * Proxies whose X-Forwarded-For is believed: empty (default) believes none; otherwise a
   * comma-separated list of addresses/CIDRs or `loopback`, `linklocal`, `uniquelocal`.
   */
  @IsOptional()
  @IsString()
  @Validate(TrustProxyConstraint)
  TRUST_PROXY: string = '';

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: string = 'development';

  /**
   * Webhook hosts allowed although they resolve to loopback, private, link-local or metadata
   * addresses (comma-separated host names or IP literals, e.g. an on-premises payroll server).
   */
  @IsOptional()
  @IsString()
  WEBHOOK_ALLOWED_HOSTS: string = '';

  /** Consecutive failed deliveries after which a subscription is paused (status PAUSED). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_MAX_CONSECUTIVE_FAILURES: number = 20;

  @IsOptional()
  @IsIn(['true', 'false'])
  RUN_MIGRATIONS: string = 'true';

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_CONCURRENCY: number = 20;

  /**
   * Seconds a worker keeps running while Redis is unreachable before it exits (code 69) so that its
   * supervisor restarts it; 0 never exits (it only reports itself unhealthy in the log).
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  WORKER_REDIS_GRACE_SECONDS: number = 30;

  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(60000)
  OUTBOX_POLL_MS: number = 250;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  OBJECTION_WINDOW_DAYS: number = 14;

  /** ak.pppk.ledger (spec 04 §6): a PPPK in a JF gets an INFORMATIONAL AK ledger, or none (`false`). */
  @IsOptional()
  @IsIn(['INFORMATIONAL', 'false'])
  AK_PPPK_LEDGER: 'INFORMATIONAL' | 'false' = 'INFORMATIONAL';

  /** evaluation.rateBeforePeriodEnd: allow rating/finalising a period before its last month has begun. */
  @IsOptional()
  @IsIn(['true', 'false'])
  EVALUATION_RATE_BEFORE_PERIOD_END: 'true' | 'false' = 'false';

  /** skp.annual.mode (spec 04 §1.3, OPEN): which SKP of a split year gives the annual predikat. */
  @IsOptional()
  @IsIn(['LAST_SKP', 'LONGEST_SKP', 'PER_SKP'])
  SKP_ANNUAL_MODE: 'LAST_SKP' | 'LONGEST_SKP' | 'PER_SKP' = 'LAST_SKP';

  /** skp.split.copyRhk (spec 04 §1.2, INFERRED): a new SKP after a split may copy the previous RHK (OFFER). */
  @IsOptional()
  @IsIn(['OFFER', 'NEVER', 'ALWAYS'])
  SKP_SPLIT_COPY_RHK: 'OFFER' | 'NEVER' | 'ALWAYS' = 'OFFER';

  /** skp.split.closingDueDays (spec 04 §1.3, OPEN): the closing evaluation of a CLOSED SKP is due this many days after its end. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  SKP_SPLIT_CLOSING_DUE_DAYS: number = 30;

  /** rencanaAksi.granularity (spec 04 §2.1, INFERRED): rencana aksi per quarter or per month. */
  @IsOptional()
  @IsIn(['QUARTER', 'MONTH'])
  RENCANA_AKSI_GRANULARITY: 'QUARTER' | 'MONTH' = 'QUARTER';

  /** feedback.requirePerRhk (spec 04 §2.1, INFERRED): a rating needs a feedback entry for every UTAMA RHK in the period. */
  @IsOptional()
  @IsIn(['true', 'false'])
  FEEDBACK_REQUIRE_PER_RHK: 'true' | 'false' = 'false';

  /** Agency name printed on documents (DEKP). */
  @IsOptional()
  @IsString()
  @MinLength(3)
  AGENCY_NAME: string = 'Pemerintah Kabupaten Contoh';

  /** The built console served at `/` (empty: web/dist of this checkout or image). */
  @IsOptional()
  @IsString()
  CONSOLE_DIR: string = '';

  /** Where evidence files (bukti dukung) are kept: `local` (EVIDENCE_DIR) or `s3` (any S3-compatible API). */
  @IsOptional()
  @IsIn(['local', 's3'])
  EVIDENCE_STORAGE: 'local' | 's3' = 'local';

  /** The local driver's directory (relative to the working directory unless absolute). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  EVIDENCE_DIR: string = '.run/evidence';

  /** Largest evidence file accepted, in bytes (default 10 MB). */
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  EVIDENCE_MAX_BYTES: number = 10 * 1024 * 1024;

  /** S3 driver: the API's URL (MinIO `http://127.0.0.1:9000`); empty for AWS itself. */
  @IsOptional()
  @IsString()
  S3_ENDPOINT: string = '';

  @IsOptional()
  @IsString()
  S3_REGION: string = 'us-east-1';

  @IsOptional()
  @IsString()
  S3_BUCKET: string = '';

  /** Empty: the SDK's own chain (environment, instance role). */
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID: string = '';

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY: string = '';

  @IsOptional()
  @IsIn(['true', 'false'])
  S3_FORCE_PATH_STYLE: 'true' | 'false' = 'true';

  /** SIASN exchange (spec 04 §8): off by default; nothing is sent while false. */
  @IsOptional()
  @IsIn(['true', 'false'])
  SIASN_ENABLED: 'true' | 'false' = 'false';

  @IsOptional()
  @IsString()
  SIASN_BASE_URL: string = 'https://apimws.bkn.go.id:8243/apisiasn/1.0';

  /** WSO2 gateway token endpoint (client_credentials with the consumer key/secret). */
  @IsOptional()
  @IsString()
  SIASN_WSO2_TOKEN_URL: string = 'https://apimws.bkn.go.id/oauth2/token';

  /** SSO token endpoint (password grant of the agency's SIASN operator account). */
  @IsOptional()
  @IsString()
  SIASN_SSO_TOKEN_URL: string = 'https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/token';

  @IsOptional()
  @IsString()
  SIASN_CONSUMER_KEY: string = '';

  @IsOptional()
  @IsString()
  SIASN_CONSUMER_SECRET: string = '';

  @IsOptional()
  @IsString()
  SIASN_SSO_CLIENT_ID: string = '';

  @IsOptional()
  @IsString()
  SIASN_SSO_USERNAME: string = '';

  @IsOptional()
  @IsString()
  SIASN_SSO_PASSWORD: string = '';

  /** SIASN hosts allowed although they resolve to loopback/private addresses (tests: 127.0.0.1). */
  @IsOptional()
  @IsString()
  SIASN_ALLOWED_HOSTS: string = '';

  /** siasn.updateMode (spec 04 §8.5, OPEN): a row SIASN holds with other values. */
  @IsOptional()
  @IsIn(['SAVE_WITH_ID', 'DELETE_THEN_SAVE', 'MANUAL'])
  SIASN_UPDATE_MODE: 'SAVE_WITH_ID' | 'DELETE_THEN_SAVE' | 'MANUAL' = 'SAVE_WITH_ID';

  /** siasn.retry.backoff (INFERRED): minutes before each retry, comma-separated; the last repeats. */
  @IsOptional()
  @Matches(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/)
  SIASN_RETRY_BACKOFF_MINUTES: string = '1,5,25,120,600';

  /** siasn.retry.maxAttempts (INFERRED): transient failures before a row is DEAD. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  SIASN_RETRY_MAX_ATTEMPTS: number = 8;

  /** Milliseconds a SIASN call may take before it counts as a network failure (retried). */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(300000)
  SIASN_TIMEOUT_MS: number = 30000;

  /** siasn.kinerjaPeriodik.scope (INFERRED): periodic results of JF only, or of everyone. */
  @IsOptional()
  @IsIn(['JF_ONLY', 'ALL'])
  SIASN_KINERJA_PERIODIK_SCOPE: 'JF_ONLY' | 'ALL' = 'JF_ONLY';

  /** siasn.pppk.push (OPEN): PPPK results are sent too. */
  @IsOptional()
  @IsIn(['true', 'false'])
  SIASN_PPPK_PUSH: 'true' | 'false' = 'false';

  /** siasn.docRef.* (spec 04 §8.3): `id_ref_dokumen` of the uploaded documents (skp22 OPEN: 891 or 890). */
  @IsOptional()
  @IsIn(SIASN_DOC_REFS)
  SIASN_DOC_REF_SKP22: SiasnDocumentRef = '891';

  @IsOptional()
  @IsIn(SIASN_DOC_REFS)
  SIASN_DOC_REF_KINERJA_PERIODIK: SiasnDocumentRef = '890';

  @IsOptional()
  @IsIn(SIASN_DOC_REFS)
  SIASN_DOC_REF_ANGKA_KREDIT: SiasnDocumentRef = '879';
}

export class ConfigError extends Error {}

/** Returns the validated config or throws a ConfigError whose message is one line per bad variable. */
export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const cfg = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(cfg, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const value = raw[e.property];
      const why = value === undefined || value === '' ? 'is missing' : Object.values(e.constraints ?? {}).join('; ');
      return `Configuration error: ${e.property} ${why}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  if (cfg.BOOTSTRAP_ADMIN_NIP && !cfg.BOOTSTRAP_ADMIN_PASSWORD) {
    throw new ConfigError(
      'Configuration error: BOOTSTRAP_ADMIN_PASSWORD is missing (required when BOOTSTRAP_ADMIN_NIP is set)',
    );
  }
  if (cfg.SIASN_ENABLED === 'true') {
    const missing = (
      [
        'SIASN_BASE_URL',
        'SIASN_WSO2_TOKEN_URL',
        'SIASN_SSO_TOKEN_URL',
        'SIASN_CONSUMER_KEY',
        'SIASN_CONSUMER_SECRET',
        'SIASN_SSO_CLIENT_ID',
        'SIASN_SSO_USERNAME',
        'SIASN_SSO_PASSWORD',
      ] as const
    ).filter((k) => !cfg[k]);
    const badUrl = (['SIASN_BASE_URL', 'SIASN_WSO2_TOKEN_URL', 'SIASN_SSO_TOKEN_URL'] as const).filter(
      (k) => cfg[k] && !/^https?:\/\/[^\s]+$/.test(cfg[k]),
    );
    if (missing.length || badUrl.length)
      throw new ConfigError(
        [
          ...missing.map((k) => `Configuration error: ${k} is missing (required when SIASN_ENABLED=true)`),
          ...badUrl.map((k) => `Configuration error: ${k} must be an http(s) URL`),
        ].join('\n'),
      );
  }
  if (cfg.EVIDENCE_STORAGE === 's3' && !cfg.S3_BUCKET) {
    throw new ConfigError('Configuration error: S3_BUCKET is missing (required when EVIDENCE_STORAGE=s3)');
  }
  return cfg;
}
