// Shell settings kept beside the desk's data: only what the shell itself needs before the renderer
// runs — the menu language, and the central system's and the signing services' origins, which the
// app:// header must allow from the very first page. A missing or malformed file means defaults, never a crash.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isServerOrigin, isServiceOrigin } from '../../shared/host/csp';
import { writeFileAtomic } from './atomicWrite';

const shellSettingsSchema = z.object({
  language: z.enum(['kk', 'ru']).optional(),
  serverOrigin: z
    .string()
    .refine((origin) => isServerOrigin(origin))
    .optional(),
  signingOrigins: z
    .array(z.string().refine((origin) => isServiceOrigin(origin)))
    .max(4)
    .optional(),
});

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

/** Replaces the file whole (atomically: a crash leaves the old settings or the new, never half). */
export async function writeShellSettings(userDataDir: string, settings: ShellSettings): Promise<void> {
  const valid = shellSettingsSchema.parse(settings);
  await mkdir(userDataDir, { recursive: true });
  const bytes = new TextEncoder().encode(`${JSON.stringify(valid, null, 2)}\n`);
  await writeFileAtomic(path.join(userDataDir, SHELL_SETTINGS_FILE), bytes);
}
