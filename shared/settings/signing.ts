/**
 * The akimat's signing settings (issue 8): the certificates the desk trusts when it verifies a
 * signature (root and intermediate CAs the akimat imported: none are shipped, the national CA's
 * test roots are for tests only), the time-stamp authority, and whether OCSP answers are fetched.
 * Failures come back as codes with the field's path, as for the other settings.
 */
import { z } from 'zod';
import { serviceOriginOf } from '../host/csp';
import { sha256Hex } from '../hash';
import { validateWith } from './validate';

export const SIGNING_SETTINGS_ISSUE_CODES = [
  'invalid',
  'url.format',
  'certificate.format',
  'certificate.duplicate',
  'certificates.too-many',
] as const;
export type SigningSettingsIssueCode = (typeof SIGNING_SETTINGS_ISSUE_CODES)[number];

export interface SigningSettingsIssue {
  path: (string | number)[];
  code: SigningSettingsIssueCode;
}

/** A national CA's certificate is under 2 KB; 16 KB of base64 leaves room for any real CA. */
const MAX_CERTIFICATE_BASE64 = 16 * 1024;
export const MAX_TRUSTED_CERTIFICATES = 20;

/** A service URL: http(s), a plain host, no credentials or fragment (its origin joins the CSP). */
const serviceUrl = z
  .string({ error: 'invalid' })
  .trim()
  .max(500, { error: 'url.format' })
  .refine((v) => serviceOriginOf(v) !== null, { error: 'url.format' });

const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const trustedCertificateSchema = z.strictObject(
  {
    role: z.enum(['root', 'intermediate'], { error: 'invalid' }),
    /** The certificate, DER as base64 (what was imported, PEM armour removed). */
    der: z
      .string({ error: 'invalid' })
      .max(MAX_CERTIFICATE_BASE64, { error: 'certificate.format' })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'certificate.format' }),
    /** SHA-256 of the DER, lowercase hex: the fingerprint shown, and what tells two apart. */
    sha256: z.string({ error: 'invalid' }).regex(/^[0-9a-f]{64}$/, { error: 'certificate.format' }),
  },
  { error: 'invalid' },
);
export type TrustedCertificate = z.output<typeof trustedCertificateSchema>;

export const signingSettingsSchema = z.strictObject(
  {
    trusted: z
      .array(trustedCertificateSchema, { error: 'invalid' })
      .max(MAX_TRUSTED_CERTIFICATES, { error: 'certificates.too-many' })
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((c, i) => {
          if (seen.has(c.sha256))
            ctx.addIssue({ code: 'custom', path: [i], message: 'certificate.duplicate' });
          seen.add(c.sha256);
        });
      }),
    /** RFC 3161 TSA; absent: results are signed without a time stamp (CAdES-BES). */
    tsaUrl: z.preprocess(blankToUndefined, serviceUrl.optional()).optional(),
    ocsp: z.strictObject(
      {
        /** Ask the responder about a certificate's revocation when verifying, while online. */
        fetch: z.boolean({ error: 'invalid' }),
        /** The responder to ask when a certificate names none (no AIA OCSP address). */
        responderUrl: z.preprocess(blankToUndefined, serviceUrl.optional()).optional(),
      },
      { error: 'invalid' },
    ),
  },
  { error: 'invalid' },
);

export type SigningSettings = z.output<typeof signingSettingsSchema>;

export const DEFAULT_SIGNING_SETTINGS: SigningSettings = { trusted: [], ocsp: { fetch: false } };

export type SigningSettingsResult =
  { ok: true; settings: SigningSettings } | { ok: false; issues: SigningSettingsIssue[] };

/** Validates untrusted input (the settings form, a stored record). */
export const validateSigningSettings: (input: unknown) => SigningSettingsResult = validateWith(
  signingSettingsSchema,
  SIGNING_SETTINGS_ISSUE_CODES,
);

/** The origins the settings make the desk connect to: what the CSP must allow for them. */
export function signingOriginsOf(settings: SigningSettings): string[] {
  const urls = [settings.tsaUrl, settings.ocsp.fetch ? settings.ocsp.responderUrl : undefined];
  const origins = urls.flatMap((u) => {
    const origin = u === undefined ? null : serviceOriginOf(u);
    return origin === null ? [] : [origin];
  });
  return [...new Set(origins)];
}

/**
 * What a verification depends on in the settings, as one digest: the trusted certificates (by
 * fingerprint and role, in any order) and OCSP fetching with its responder. A stored verification
 * made with another fingerprint is stale (the TSA is for signing, not verifying: not part of it).
 */
export async function signingFingerprint(settings: SigningSettings): Promise<string> {
  const trusted = settings.trusted.map((c) => `${c.role}:${c.sha256}`).sort();
  const ocsp = settings.ocsp.fetch ? `fetch ${settings.ocsp.responderUrl ?? ''}` : 'off';
  return sha256Hex(new TextEncoder().encode(JSON.stringify({ trusted, ocsp })));
}
