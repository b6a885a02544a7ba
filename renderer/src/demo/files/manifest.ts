/** The committed demo files: their digests, and where the browser build serves them. */
import manifest from '../../../../resources/demo/manifest.json';
import applicationUrl from '../../../../resources/demo/application.pdf?url&no-inline';
import corruptUrl from '../../../../resources/demo/corrupt.pdf?url&no-inline';
import medicalUrl from '../../../../resources/demo/medical-035-1.pdf?url&no-inline';
import progressUrl from '../../../../resources/demo/progress-record.pdf?url&no-inline';
import residenceUrl from '../../../../resources/demo/residence-abroad.pdf?url&no-inline';
import studyUrl from '../../../../resources/demo/study-abroad.png?url&no-inline';
import type { DemoFileName, DemoFiles } from './make-files';

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
};

const URLS: Readonly<Record<DemoFileName, string>> = {
  'application.pdf': applicationUrl,
  'medical-035-1.pdf': medicalUrl,
  'progress-record.pdf': progressUrl,
  'residence-abroad.pdf': residenceUrl,
  'study-abroad.png': studyUrl,
  'corrupt.pdf': corruptUrl,
};

export const DEMO_FILES: Readonly<Record<DemoFileName, DemoFileMeta>> = Object.fromEntries(
  (Object.keys(MIME) as DemoFileName[]).map((name) => [name, { ...manifest[name], mimeType: MIME[name] }]),
) as Record<DemoFileName, DemoFileMeta>;

/** Fetches the demo files from the build (browser and Electron); tests pass bytes instead. */
export async function fetchDemoFiles(fetcher: typeof fetch = fetch): Promise<DemoFiles> {
  const entries = await Promise.all(
    (Object.keys(URLS) as DemoFileName[]).map(async (name) => {
      const response = await fetcher(URLS[name]);
      if (!response.ok) throw new Error(`demo file ${name}: HTTP ${response.status}`);
      return [name, new Uint8Array(await response.arrayBuffer())] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<DemoFileName, Uint8Array>;
}
