import { hostErrorResponse, type DeskHostBridge } from '../../shared/host/bridge';
import {
  channelResponseSchema,
  hostChannels,
  type ChannelRequest,
  type ChannelResult,
  type HostChannel,
  type HostResponse,
} from '../../shared/host/channels';
import { HostError } from '../../shared/host/contract';

export type Invoke = (channel: HostChannel, request: unknown) => Promise<unknown>;

/**
 * Builds the object exposed as `window.deskHost`. Requests are checked here first so mistakes fail
 * with a clear code before any IPC, and answers are checked so the renderer only ever sees the
 * channel's declared shape (main validates requests again: it trusts nothing from the renderer).
 */
export function createDeskHostBridge(invoke: Invoke): DeskHostBridge {
  const call = async <C extends HostChannel>(
    channel: C,
    request: ChannelRequest<C>,
  ): Promise<HostResponse<ChannelResult<C>>> => {
    if (!hostChannels[channel].request.safeParse(request).success) {
      return hostErrorResponse(new HostError('invalid-request', `invalid ${channel} request`));
    }
    let raw: unknown;
    try {
      raw = await invoke(channel, request);
    } catch {
      return hostErrorResponse(new HostError('io', `${channel} did not answer`));
    }
    const parsed = channelResponseSchema(channel).safeParse(raw);
    if (!parsed.success) return hostErrorResponse(new HostError('io', `${channel} answered badly`));
    return parsed.data;
  };

  return {
    appVersion: () => call('host:app-version', undefined),
    saveFile: (req) => call('host:save-file', req),
    openFile: (req) => call('host:open-file', req),
    printPdf: (req) => call('host:print-pdf', req),
    openExternal: (url) => call('host:open-external', url),
    setServerOrigin: (origin) => call('host:set-server-origin', origin),
    setSigningOrigins: (origins) => call('host:set-signing-origins', [...origins]),
    notify: (req) => call('host:notify', req),
    readDeviceToken: () => call('host:read-device-token', undefined),
    storeDeviceToken: (token) => call('host:store-device-token', token),
    blobPut: (req) => call('host:blob-put', req),
    blobGet: (sha256) => call('host:blob-get', sha256),
    blobDelete: (sha256s) => call('host:blob-delete', [...sha256s]),
    blobList: () => call('host:blob-list', undefined),
    blobUsage: () => call('host:blob-usage', undefined),
  };
}
