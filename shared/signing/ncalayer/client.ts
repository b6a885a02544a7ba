/**
 * The connection to NCALayer: one WebSocket to wss://127.0.0.1:13579, over a WebSocket
 * constructor the caller injects (the browser's and Electron renderer's own; `ws` in Node tests),
 * so this file stays pure.
 *
 * NCALayer's protocol has no request ids: an answer belongs to the request sent before it. So
 * exactly one request is in flight, and another one asked meanwhile fails at once with
 * `ncalayer.busy` instead of waiting: a queued signing request would open a second dialog the
 * officer never meant (a double click). A connection whose answer may still arrive late (a
 * timeout) is closed, never reused: the late answer would be taken for the next request's. A
 * connection that drops fails the request in flight with `ncalayer.refused` (its answer is lost,
 * and re-sending it could open a second signing dialog); the next request opens a new connection.
 */
import { NCALAYER_ORIGIN } from '../../host/csp';
import { log } from '../../log';
import { greetingVersion, HEARTBEAT } from './protocol';
import type { SigningError } from '../types';
import { ncaLayerError, type NcaLayerCode } from './problems';

// A method's parameters are compared both ways, so the browser's, Electron's and ws's handler
// types (which take their own event classes) fit these minimal ones.
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** What the client uses of a WebSocket; the browser's and ws's both have it. */
export interface SocketLike {
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onerror: Handler<unknown> | null;
  onclose: Handler<unknown> | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketConstructor = new (url: string) => SocketLike;

export interface NcaLayerClientOptions {
  WebSocket: SocketConstructor;
  /** Default wss://127.0.0.1:13579 (the origin the CSP allows, shared/host/csp.ts). */
  url?: string;
  /** Until the socket is open and NCALayer has greeted. Default 5 s. */
  connectTimeoutMs?: number;
  /** For a request a person answers (a signing dialog). Default 10 minutes. */
  requestTimeoutMs?: number;
  /** For a request NCALayer answers by itself (the list of tokens). Default 30 s. */
  answerTimeoutMs?: number;
  /** How often to send `--heartbeat--`, which NCALayer echoes; 0 sends none. Default 10 s. */
  heartbeatIntervalMs?: number;
  /** Unanswered heartbeats after which an idle connection counts as dead. Default 3. */
  missedHeartbeats?: number;
}

export type RequestKind = 'person' | 'answer';

interface Pending {
  frame: string;
  timeoutMs: number;
  resolve(answer: unknown): void;
  reject(error: SigningError): void;
}

interface Greeting {
  opened: boolean;
  timer: ReturnType<typeof setTimeout>;
  resolve(): void;
  reject(error: SigningError): void;
}

const CLOSE_NORMAL = 1000;
// Application codes (4000–4999) say why the desk closed: visible in NCALayer's log, never a secret.
const CLOSE_TIMEOUT = 4000;
const CLOSE_DEAD = 4001;
const CLOSE_UNREADABLE = 4002;

export class NcaLayerClient {
  private readonly WebSocket: SocketConstructor;
  readonly url: string;
  private readonly connectTimeoutMs: number;
  private readonly timeouts: Record<RequestKind, number>;
  private readonly heartbeatIntervalMs: number;
  private readonly missedLimit: number;

  private socket: SocketLike | null = null;
  private greeting: Greeting | null = null;
  private opening: Promise<void> | null = null;
  private connectedVersion: string | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private missed = 0;
  /** The one request asked and not yet answered (its connection may still be opening). */
  private pending: Pending | null = null;
  /** Set once the pending request has been sent. */
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: NcaLayerClientOptions) {
    this.WebSocket = options.WebSocket;
    this.url = options.url ?? NCALAYER_ORIGIN;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
    this.timeouts = {
      person: options.requestTimeoutMs ?? 600_000,
      answer: options.answerTimeoutMs ?? 30_000,
    };
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 10_000;
    this.missedLimit = options.missedHeartbeats ?? 3;
  }

  /** NCALayer's version from its greeting while connected, else null. */
  get version(): string | null {
    return this.connectedVersion;
  }

  /** Opens the connection (or reuses the open one) and gives NCALayer's version. */
  async connect(): Promise<string> {
    await this.open();
    if (this.connectedVersion === null) throw ncaLayerError('ncalayer.refused');
    return this.connectedVersion;
  }

  /** Whether a request is asked and not yet answered (another would fail with `ncalayer.busy`). */
  get busy(): boolean {
    return this.pending !== null;
  }

