/**
 * A user's password or PIN is never stored: only a salted PBKDF2-SHA256 hash of it, made with
 * WebCrypto (the same API in the browser, Electron's renderer and Node, so the central system can
 * check the same records). 310,000 iterations is OWASP's figure for PBKDF2-HMAC-SHA256 (2023);
 * `needsRehash` lets a sign-in upgrade an older record when the figure is raised.
 */

export const CREDENTIAL_ALGORITHM = 'PBKDF2-SHA256';
/** What a new credential is made with. */
export const PBKDF2_ITERATIONS = 310_000;
/** Below this a stored credential is not trusted at all (a tampered or foreign record). */
export const MIN_PBKDF2_ITERATIONS = 310_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export interface Credential {
  algorithm: typeof CREDENTIAL_ALGORITHM;
  iterations: number;
  /** Hex of the random salt. */
  salt: string;
  /** Hex of the derived 256 bits. */
  hash: string;
}

/**
 * The same secret typed on two keyboards must give the same bytes: a Kazakh letter can arrive
 * composed (ә) or as a base letter plus a combining mark. NFC makes them one. Nothing is trimmed:
 * a space the person chose is part of the secret.
 */
function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(secret.normalize('NFC'));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function derive(
  secret: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', secretBytes(secret), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

/** A new credential for `secret` with a fresh random salt. Check the secret against the policy first. */
export async function makeCredential(
  secret: string,
  options: { iterations?: number; salt?: Uint8Array<ArrayBuffer> } = {},
): Promise<Credential> {
  const iterations = Math.max(options.iterations ?? PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS);
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return {
    algorithm: CREDENTIAL_ALGORITHM,
    iterations,
    salt: toHex(salt),
    hash: toHex(await derive(secret, salt, iterations)),
  };
}

/**
 * Compares every byte whatever the first difference, so the time taken does not tell an attacker
 * how much of a guess was right. (The inputs are hashes of equal length; a length difference only
 * says the record is malformed.)
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

function isTrusted(credential: Credential): boolean {
  return (
    credential.algorithm === CREDENTIAL_ALGORITHM &&
    Number.isInteger(credential.iterations) &&
    credential.iterations >= MIN_PBKDF2_ITERATIONS &&
    // A bound on the work one sign-in may cost, so a tampered record cannot hang the desk.
    credential.iterations <= 100 * PBKDF2_ITERATIONS
  );
}

/** True only when `secret` is the one the credential was made from. A malformed record never matches. */
export async function verifyCredential(secret: string, credential: Credential): Promise<boolean> {
  if (!isTrusted(credential)) return false;
  const salt = fromHex(credential.salt);
  const expected = fromHex(credential.hash);
  if (!salt || salt.length === 0 || !expected || expected.length !== HASH_BITS / 8) return false;
  return constantTimeEqual(await derive(secret, salt, credential.iterations), expected);
}

/** A credential made with fewer iterations than new ones get: remake it at the next good sign-in. */
export function needsRehash(credential: Credential): boolean {
  return credential.iterations < PBKDF2_ITERATIONS;
}
