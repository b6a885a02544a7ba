import { HostError } from './contract';

/** Upper bound for one file crossing a host boundary; larger documents are not expected here. */
export const MAX_TRANSFER_BYTES = 100 * 1024 * 1024;

/** Upper bound for one file of the host's file store (Host.blobs): what one transfer may carry. */
export const MAX_BLOB_BYTES = MAX_TRANSFER_BYTES;

/** The name of a file in the host's file store: lowercase hex SHA-256 (never a path). */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** How many files one delete of the file store may name (callers send bigger sets in batches). */
export const MAX_BLOB_DELETE = 10_000;
/** How many files the file store may list (far above ten years of a large city's files). */
export const MAX_BLOB_LIST = 2_000_000;

const MAX_URL_LENGTH = 2048;

/**
 * The normalised URL when it may be handed to the OS browser, else null. Only https: without
 * credentials: file:, javascript:, custom schemes and plain http: could run local programs, script
 * the desk or leak case data unencrypted, and user:pass@host is a classic disguise.
 */
export function normalizeExternalUrl(url: string): string | null {
  if (url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

export function isAllowedExternalUrl(url: string): boolean {
  return normalizeExternalUrl(url) !== null;
}

/** Throws HostError('not-allowed') unless the URL may be opened; returns the normalised URL. */
export function requireExternalUrl(url: string): string {
  const normalized = normalizeExternalUrl(url);
  if (normalized === null) throw new HostError('not-allowed', 'only https URLs may be opened');
  return normalized;
}

/** Throws HostError('too-large') when a file of `size` bytes exceeds `maxBytes`. */
export function requireWithinMaxBytes(size: number, maxBytes: number): void {
  if (!Number.isFinite(size) || size < 0) throw new HostError('io', 'file size unknown');
  if (size > maxBytes) throw new HostError('too-large', `file exceeds ${maxBytes} bytes`);
}
