import ipaddr from 'ipaddr.js';
import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY → Fastify's `trustProxy`. Off unless proxies are listed: believing every
 * X-Forwarded-For lets a client pick its own address and step around per-address throttles.
 * `true` and hop counts are refused on purpose (a hop count trusts whatever the client prepends).
 */
export function parseTrustProxy(raw: string | undefined): false | string[] {
  const items = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0 || (items.length === 1 && items[0] === 'false')) return false;
  const bad = items.filter((i) => !isProxyEntry(i));
  if (bad.length)
    throw new Error(
      `TRUST_PROXY entries must be addresses, CIDRs or loopback/linklocal/uniquelocal: ${bad.join(', ')}`,
    );
  return items;
}

function isProxyEntry(item: string): boolean {
  if (NAMED.has(item)) return true;
  if (item.includes('/')) {
    try {
      ipaddr.parseCIDR(item);
      return true;
    } catch {
      return false;
    }
  }
  return ipaddr.isValid(item);
}

@ValidatorConstraint({ name: 'trustProxy' })
export class TrustProxyConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    try {
      // Environment values are strings; anything else (or nothing) is not a trust-proxy setting.
      parseTrustProxy(typeof value === 'string' ? value : '');
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'must be empty or a comma-separated list of proxy addresses/CIDRs (or loopback, linklocal, uniquelocal); true and hop counts are refused';
  }
}
