import { shell } from 'electron';
import { requireExternalUrl } from '../../../shared/host/checks';

/** Only https: reaches the OS; file:, javascript: or custom schemes could start local programs. */
export async function openExternal(url: string): Promise<null> {
  await shell.openExternal(requireExternalUrl(url));
  return null;
}
