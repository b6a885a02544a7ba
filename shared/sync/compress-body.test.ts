import { describe, expect, it } from 'vitest';
import { encodeJsonBody, REQUEST_COMPRESS_THRESHOLD } from './compress-body';

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

describe('encodeJsonBody', () => {
  it('gzips a body above the threshold into a stream that expands to the same text', async () => {
    const text = JSON.stringify({
      events: Array.from({ length: 40 }, (_, i) => ({ id: `e-${i}`, type: 'registered' })),
    });
    expect(text.length).toBeGreaterThan(REQUEST_COMPRESS_THRESHOLD);
    const encoded = await encodeJsonBody(text);
    expect(encoded.encoding).toBe('gzip');
    const bytes = encoded.body as Uint8Array<ArrayBuffer>;
    expect(bytes.byteLength).toBeLessThan(text.length / 4);
    expect(await gunzip(bytes)).toBe(text);
  });

  it('sends a small body as it is', async () => {
    expect(await encodeJsonBody('{"events":[]}')).toEqual({ body: '{"events":[]}' });
  });
});
