/**
 * Staff identity: accounts, single-use invites, passkeys (WebAuthn through @simplewebauthn/server),
 * database sessions and per-integration API tokens. Every secret handed out (invite link, session
 * cookie, API token) is stored only as its SHA-256 hash.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { ApiToken, StaffAccount, StaffRole } from '../../src/api/staff-schemas.js';
import type { Database } from '../db/database.js';
import { base64UrlDecode, base64UrlEncode } from '../security/encoding.js';
import { newRecordId, newToken, sha256Hex } from '../security/secrets.js';

export const SESSION_IDLE_MS = 15 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
export const INVITE_LIFETIME_MS = 72 * 60 * 60_000;
const CEREMONY_LIFETIME_MS = 5 * 60_000;
export const API_TOKEN_PREFIX = 'iop_';

/** Where the console is served and which relying party the passkeys belong to. */
export interface RelyingParty {
  readonly origin: string;
  readonly id: string;
  readonly name: string;
}

export interface SignedInAccount {
  readonly id: string;
  readonly displayName: string;
  readonly role: StaffRole;
}

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  constructor(readonly reason: 'invite-invalid' | 'ceremony-invalid' | 'passkey-refused' | 'account-disabled') {
    super(reason);
  }
}

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** Passkeys need a host name, not an address: a local server is opened as `localhost`. */
export function consoleOrigin(serverUrl: string, publicOrigin?: string): string {
  if (publicOrigin) return publicOrigin;
  const url = new URL(serverUrl);
  if (['127.0.0.1', '0.0.0.0', '[::1]', '[::]'].includes(url.hostname)) url.hostname = 'localhost';
  return url.origin;
}

// ---- invites ------------------------------------------------------------------------------------

/** The link carries the token in its fragment, which browsers never send to a server or a log. */
export const enrolmentPath = (token: string) => `/console/#invite=${token}`;

export async function createInvite(db: Database, role: StaffRole, now: Date, options: { createdBy?: string | null; displayName?: string | undefined } = {}) {
  const token = newToken();
  const id = newRecordId();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  await db.query(
    'INSERT INTO staff_invites (id, token_hash, role, display_name, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, await sha256Hex(token), role, options.displayName ?? null, options.createdBy ?? null, now, expiresAt],
  );
  return { id, token, role, expiresAt: expiresAt.toISOString(), enrolmentPath: enrolmentPath(token) };
}

export async function hasActiveAdmin(db: Database): Promise<boolean> {
  const [row] = await db.query("SELECT 1 FROM staff_accounts WHERE role = 'admin' AND disabled_at IS NULL LIMIT 1");
  return row !== undefined;
}

/**
 * The first-start setup code: while no admin exists, each start replaces earlier unused setup
 * invites with a fresh one (only the hash is kept, so an old one cannot be shown again).
 */
export async function issueSetupInvite(db: Database, now: Date): Promise<{ token: string; enrolmentPath: string } | null> {
  if (await hasActiveAdmin(db)) return null;
  await db.query("UPDATE staff_invites SET expires_at = $1 WHERE created_by IS NULL AND role = 'admin' AND used_at IS NULL AND expires_at > $1", [now]);
  return createInvite(db, 'admin', now);
}

async function usableInvite(db: Database, token: string, now: Date) {
  const [invite] = await db.query<{ id: string; role: StaffRole; display_name: string | null }>(
    'SELECT id, role, display_name FROM staff_invites WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
    [await sha256Hex(token), now],
  );
  if (!invite) throw new IdentityError('invite-invalid');
  return invite;
}

// ---- passkeys -----------------------------------------------------------------------------------

async function newCeremony(db: Database, purpose: 'enrol' | 'sign-in', challenge: string, now: Date, extra: { inviteId?: string; userHandle?: string; displayName?: string } = {}) {
  const id = newRecordId();
  await db.query(
    'INSERT INTO webauthn_ceremonies (id, purpose, challenge, invite_id, user_handle, display_name, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, purpose, challenge, extra.inviteId ?? null, extra.userHandle ?? null, extra.displayName ?? null, new Date(now.getTime() + CEREMONY_LIFETIME_MS)],
  );
  // Old, abandoned ceremonies go as new ones start.
  await db.query('DELETE FROM webauthn_ceremonies WHERE expires_at < $1', [now]);
  return id;
}

