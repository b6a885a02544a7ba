// Shell settings kept beside the desk's data: only what the shell itself needs before the renderer
// runs (today the menu language). A missing or malformed file means defaults, never a crash.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const shellSettingsSchema = z.object({ language: z.enum(['kk', 'ru']).optional() });

export type ShellSettings = z.infer<typeof shellSettingsSchema>;

export const SHELL_SETTINGS_FILE = 'shell-settings.json';

export async function readShellSettings(userDataDir: string): Promise<ShellSettings> {
  try {
    const text = await readFile(path.join(userDataDir, SHELL_SETTINGS_FILE), 'utf8');
    const parsed = shellSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
