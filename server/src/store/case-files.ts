/** The files a case's events name, and what the server knows of each. */
import type { FileMeta } from '../../../shared/api';
import type { CaseEvent } from '../../../shared/workflow';
import type { Queryable } from '../db/types';

interface Named {
  sha256: string;
  size?: number;
  mimeType?: string;
}

/** Every file an event refers to: attachments, a produced document, a signature and its signed PDF. */
export function fileRefs(event: CaseEvent): Named[] {
  switch (event.type) {
    case 'received':
      return event.payload.application.attachments.flatMap((a) => [
        { sha256: a.sha256.toLowerCase(), size: a.size, mimeType: a.mimeType },
        // The applicant's detached signature of the file, kept like the file.
        ...(a.signature
          ? [
              {
                sha256: a.signature.sha256.toLowerCase(),
                size: a.signature.size,
                mimeType: 'application/pkcs7-signature',
              },
            ]
          : []),
      ]);
    case 'document-produced':
      return [{ sha256: event.payload.sha256.toLowerCase(), mimeType: 'application/pdf' }];
    case 'signed': {
      const p = event.payload;
      if (p.signatureFormat !== 'cms-detached') return [{ sha256: p.documentSha256.toLowerCase() }];
      const refs: Named[] = [
        { sha256: p.documentSha256.toLowerCase(), mimeType: 'application/pdf' },
        { sha256: p.signatureSha256.toLowerCase(), mimeType: 'application/pkcs7-signature' },
      ];
      if (p.signedPdfSha256)
        refs.push({ sha256: p.signedPdfSha256.toLowerCase(), mimeType: 'application/pdf' });
      return refs;
    }
    case 'cosigned':
      return [{ sha256: event.payload.signatureSha256.toLowerCase(), mimeType: 'application/pkcs7-signature' }];
    default:
      return [];
  }
}

/** The hashes among `hashes` the server does not hold. */
export async function missingFiles(db: Queryable, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const { rows } = await db.query<{ sha256: string }>('SELECT sha256 FROM files WHERE sha256 = ANY($1)', [
    [...new Set(hashes)],
  ]);
  const held = new Set(rows.map((r) => r.sha256));
  return [...new Set(hashes)].filter((h) => !held.has(h));
}

/** Metadata of every file the events name, once each, in the order first named. */
export async function filesOf(db: Queryable, events: readonly CaseEvent[]): Promise<FileMeta[]> {
  const [files] = await filesOfEach(db, [events]);
  return files ?? [];
}

/**
 * filesOf for several cases with one query in all (a page of /changes holds hundreds of cases: one
 * query each was most of the page's time).
 */
export async function filesOfEach(
  db: Queryable,
  histories: ReadonlyArray<readonly CaseEvent[]>,
): Promise<FileMeta[][]> {
  const namedEach = histories.map((events) => {
    const named = new Map<string, Named>();
    for (const event of events)
      for (const ref of fileRefs(event)) if (!named.has(ref.sha256)) named.set(ref.sha256, ref);
    return named;
  });
  const all = [...new Set(namedEach.flatMap((named) => [...named.keys()]))];
  const held = new Map<string, { size: number; mime_type: string }>();
  if (all.length > 0) {
    const { rows } = await db.query<{ sha256: string; size: number; mime_type: string }>(
      'SELECT sha256, size, mime_type FROM files WHERE sha256 = ANY($1)',
      [all],
    );
    for (const r of rows) held.set(r.sha256, r);
  }
  return namedEach.map((named) =>
    [...named.values()].map((ref) => {
      const file = held.get(ref.sha256);
      return file
        ? { sha256: ref.sha256, size: Number(file.size), mimeType: file.mime_type, available: true }
        : {
            sha256: ref.sha256,
            size: ref.size ?? 0,
            mimeType: ref.mimeType ?? 'application/octet-stream',
            available: false,
          };
    }),
  );
}
