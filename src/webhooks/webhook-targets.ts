import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface TargetRules {
  /** production: https only. */
  production: boolean;
  /** Host names / IP literals allowed even when they resolve to internal addresses. */
  allowedHosts: string[];
}

export function targetRules(nodeEnv: string, allowedHosts: string): TargetRules {
  return {
    production: nodeEnv === 'production',
    allowedHosts: allowedHosts
      .split(',')
      .map((h) => normaliseHost(h.trim()))
      .filter(Boolean),
  };
}

const normaliseHost = (h: string) =>
  h
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

/** Only public unicast addresses: not loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved… */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

export class TargetRefused extends Error {}

/** The URL's own problems (scheme, credentials, allowed host); null when only the address remains to be checked. */
export function urlProblem(raw: string, rules: TargetRules): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (rules.production ? url.protocol !== 'https:' : !['https:', 'http:'].includes(url.protocol))
    return rules.production ? 'must be an https URL' : 'must be an http(s) URL';
  if (url.username || url.password) return 'must not carry credentials';
  return null;
}

const isAllowed = (host: string, rules: TargetRules) => rules.allowedHosts.includes(normaliseHost(host));

/** Resolves the host and refuses internal addresses (unless the host is allowed); null when the target may be called. */
export async function targetProblem(raw: string, rules: TargetRules): Promise<string | null> {
  const problem = urlProblem(raw, rules);
  if (problem) return problem;
  const host = normaliseHost(new URL(raw).hostname);
  if (isAllowed(host, rules)) return null;
  if (ipaddr.isValid(host))
    return isPublicAddress(host) ? null : 'points to a loopback, private, link-local or reserved address';
  const addresses = await new Promise<LookupAddress[] | null>((resolve) => {
    dnsLookup(host, { all: true }, (err, list) => {
      resolve(err ? null : list);
    });
  });
  if (!addresses || addresses.length === 0) return 'host does not resolve';
  if (addresses.some((a) => !isPublicAddress(a.address)))
    return 'resolves to a loopback, private, link-local or reserved address';
  return null;
}

/**
 * A DNS lookup for the delivery's own connection that refuses internal addresses at connect time,
 * so a name that resolved to a public address when checked cannot be re-pointed inside (rebinding).
 */
function guardedLookup(rules: TargetRules): LookupFunction {
  return ((hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, list) => {
      if (err) {
        callback(err);
        return;
      }
      const addrs = list;
      if (!isAllowed(hostname, rules) && addrs.some((a) => !isPublicAddress(a.address))) {
        callback(new TargetRefused('target resolves to a loopback, private, link-local or reserved address'));
        return;
      }
      if (options.all) callback(null, addrs);
      else callback(null, addrs[0].address, addrs[0].family);
    });
  }) as unknown as LookupFunction;
}

/** POSTs the body to a checked target; redirects are not followed (a redirect could point inside). */
export async function postToTarget(
  raw: string,
  headers: Record<string, string>,
  body: string,
  rules: TargetRules,
  timeoutMs = 10_000,
): Promise<number> {
  const problem = await targetProblem(raw, rules);
  if (problem) throw new TargetRefused(`target ${problem}`);
  const url = new URL(raw);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(rules),
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Any request to a checked target (the SIASN exchange uses it too): internal addresses refused unless
 * allowed, at check and at connect time; no redirects followed; the answer's status and text.
 */
export async function requestTarget(
  raw: string,
  init: { method: string; headers: Record<string, string>; body?: string | Buffer },
  rules: TargetRules,
  timeoutMs = 10_000,
): Promise<{ status: number; text: string }> {
  const problem = await targetProblem(raw, rules);
  if (problem) throw new TargetRefused(`target ${problem}`);
  const url = new URL(raw);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = init.body ?? '';
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: init.method,
        headers: { ...init.headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(rules),
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
