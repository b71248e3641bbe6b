/** Validation options shared by the request DTOs of several features. */

/** Bukti dukung and other links people give: https only, with a real host. */
export const HTTPS_URL = { protocols: ['https'], require_protocol: true, require_tld: true, require_host: true };

/** An evaluation period id: YYYY, YYYY-Q1..YYYY-Q4 or YYYY-01..YYYY-12. */
export const PERIOD_ID = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
export const PERIOD_ID_MESSAGE = 'period must be YYYY, YYYY-Q1..Q4 or YYYY-MM';
