/**
 * What a password or PIN must be. A PIN (digits only) is quick to type at a shared office desk; it
 * is long enough, and the obvious ones are refused, because the growing delay after failures
 * (throttle.ts) only slows guessing down. A password is anything else, long rather than clever
 * (NIST SP 800-63B: length, no composition rules, refuse the obvious).
 */

export const MIN_PIN_DIGITS = 6;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_SECRET_LENGTH = 128;

export const SECRET_ISSUE_CODES = [
  'secret.empty',
  'secret.pin-short',
  'secret.pin-simple',
  'secret.password-short',
  'secret.too-long',
  'secret.simple',
  'secret.like-login',
  'secret.mismatch',
] as const;
export type SecretIssueCode = (typeof SECRET_ISSUE_CODES)[number];

export function isPin(secret: string): boolean {
  return /^\d+$/.test(secret);
}

/** 111111, 123456, 987654: the first PINs anyone tries. */
function isSimplePin(pin: string): boolean {
  const digits = Array.from(pin, Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] ?? 0)));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? 0);
}

/**
 * Why `secret` may not be used, or undefined when it may. `login` is the user's id: a secret equal
 * to it (or containing it) is the first guess. `repeat`, when given, must be the same secret typed
 * again.
 */
export function secretIssue(
  secret: string,
  options: { login?: string; repeat?: string } = {},
): SecretIssueCode | undefined {
  const chars = Array.from(secret.normalize('NFC'));
  if (secret.trim() === '') return 'secret.empty';
  if (chars.length > MAX_SECRET_LENGTH) return 'secret.too-long';
  if (isPin(secret)) {
    if (secret.length < MIN_PIN_DIGITS) return 'secret.pin-short';
    if (isSimplePin(secret)) return 'secret.pin-simple';
  } else {
    if (chars.length < MIN_PASSWORD_LENGTH) return 'secret.password-short';
    if (new Set(chars.map((c) => c.toLowerCase())).size <= 2) return 'secret.simple';
  }
  const login = options.login?.trim().toLowerCase();
  if (login && login.length >= 3 && secret.toLowerCase().includes(login)) return 'secret.like-login';
  if (options.repeat !== undefined && options.repeat !== secret) return 'secret.mismatch';
  return undefined;
}
