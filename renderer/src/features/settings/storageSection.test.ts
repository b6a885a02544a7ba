import { describe, expect, it } from 'vitest';
import { persistenceKey, storageSize } from './StorageSection';

describe('storage section helpers', () => {
  it('shows sizes in MB, and in GB from 1024 MB', () => {
    expect(storageSize(97 * 1024 * 1024)).toEqual({ value: '97.0', unit: 'MB' });
    expect(storageSize(1023.9 * 1024 * 1024)).toEqual({ value: '1023.9', unit: 'MB' });
    expect(storageSize(9.6 * 1024 * 1024 * 1024)).toEqual({ value: '9.6', unit: 'GB' });
  });

  it('tells persistent, evictable and unknown apart', () => {
    const base = { usageBytes: 1, quotaBytes: 2, hostFiles: null };
    expect(persistenceKey({ ...base, persisted: true })).toBe('persisted');
    expect(persistenceKey({ ...base, persisted: false })).toBe('evictable');
    expect(persistenceKey({ ...base, persisted: null })).toBe('unknown');
  });
});
