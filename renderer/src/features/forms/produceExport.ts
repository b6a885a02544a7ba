/**
 * Handing a document's bytes to the host: saved through its dialog (a download in a browser) or
 * printed. Used when a document is first produced and when it is re-sent from the case history.
 */
import { isHostError, type Host, type HostErrorCode } from '../../../../shared/host';

export type ExportAction = 'save' | 'print';

export type ExportOutcome =
  | { kind: 'done'; action: ExportAction }
  | { kind: 'cancelled' }
  | { kind: 'host-failed'; code: HostErrorCode };

export async function exportPdf(
  bytes: Uint8Array,
  action: ExportAction,
  names: { fileName: string; title: string },
  host: Pick<Host, 'saveFile' | 'printPdf'>,
): Promise<ExportOutcome> {
  try {
    if (action === 'save') {
      const result = await host.saveFile({
        suggestedName: names.fileName,
        mimeType: 'application/pdf',
        bytes,
      });
      return result.saved ? { kind: 'done', action } : { kind: 'cancelled' };
    }
    await host.printPdf({ bytes, title: names.title });
    return { kind: 'done', action };
  } catch (error) {
    if (isHostError(error))
      return error.code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'host-failed', code: error.code };
    return { kind: 'host-failed', code: 'io' };
  }
}
