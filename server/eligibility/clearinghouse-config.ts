/**
 * Clearinghouse settings from the environment (documented in the README). Pure, like config.ts.
 */
import { DEFAULT_SERVICE_TYPE_CODES } from '../../src/domain/eligibility-benefits.js';
import type { ClearinghouseSettings } from './clearinghouse-eligibility.js';

export class ClearinghouseConfigError extends Error {
  override readonly name = 'ClearinghouseConfigError';
}

/** X12 service type codes are one or two letters or digits. */
const SERVICE_TYPE = /^[A-Z0-9]{1,2}$/;

/** An NPI is 10 digits whose Luhn check (with the 80840 prefix) holds (CMS NPI check digit). */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  for (let index = digits.length - 1, double = false; index >= 0; index -= 1, double = !double) {
    let digit = digits[index]!;
    if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** `aetna=60054,cigna=62308` to a record; values are validated by `check`. */
function pairs(raw: string | undefined, name: string, check: (value: string) => boolean): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of (raw ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [key, value] = entry.split('=').map((part) => part?.trim() ?? '');
    if (!key || !value || !check(value)) throw new ClearinghouseConfigError(`${name}: "${entry}" should look like payer-id=value`);
    result[key] = value;
  }
  return result;
}

export function readClearinghouseSettings(env: Record<string, string | undefined>): ClearinghouseSettings {
  const need = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new ClearinghouseConfigError(`IOP_ELIGIBILITY_PROVIDER=clearinghouse needs ${name}`);
    return value;
  };
  const baseUrl = need('IOP_CLEARINGHOUSE_URL');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ClearinghouseConfigError('IOP_CLEARINGHOUSE_URL must be an absolute URL');
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !loopback) throw new ClearinghouseConfigError('IOP_CLEARINGHOUSE_URL must use https (health data travels on it)');
  const providerNpi = need('IOP_PROVIDER_NPI');
  if (!isValidNpi(providerNpi)) throw new ClearinghouseConfigError('IOP_PROVIDER_NPI must be a valid 10-digit NPI');
  const codes = pairs(env.IOP_CLEARINGHOUSE_SERVICE_TYPES, 'IOP_CLEARINGHOUSE_SERVICE_TYPES', (value) => value.split('|').every((code) => SERVICE_TYPE.test(code)));
  const { '*': fallback, ...perPayer } = codes;
  const timeout = env.IOP_CLEARINGHOUSE_TIMEOUT_MS?.trim();
  const timeoutMs = timeout ? Number(timeout) : undefined;
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 100)) throw new ClearinghouseConfigError('IOP_CLEARINGHOUSE_TIMEOUT_MS must be a whole number of milliseconds, at least 100');
  const split = (value: string) => value.split('|');
  const defaults = fallback ? split(fallback) : DEFAULT_SERVICE_TYPE_CODES;
  return {
    baseUrl,
    apiKey: need('IOP_CLEARINGHOUSE_API_KEY'),
    providerNpi,
    providerName: need('IOP_PROVIDER_NAME'),
    serviceTypeCodes: Object.fromEntries(Object.entries(perPayer).map(([payer, value]) => [payer, split(value)])),
    defaultServiceTypeCodes: defaults,
    tradingPartnerIds: pairs(env.IOP_CLEARINGHOUSE_PAYER_IDS, 'IOP_CLEARINGHOUSE_PAYER_IDS', (value) => /^[A-Za-z0-9_-]{1,80}$/.test(value)),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}
