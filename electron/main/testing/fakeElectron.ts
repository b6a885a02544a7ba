// A stand-in for the `electron` module in unit tests (the Electron binary cannot run on the build
// machines). Tests mock 'electron' with `electronFake` and inspect what the code asked of it.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  print = vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) => {
    callback(true, '');
  });
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** Lets a test configure windows the code under test creates, as they are created. */
  static onCreate: ((win: FakeBrowserWindow) => void) | null = null;
  static fromWebContents = vi.fn((_contents: unknown): FakeBrowserWindow | null => null);
  static getAllWindows = vi.fn(() => FakeBrowserWindow.instances.filter((w) => !w.destroyed));

  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  loadURL = vi.fn((_url: string) => Promise.resolve());
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  isDestroyed = vi.fn(() => this.destroyed);

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.onCreate?.(this);
  }
}

/** Electron's Notification: records what was shown; `supported` stands for Notification.isSupported(). */
export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported = vi.fn(() => FakeNotification.supported);
  readonly options: { title: string; body: string };
  show = vi.fn();

  constructor(options: { title: string; body: string }) {
    super();
    this.options = options;
    FakeNotification.instances.push(this);
  }
}

function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
}

function fakeApp() {
  const emitter = new EventEmitter();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  return {
    emitter,
    on: vi.fn((event: string, listener: Listener) => {
      emitter.on(event, listener);
    }),
    emit: (event: string, ...args: unknown[]) => emitter.emit(event, ...args),
    whenReady: vi.fn(() => ready),
    markReady: () => resolveReady(),
    isReady: vi.fn(() => true),
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    getVersion: vi.fn(() => '0.1.0'),
    getPath: vi.fn((_name: string) => '/home/officer/Documents'),
    getPreferredSystemLanguages: vi.fn(() => ['ru-KZ']),
    isPackaged: true,
  };
}

function create() {
  return {
    app: fakeApp(),
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    dialog: {
      showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn((..._args: unknown[]) =>
        Promise.resolve({ canceled: true, filePaths: [] as string[] }),
      ),
    },
    // safeStorage as on a machine with a key store: reversible, and never the plain text on disk.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`)),
      decryptString: vi.fn((b: Buffer) =>
        Buffer.from(b.toString().replace(/^enc:/, ''), 'base64').toString(),
      ),
    },
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: fakeSession() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), send: vi.fn(), on: vi.fn() },
  };
}

export type ElectronFake = ReturnType<typeof create>;

/** The one instance the mocked module exports; `resetElectronFake` gives each test a fresh one. */
export const electronFake: ElectronFake = create();

export function resetElectronFake(): void {
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.onCreate = null;
  FakeBrowserWindow.fromWebContents.mockReset().mockReturnValue(null);
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  Object.assign(electronFake, create());
}
