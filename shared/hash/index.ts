/**
 * Lowercase hex SHA-256 of the bytes with Web Crypto: the same in the browser, Electron and Node,
 * and nothing to load (the signing code's synchronous @noble/hashes stays off the desk's start path).
 */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