/** Each ceremony answers once. */
async function takeCeremony(db: Database, id: string, purpose: 'enrol' | 'sign-in', now: Date) {
  const [row] = await db.query<{ challenge: string; invite_id: string | null; user_handle: string | null; display_name: string | null; expires_at: Date }>(
    'DELETE FROM webauthn_ceremonies WHERE id = $1 AND purpose = $2 RETURNING challenge, invite_id, user_handle, display_name, expires_at',
    [id, purpose],
  );
  if (!row || row.expires_at < now) throw new IdentityError('ceremony-invalid');
  return row;
}

export async function startEnrolment(db: Database, rp: RelyingParty, inviteToken: string, displayName: string | undefined, now: Date) {
  const invite = await usableInvite(db, inviteToken, now);
  const name = displayName ?? invite.display_name ?? `New ${invite.role}`;
  const userHandle = crypto.getRandomValues(new Uint8Array(32));
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: name,
    userDisplayName: name,
    userID: userHandle,
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const ceremonyId = await newCeremony(db, 'enrol', options.challenge, now, { inviteId: invite.id, userHandle: base64UrlEncode(userHandle), displayName: name });
  return { ceremonyId, options: options as unknown as Record<string, unknown> };
}

/** Verifies the new passkey, creates the account and uses up the invite, all at once. */
export async function finishEnrolment(db: Database, rp: RelyingParty, ceremonyId: string, response: Record<string, unknown>, now: Date): Promise<SignedInAccount> {
  const ceremony = await takeCeremony(db, ceremonyId, 'enrol', now);
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch {
    throw new IdentityError('passkey-refused');
  }
  if (!verification.verified) throw new IdentityError('passkey-refused');
  const credential = verification.registrationInfo.credential;
  return db.transaction(async (tx) => {
    const [invite] = await tx.query<{ role: StaffRole }>(
      'UPDATE staff_invites SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2 RETURNING role',
      [ceremony.invite_id, now],
    );
    if (!invite) throw new IdentityError('invite-invalid');
    const account: SignedInAccount = { id: newRecordId(), displayName: ceremony.display_name ?? 'Staff', role: invite.role };
    await tx.query('INSERT INTO staff_accounts (id, display_name, role, user_handle, created_at) VALUES ($1, $2, $3, $4, $5)', [
      account.id,
      account.displayName,
      account.role,
      ceremony.user_handle,
      now,
    ]);
    await tx.query('UPDATE staff_invites SET used_by = $2 WHERE id = $1', [ceremony.invite_id, account.id]);
    await tx.query('INSERT INTO staff_passkeys (id, account_id, public_key, counter, transports, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      credential.id,
      account.id,
      base64UrlEncode(credential.publicKey),
      credential.counter,
      JSON.stringify(credential.transports ?? []),
      now,
    ]);
    return account;
  });
}

/** Discoverable passkeys: the browser offers the person's own, so no user name is asked. */
export async function startSignIn(db: Database, rp: RelyingParty, now: Date) {
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required' });
  const ceremonyId = await newCeremony(db, 'sign-in', options.challenge, now);
  return { ceremonyId, options: options as unknown as Record<string, unknown> };
}

export async function finishSignIn(db: Database, rp: RelyingParty, ceremonyId: string, response: Record<string, unknown>, now: Date): Promise<SignedInAccount> {
  const ceremony = await takeCeremony(db, ceremonyId, 'sign-in', now);
  const answer = response as unknown as AuthenticationResponseJSON;
  const [passkey] = await db.query<{ id: string; public_key: string; counter: string | number; transports: string[]; account_id: string; display_name: string; role: StaffRole; disabled_at: Date | null }>(
    `SELECT p.id, p.public_key, p.counter, p.transports, a.id AS account_id, a.display_name, a.role, a.disabled_at
       FROM staff_passkeys p JOIN staff_accounts a ON a.id = p.account_id WHERE p.id = $1`,
    [typeof answer.id === 'string' ? answer.id : ''],
  );
  if (!passkey) throw new IdentityError('passkey-refused');
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response: answer,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.id, publicKey: base64UrlDecode(passkey.public_key) as Uint8Array<ArrayBuffer>, counter: Number(passkey.counter), transports: passkey.transports },
      requireUserVerification: true,
    });
  } catch {
    throw new IdentityError('passkey-refused');
  }
  if (!verification.verified) throw new IdentityError('passkey-refused');
  if (passkey.disabled_at) throw new IdentityError('account-disabled');
  await db.query('UPDATE staff_passkeys SET counter = $2, last_used_at = $3 WHERE id = $1', [passkey.id, verification.authenticationInfo.newCounter, now]);
  return { id: passkey.account_id, displayName: passkey.display_name, role: passkey.role };
}

