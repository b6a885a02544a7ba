/** The committed demo files: their digests, and where the browser build serves them. */
import manifest from '../../../../resources/demo/manifest.json';
import applicationUrl from '../../../../resources/demo/application.pdf?url&no-inline';
import corruptUrl from '../../../../resources/demo/corrupt.pdf?url&no-inline';
import medicalUrl from '../../../../resources/demo/medical-035-1.pdf?url&no-inline';
import progressUrl from '../../../../resources/demo/progress-record.pdf?url&no-inline';
import residenceUrl from '../../../../resources/demo/residence-abroad.pdf?url&no-inline';
import studyUrl from '../../../../resources/demo/study-abroad.png?url&no-inline';
import grantUrl from '../../../../resources/demo/result-grant.pdf?url&no-inline';
import refusalUrl from '../../../../resources/demo/result-refusal.pdf?url&no-inline';
import signedGrantUrl from '../../../../resources/demo/result-grant.signed.pdf?url&no-inline';
import signedRefusalUrl from '../../../../resources/demo/result-refusal.signed.pdf?url&no-inline';
import signatures from '../../../../resources/demo/signatures.json';
import type { SignedPayload } from '../../../../shared/workflow';
import type { DemoFileName, DemoFiles, ServedFileName } from './make-files';

export type { DemoFileName, DemoFiles } from './make-files';

export interface DemoFileMeta {
  sha256: string;
  size: number;
  mimeType: string;
}

const MIME: Readonly<Record<DemoFileName, string>> = {
  'application.pdf': 'application/pdf',
  'medical-035-1.pdf': 'application/pdf',
  'progress-record.pdf': 'application/pdf',
  'residence-abroad.pdf': 'application/pdf',
  'study-abroad.png': 'image/png',
  'corrupt.pdf': 'application/pdf',
  'result-grant.pdf': 'application/pdf',
  'result-refusal.pdf': 'application/pdf',
  'result-grant.signed.pdf': 'application/pdf',
  'result-refusal.signed.pdf': 'application/pdf',
  'result-grant.signed.pdf.cms': 'application/pkcs7-signature',
  'result-refusal.signed.pdf.cms': 'application/pkcs7-signature',
};

const URLS: Readonly<Record<ServedFileName, string>> = {
  'application.pdf': applicationUrl,
  'medical-035-1.pdf': medicalUrl,
  'progress-record.pdf': progressUrl,
  'residence-abroad.pdf': residenceUrl,
  'study-abroad.png': studyUrl,
  'corrupt.pdf': corruptUrl,
  'result-grant.pdf': grantUrl,
  'result-refusal.pdf': refusalUrl,
  'result-grant.signed.pdf': signedGrantUrl,
  'result-refusal.signed.pdf': signedRefusalUrl,
};

const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** The demo signatures' bytes (kept base64 in signatures.json; see write-files.mjs). */
export function signatureFiles(): Readonly<Record<keyof typeof signatures.cms, Uint8Array>> {
  return {
    'result-grant.signed.pdf.cms': decode(signatures.cms['result-grant.signed.pdf.cms']),
    'result-refusal.signed.pdf.cms': decode(signatures.cms['result-refusal.signed.pdf.cms']),
  };
}

/** What the demo's signed result of each form was produced from and what its `signed` event records. */
export interface DemoSignedResult {
  templateId: string;
  templateVersion: string;
  payload: SignedPayload & { signedPdfSha256: string };
}

export const DEMO_SIGNED: Readonly<Record<keyof typeof signatures.signed, DemoSignedResult>> = {
  'appendix-3': signedResult(signatures.signed['appendix-3']),
  'appendix-2': signedResult(signatures.signed['appendix-2']),
};

function signedResult(recorded: (typeof signatures.signed)['appendix-3']): DemoSignedResult {
  const { templateId, templateVersion, ...payload } = recorded;
  return { templateId, templateVersion, payload: { ...payload, signatureFormat: 'cms-detached' } };
}

/** The demo root's certificate (DER): the demo signer's chains to it, nothing else does. */
export function demoRootCertificate(): Uint8Array {
  return decode(signatures.root);
}

export const DEMO_FILES: Readonly<Record<DemoFileName, DemoFileMeta>> = Object.fromEntries(
  (Object.keys(MIME) as DemoFileName[]).map((name) => [name, { ...manifest[name], mimeType: MIME[name] }]),
) as Record<DemoFileName, DemoFileMeta>;

/** Fetches the demo files from the build (browser and Electron); tests pass bytes instead. */
export async function fetchDemoFiles(fetcher: typeof fetch = fetch): Promise<DemoFiles> {
  const entries = await Promise.all(
    (Object.keys(URLS) as ServedFileName[]).map(async (name) => {
      const response = await fetcher(URLS[name]);
      if (!response.ok) throw new Error(`demo file ${name}: HTTP ${response.status}`);
      return [name, new Uint8Array(await response.arrayBuffer())] as const;
    }),
  );
  return { ...(Object.fromEntries(entries) as Record<ServedFileName, Uint8Array>), ...signatureFiles() };
}
