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
import signatures from '../../../../resources/demo/signatures.json';
import type { DemoFileName, DemoFiles, GeneratedFileName } from './make-files';

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
  'result-grant.pdf.cms': 'application/pkcs7-signature',
  'result-refusal.pdf.cms': 'application/pkcs7-signature',
};

const URLS: Readonly<Record<GeneratedFileName, string>> = {
  'application.pdf': applicationUrl,
  'medical-035-1.pdf': medicalUrl,
  'progress-record.pdf': progressUrl,
  'residence-abroad.pdf': residenceUrl,
  'study-abroad.png': studyUrl,
  'corrupt.pdf': corruptUrl,
  'result-grant.pdf': grantUrl,
  'result-refusal.pdf': refusalUrl,
};

/** The demo signatures' bytes (kept base64 in signatures.json; see write-files.mjs). */
export function signatureFiles(): Readonly<Record<keyof typeof signatures, Uint8Array>> {
  const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return {
    'result-grant.pdf.cms': decode(signatures['result-grant.pdf.cms']),
    'result-refusal.pdf.cms': decode(signatures['result-refusal.pdf.cms']),
  };
}

export const DEMO_FILES: Readonly<Record<DemoFileName, DemoFileMeta>> = Object.fromEntries(
  (Object.keys(MIME) as DemoFileName[]).map((name) => [name, { ...manifest[name], mimeType: MIME[name] }]),
) as Record<DemoFileName, DemoFileMeta>;

/** Fetches the demo files from the build (browser and Electron); tests pass bytes instead. */
export async function fetchDemoFiles(fetcher: typeof fetch = fetch): Promise<DemoFiles> {
  const entries = await Promise.all(
    (Object.keys(URLS) as GeneratedFileName[]).map(async (name) => {
      const response = await fetcher(URLS[name]);
      if (!response.ok) throw new Error(`demo file ${name}: HTTP ${response.status}`);
      return [name, new Uint8Array(await response.arrayBuffer())] as const;
    }),
  );
  return { ...(Object.fromEntries(entries) as Record<GeneratedFileName, Uint8Array>), ...signatureFiles() };
}
