// One handler per channel of shared/host/channels.ts. Whatever arrives over IPC is untrusted: the
// sender must be the desk's own app:// page and the request must pass the channel's schema before
// a handler sees it. Answers are envelopes so that error codes survive the trip to the renderer.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { hostErrorResponse } from '../../shared/host/bridge';
import {
  HOST_CHANNEL_NAMES,
  hostChannels,
  type ChannelRequest,
  type ChannelResult,
  type HostChannel,
  type HostResponse,
} from '../../shared/host/channels';
import { HostError } from '../../shared/host/contract';
import { log } from '../../shared/log';
import { isAppUrl } from './protocol';

export interface HandlerContext {
  sender: WebContents;
}

export type HostHandler<C extends HostChannel> = (
  request: ChannelRequest<C>,
  context: HandlerContext,
) => Promise<ChannelResult<C>>;

export type HostHandlers = { [C in HostChannel]: HostHandler<C> };

type InvokeListener<C extends HostChannel> = (
  event: IpcMainInvokeEvent,
  raw: unknown,
) => Promise<HostResponse<ChannelResult<C>>>;

/** Only frames showing app://desk may call the host; a frame that navigated elsewhere may not. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

// Logs name the channel and an errno-style code only: messages of fs errors carry paths, and
// file names in this desk are often applicants' names (the logger would redact paths, but a name in
// a message it cannot recognise, so the message is not handed to it at all).
function logFailure(channel: HostChannel, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  log.error('host call failed', { channel, code: typeof code === 'string' ? code : 'unknown' });
}

/** What the OS says when a write finds no room: the disk is full, or the user's disk quota is used up. */
export const DISK_FULL_ERRNOS: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT']);

/** A failure that is no HostError, as the code the renderer is told: a full disk, else 'io'. */
function hostErrorOf(channel: HostChannel, error: unknown): HostError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && DISK_FULL_ERRNOS.has(code))
    return new HostError('disk-full', `${channel}: no room on the disk`);
  return new HostError('io', `${channel} failed`);
}

export function createInvokeListener<C extends HostChannel>(
  channel: C,
  handler: HostHandler<C>,
): InvokeListener<C> {
  const spec = hostChannels[channel];
  return async (event, raw) => {
    if (!isTrustedSender(event)) {
      return hostErrorResponse(new HostError('not-allowed', 'sender is not the desk'));
    }
    const parsed = spec.request.safeParse(raw);
    if (!parsed.success) {
      return hostErrorResponse(new HostError('invalid-request', `invalid ${channel} request`));
    }
    try {
      const value = await handler(parsed.data as ChannelRequest<C>, { sender: event.sender });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof HostError) return hostErrorResponse(error);
      logFailure(channel, error);
      return hostErrorResponse(hostErrorOf(channel, error));
    }
  };
}

interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpcHandlers(handlers: HostHandlers, ipc: IpcMainLike = ipcMain): () => void {
  const register = <C extends HostChannel>(channel: C): void => {
    const listener = createInvokeListener(channel, handlers[channel]);
    ipc.handle(channel, (event, raw) => listener(event, raw));
  };
  HOST_CHANNEL_NAMES.forEach(register);
  return () => HOST_CHANNEL_NAMES.forEach((channel) => ipc.removeHandler(channel));
}
