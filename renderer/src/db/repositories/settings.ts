import {
  DEMO_SETTINGS,
  validateSettings,
  type Settings,
  type SettingsResult,
} from '../../../../shared/settings';
import { ChangeFeed } from '../changes';
import type { DeskDatabase } from '../database';
import { guarded, StorageError } from '../errors';

const KEY = 'installation';

export interface SettingsRepository {
  /** The stored settings, or the embedded demo settings when none were saved yet. */
  get(): Promise<Settings>;
  /** Validates and stores; invalid input stores nothing and returns the issues. */
  save(input: unknown): Promise<SettingsResult>;
  onChange(listener: (settings: Settings) => void): () => void;
}

export function createSettingsRepository(db: DeskDatabase): SettingsRepository {
  const feed = new ChangeFeed<Settings>();
  return {
    get: () =>
      guarded(async () => {
        const record = await db.settings.get(KEY);
        if (!record) return structuredClone(DEMO_SETTINGS);
        const result = validateSettings(record.value);
        // Settings that do not validate would print a wrong BIN or name on decisions: refuse them.
        if (!result.ok) throw new StorageError('corrupt');
        return result.settings;
      }),
    save: (input) =>
      guarded(async () => {
        const result = validateSettings(input);
        if (!result.ok) return result;
        await db.settings.put({ key: KEY, value: result.settings });
        feed.emit(result.settings);
        return result;
      }),
    onChange: (listener) => feed.subscribe(listener),
  };
}
