/**
 * What a draft holds, for an action dialog and an official form alike: the values the person typed
 * (never a prefilled or proposed one, which follows the case) and when. Read back from IndexedDB,
 * so it is checked, not trusted: a value of another shape is ignored.
 */
export interface StoredDraft<V> {
  values: Record<string, V>;
  savedAt: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The draft as stored, with only the values `keep` accepts; undefined when it is no draft. */
export function storedDraftOf<V>(
  value: unknown,
  keep: (name: string, v: unknown) => v is V,
): StoredDraft<V> | undefined {
  if (!isRecord(value) || typeof value.savedAt !== 'string' || !isRecord(value.values)) return undefined;
  const values: Record<string, V> = {};
  for (const [name, v] of Object.entries(value.values)) if (keep(name, v)) values[name] = v;
  return { values, savedAt: value.savedAt };
}
