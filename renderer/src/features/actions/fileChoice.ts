/**
 * A file chosen in an action dialog (the signature file): read through the host, hashed, and read
 * by the spec if it knows how. Nothing is stored here: the file goes to the case store with the
 * event that refers to it, in the event's own write.
 */
import { getHost } from '../../host';
import { sha256Hex } from '../../db';
import type { FileTypeFilter } from '../../../../shared/host';
import type { ActionContext, ActionSpec, ChosenFile, LoadFile } from './actionTypes';
import type { ActionType } from '../../stores/eventFactory';

/** The MIME type of a chosen file by its extension, among the ones the dialog offered. */
function mimeTypeOf(fileName: string, accept: readonly FileTypeFilter[]): string {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return accept.find((a) => a.extensions.includes(ext))?.mimeType ?? 'application/octet-stream';
}

/** Resolves undefined when the officer cancelled the file dialog; throws HostError otherwise. */
export async function chooseFile(
  spec: ActionSpec<ActionType>,
  ctx: ActionContext,
  options: { accept: readonly FileTypeFilter[]; maxBytes: number; load: LoadFile },
): Promise<ChosenFile | undefined> {
  const opened = await getHost().openFile({ accept: [...options.accept], maxBytes: options.maxBytes });
  if (!opened) return undefined;
  const mimeType = mimeTypeOf(opened.name, options.accept);
  const bytes = opened.bytes;
  const chosen: ChosenFile = {
    sha256: await sha256Hex(bytes),
    fileName: opened.name,
    mimeType,
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }),
  };
  return spec.readFile ? { ...chosen, reading: await spec.readFile(bytes, ctx, options.load) } : chosen;
}