  /**
   * Sends `request` (connecting first when needed) and gives NCALayer's answer, parsed. `kind`
   * chooses the timeout: a person may take minutes over a signing dialog. Fails with
   * `ncalayer.busy` at once while another request is unanswered.
   */
  request(request: object, kind: RequestKind = 'person'): Promise<unknown> {
    if (this.pending) return Promise.reject(ncaLayerError('ncalayer.busy'));
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        frame: JSON.stringify(request),
        timeoutMs: this.timeouts[kind],
        resolve,
        reject,
      };
      this.pending = pending;
      this.open().then(
        () => {
          if (this.pending !== pending) return; // closed meanwhile: already failed
          // The connection may have dropped between the greeting and now.
          if (this.socket === null) this.settle({ error: ncaLayerError('ncalayer.refused') });
          else this.send(pending);
        },
        (error: SigningError) => {
          if (this.pending === pending) this.settle({ error });
        },
      );
    });
  }

  /** Closes the connection; whatever was waiting fails with `signer.closed`. A later request reconnects. */
  close(): void {
    const error = ncaLayerError('signer.closed');
    const pending = this.pending;
    const greeting = this.greeting;
    this.pending = null;
    this.greeting = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (greeting) clearTimeout(greeting.timer);
    this.discard(CLOSE_NORMAL, 'closed');
    pending?.reject(error);
    greeting?.reject(error);
  }

  private open(): Promise<void> {
    if (this.socket !== null && this.connectedVersion !== null) return Promise.resolve();
    this.opening ??= new Promise<void>((resolve, reject) => {
      let socket: SocketLike;
      try {
        socket = new this.WebSocket(this.url);
      } catch {
        // A browser throws at once for an address it will not connect to.
        reject(ncaLayerError('ncalayer.not-running'));
        return;
      }
      this.socket = socket;
      this.missed = 0;
      const timer = setTimeout(
        () =>
          this.greetingFailed(
            this.greeting?.opened ? 'ncalayer.refused' : 'ncalayer.not-running',
            CLOSE_TIMEOUT,
            'no greeting',
          ),
        this.connectTimeoutMs,
      );
      this.greeting = { opened: false, timer, resolve, reject };
      socket.onopen = () => {
        if (this.socket === socket && this.greeting) this.greeting.opened = true;
      };
      socket.onmessage = (event) => {
        if (this.socket === socket) this.onFrame(event.data);
      };
      // Browsers say nothing about why (refused, untrusted certificate, blocked); a close follows.
      socket.onerror = () => {
        if (this.socket === socket) this.onDropped();
      };
      socket.onclose = () => {
        if (this.socket === socket) this.onDropped();
      };
    }).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private greetingFailed(code: NcaLayerCode, closeCode: number, reason: string): void {
    const greeting = this.greeting;
    if (!greeting) return;
    this.greeting = null;
    clearTimeout(greeting.timer);
    this.discard(closeCode, reason);
    log.warn('ncalayer: no connection', { code });
    greeting.reject(ncaLayerError(code));
  }

  private onFrame(data: unknown): void {
    if (data === HEARTBEAT) {
      // NCALayer echoes ours; echoing it back would start an endless ping-pong.
      this.missed = 0;
      return;
    }
    this.missed = 0;
    const parsed = typeof data === 'string' ? parseJson(data) : undefined;
    if (this.greeting) {
      const version = greetingVersion(parsed);
      if (version === null) {
        this.greetingFailed('ncalayer.bad-response', CLOSE_UNREADABLE, 'bad greeting');
        return;
      }
      const greeting = this.greeting;
      this.greeting = null;
      clearTimeout(greeting.timer);
      this.connectedVersion = version;
      this.startHeartbeat();
      log.info('ncalayer: connected', { version });
      greeting.resolve();
      return;
    }
    if (this.timer === null) {
      // Nothing was sent: after a timeout the connection is closed, so this is no late answer.
      log.warn('ncalayer: a frame nobody asked for');
      return;
    }
    if (parsed === undefined) this.settle({ error: ncaLayerError('ncalayer.bad-response') });
    else this.settle({ answer: parsed });
  }

  private onDropped(): void {
    this.discard();
    if (this.greeting) {
      const greeting = this.greeting;
      this.greeting = null;
      clearTimeout(greeting.timer);
      const code = greeting.opened ? 'ncalayer.refused' : 'ncalayer.not-running';
      log.warn('ncalayer: no connection', { code });
      greeting.reject(ncaLayerError(code));
    }
    if (this.timer !== null) {
      log.warn('ncalayer: connection lost while a request was in flight');
      this.settle({ error: ncaLayerError('ncalayer.refused') });
    }
  }

  private send(pending: Pending): void {
    this.timer = setTimeout(() => {
      log.warn('ncalayer: no answer in time', { timeoutMs: pending.timeoutMs });
      // The answer may still come: on this connection it would pass for the next request's.
      this.discard(CLOSE_TIMEOUT, 'timeout');
      this.settle({ error: ncaLayerError('ncalayer.timeout') });
    }, pending.timeoutMs);
    try {
      this.socket!.send(pending.frame);
    } catch {
      this.discard();
      this.settle({ error: ncaLayerError('ncalayer.refused') });
    }
  }

  private settle(outcome: { answer: unknown } | { error: SigningError }): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if ('error' in outcome) pending.reject(outcome.error);
    else pending.resolve(outcome.answer);
  }

  private startHeartbeat(): void {
    if (this.heartbeatIntervalMs <= 0) return;
    this.heartbeat = setInterval(() => {
      // While a person works in NCALayer's dialog its echo may wait; the request's timeout rules then.
      if (this.timer === null && this.missed >= this.missedLimit) {
        log.warn('ncalayer: heartbeats unanswered, reconnecting on the next request');
        this.discard(CLOSE_DEAD, 'no heartbeat');
        return;
      }
      this.missed += 1;
      try {
        this.socket?.send(HEARTBEAT);
      } catch {
        this.onDropped();
      }
    }, this.heartbeatIntervalMs);
  }

  /** Forgets the socket (its late events are ignored) and closes it. */
  private discard(code?: number, reason?: string): void {
    const socket = this.socket;
    this.socket = null;
    this.connectedVersion = null;
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    // Not null: closing a socket still connecting reports an error, and ws (an EventEmitter)
    // throws an error nobody listens to.
    socket.onerror = ignore;
    try {
      socket.close(code, reason);
    } catch {
      // Closing a socket that never opened may throw in some implementations; it is gone either way.
    }
  }
}

function ignore(): void {}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
