/** The committed demo files as bytes, for Node tests (vite inlines them as data: URLs). */
import application from '../../../../resources/demo/application.pdf?inline';
import corrupt from '../../../../resources/demo/corrupt.pdf?inline';
import medical from '../../../../resources/demo/medical-035-1.pdf?inline';
import progress from '../../../../resources/demo/progress-record.pdf?inline';
import residence from '../../../../resources/demo/residence-abroad.pdf?inline';
import study from '../../../../resources/demo/study-abroad.png?inline';
import grant from '../../../../resources/demo/result-grant.pdf?inline';
import refusal from '../../../../resources/demo/result-refusal.pdf?inline';
import signedGrant from '../../../../resources/demo/result-grant.signed.pdf?inline';
import signedRefusal from '../../../../resources/demo/result-refusal.signed.pdf?inline';
import type { DemoFiles } from './make-files';
import { signatureFiles } from './manifest';

function bytesOf(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export function committedDemoFiles(): DemoFiles {
  return {
    'application.pdf': bytesOf(application),
    'medical-035-1.pdf': bytesOf(medical),
    'progress-record.pdf': bytesOf(progress),
    'residence-abroad.pdf': bytesOf(residence),
    'study-abroad.png': bytesOf(study),
    'corrupt.pdf': bytesOf(corrupt),
    'result-grant.pdf': bytesOf(grant),
    'result-refusal.pdf': bytesOf(refusal),
    'result-grant.signed.pdf': bytesOf(signedGrant),
    'result-refusal.signed.pdf': bytesOf(signedRefusal),
    ...signatureFiles(),
  };
}
