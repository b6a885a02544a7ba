/**
 * A JSON request body gzip-compressed for the central system (shared/api REQUEST_ENCODINGS), with
 * the platform's CompressionStream (browsers, Electron's renderer, Node 18+): no library. A batch
 * of 200 events shrinks some five to ten times, which matters on the slow links of district
 * akimats. Bodies below the threshold go as they are (the gzip frame would outweigh the saving).
 */
export const REQUEST_COMPRESS_THRESHOLD = 1024;

export interface EncodedBody {
  body: string | Uint8Array<ArrayBuffer>;
  /** 'gzip' when compressed. */
  encoding?: 'gzip';
}

export async function encodeJsonBody(text: string): Promise<EncodedBody> {
  const plain = new TextEncoder().encode(text);
  if (plain.byteLength < REQUEST_COMPRESS_THRESHOLD || typeof CompressionStream === 'undefined')
    return { body: text };
  const stream = new Blob([plain]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: new Uint8Array(await new Response(stream).arrayBuffer()), encoding: 'gzip' };
}
