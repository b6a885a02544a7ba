/**
 * The signing settings (shared/settings/signing.ts) in the `settings` table under their own key,
 * beside the installation record: no new table or index, so no new schema version. Absent: the
 * defaults (nothing trusted, no TSA, OCSP not fetched).
 */
import {
  DEFAULT_SIGNING_SETTINGS,
  validateSigningSettings,
  type SigningSettings,
  type SigningSettingsResult,
} from '../../../../shared/settings';
import { ChangeFeed } from '../changes';
import type { DeskDatabase } from '../database';
import { guarded, StorageError } from '../errors';

const KEY = 'signing';

export interface SigningSettingsRepository {
  get(): Promise<SigningSettings>;
  /** Validates and stores; invalid input stores nothing and returns the issues. */
  save(input: unknown): Promise<SigningSettingsResult>;
  onChange(listener: (settings: SigningSettings) => void): () => void;
}

export function createSigningSettingsRepository(db: DeskDatabase): SigningSettingsRepository {
  const feed = new ChangeFeed<SigningSettings>();
  return {
    get: () =>
      guarded(async () => {
        const record = await db.settings.get(KEY);
        if (!record) return structuredClone(DEFAULT_SIGNING_SETTINGS);
        const result = validateSigningSettings(record.value);
        // Trust that does not validate is no trust to verify with: refuse it rather than guess.
        if (!result.ok) throw new StorageError('corrupt');
        return result.settings;
      }),
    save: (input) =>
      guarded(async () => {
        const result = validateSigningSettings(input);
        if (!result.ok) return result;
        await db.settings.put({ key: KEY, value: result.settings });
        feed.emit(result.settings);
        return result;
      }),
    onChange: (listener) => feed.subscribe(listener),
  };
}