// ---- sessions -----------------------------------------------------------------------------------

export async function openSession(db: Database, accountId: string, now: Date): Promise<string> {
  const token = newToken();
  await db.query('INSERT INTO staff_sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)', [await sha256Hex(token), accountId, now]);
  return token;
}

export interface ActiveSession {
  readonly account: SignedInAccount;
  readonly expiresAt: Date;
}

/** A live session is touched (idle clock restarts); an expired one is ended on the way. */
export async function resumeSession(db: Database, token: string, now: Date, { touch = true } = {}): Promise<ActiveSession | null> {
  const hash = await sha256Hex(token);
  const [row] = await db.query<{ created_at: Date; last_seen_at: Date; id: string; display_name: string; role: StaffRole }>(
    `SELECT s.created_at, s.last_seen_at, a.id, a.display_name, a.role FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
      WHERE s.token_hash = $1 AND s.ended_at IS NULL AND a.disabled_at IS NULL`,
    [hash],
  );
  if (!row) return null;
  const expiresAt = new Date(row.created_at.getTime() + SESSION_ABSOLUTE_MS);
  if (now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS || now >= expiresAt) {
    await db.query('UPDATE staff_sessions SET ended_at = $2 WHERE token_hash = $1', [hash, now]);
    return null;
  }
  if (touch) await db.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE token_hash = $1', [hash, now]);
  return { account: { id: row.id, displayName: row.display_name, role: row.role }, expiresAt };
}

export async function endSession(db: Database, token: string, now: Date): Promise<void> {
  await db.query('UPDATE staff_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL', [await sha256Hex(token), now]);
}

export async function endAllSessions(db: Database, accountId: string, now: Date): Promise<void> {
  await db.query('UPDATE staff_sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL', [accountId, now]);
}

// ---- accounts -----------------------------------------------------------------------------------

export async function listAccounts(db: Database): Promise<StaffAccount[]> {
  const rows = await db.query<{ id: string; display_name: string; role: StaffRole; created_at: Date; disabled_at: Date | null; passkeys: string | number }>(
    `SELECT a.id, a.display_name, a.role, a.created_at, a.disabled_at, (SELECT count(*) FROM staff_passkeys p WHERE p.account_id = a.id) AS passkeys
       FROM staff_accounts a ORDER BY a.created_at, a.id`,
  );
  return rows.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role, createdAt: row.created_at.toISOString(), disabledAt: iso(row.disabled_at), passkeys: Number(row.passkeys) }));
}

/** Disabling ends the person's sessions at once. */
export async function disableAccount(db: Database, accountId: string, now: Date): Promise<boolean> {
  const rows = await db.query('UPDATE staff_accounts SET disabled_at = coalesce(disabled_at, $2) WHERE id = $1 RETURNING id', [accountId, now]);
  await endAllSessions(db, accountId, now);
  return rows.length > 0;
}

// ---- API tokens ---------------------------------------------------------------------------------

type TokenRow = {
  id: string;
  name: string;
  role: StaffRole;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};
const tokenView = (row: TokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: iso(row.last_used_at),
  revokedAt: iso(row.revoked_at),
});

export async function issueApiToken(db: Database, name: string, role: StaffRole, createdBy: string | null, now: Date) {
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  const id = newRecordId();
  const [row] = await db.query<TokenRow>(
    'INSERT INTO api_tokens (id, name, role, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
    [id, name, role, await sha256Hex(token), createdBy, now],
  );
  return { ...tokenView(row!), token };
}

export async function listApiTokens(db: Database): Promise<ApiToken[]> {
  return (await db.query<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id')).map(tokenView);
}

export async function revokeApiToken(db: Database, id: string, now: Date): Promise<ApiToken | null> {
  const [row] = await db.query<TokenRow>('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING *', [id, now]);
  return row ? tokenView(row) : null;
}

/** A live token's identity; its last-used time is recorded. */
export async function resolveApiToken(db: Database, token: string, now: Date): Promise<{ id: string; name: string; role: StaffRole } | null> {
  const [row] = await db.query<{ id: string; name: string; role: StaffRole }>(
    'UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id, name, role',
    [await sha256Hex(token), now],
  );
  return row ?? null;
}
