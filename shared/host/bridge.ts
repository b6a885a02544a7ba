// What the Electron preload puts on `window.deskHost`: one function per IPC channel, answering with
// HostResponse envelopes. Only plain data crosses the context bridge, so errors travel as codes and
// become HostError again on the renderer side (unwrapHostResponse).
import {
  HostError,
  type NotifyRequest,
  type OpenFileRequest,
  type PrintPdfRequest,
  type SaveFileRequest,
} from './contract';
import type { ChannelResult, HostMethod, HostResponse } from './channels';

export const DESK_HOST_GLOBAL = 'deskHost';

export interface DeskHostBridge {
  appVersion(): Promise<HostResponse<ChannelResult<'host:app-version'>>>;
  saveFile(req: SaveFileRequest): Promise<HostResponse<ChannelResult<'host:save-file'>>>;
  openFile(req: OpenFileRequest): Promise<HostResponse<ChannelResult<'host:open-file'>>>;
  printPdf(req: PrintPdfRequest): Promise<HostResponse<ChannelResult<'host:print-pdf'>>>;
  openExternal(url: string): Promise<HostResponse<ChannelResult<'host:open-external'>>>;
  setServerOrigin(origin: string | null): Promise<HostResponse<ChannelResult<'host:set-server-origin'>>>;
  setSigningOrigins(
    origins: readonly string[],
  ): Promise<HostResponse<ChannelResult<'host:set-signing-origins'>>>;
  notify(req: NotifyRequest): Promise<HostResponse<ChannelResult<'host:notify'>>>;
  readDeviceToken(): Promise<HostResponse<ChannelResult<'host:read-device-token'>>>;
  storeDeviceToken(token: string | null): Promise<HostResponse<ChannelResult<'host:store-device-token'>>>;
  blobPut(req: { sha256: string; bytes: Uint8Array }): Promise<HostResponse<ChannelResult<'host:blob-put'>>>;
  blobGet(sha256: string): Promise<HostResponse<ChannelResult<'host:blob-get'>>>;
  blobDelete(sha256s: readonly string[]): Promise<HostResponse<ChannelResult<'host:blob-delete'>>>;
  blobList(): Promise<HostResponse<ChannelResult<'host:blob-list'>>>;
  blobUsage(): Promise<HostResponse<ChannelResult<'host:blob-usage'>>>;
}

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when the bridge and the channel table disagree on the method names. */
export type BridgeCoversEveryChannel = Assert<Exact<keyof DeskHostBridge, HostMethod>>;

export function unwrapHostResponse<T>(response: HostResponse<T>): T {
  if (response.ok) return response.value;
  throw new HostError(response.error.code, response.error.message);
}

export function hostErrorResponse(error: HostError): HostResponse<never> {
  return { ok: false, error: { code: error.code, message: error.message.slice(0, 500) } };
}
