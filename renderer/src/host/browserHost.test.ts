import { describe, expect, it, vi } from 'vitest';
import { createBrowserHost, type BrowserHostEnv } from './browserHost';

// A few DOM-shaped objects are enough: the host only creates elements, sets properties, clicks them
// and listens for events. Node provides EventTarget, Event, Blob and File.
class FakeElement extends EventTarget {
  style: Record<string, string> = {};
  attributes: Record<string, string> = {};
  files: File[] | null = null;
  contentWindow: { focus: () => void; print: () => void } | null = null;
  [key: string]: unknown;
  constructor(readonly tag: string) {
    super();
  }
  click = vi.fn();
  remove = vi.fn();
  setAttribute(name: string, value: string): void {
    this.attributes[name] = value;
  }
}

function fakeEnv() {
  const created: FakeElement[] = [];
  let n = 0;
  const env = {
    version: '9.9.9',
    serverOrigin: null as string | null,
    document: {
      createElement: (tag: string) => {
        const el = new FakeElement(tag);
        created.push(el);
        return el;
      },
      body: { append: vi.fn() },
    } as unknown as Document,
    open: vi.fn((..._args: unknown[]): unknown => ({})),
    setTimeout: vi.fn(),
    createObjectURL: vi.fn(() => `blob:test/${++n}`),
    revokeObjectURL: vi.fn(),
    notifications: null as BrowserHostEnv['notifications'],
  } satisfies BrowserHostEnv;
  return { env, created };
}

const pdf = new Uint8Array([37, 80, 68, 70]);
const accept = [{ mimeType: 'application/pdf', extensions: ['pdf'] }];

describe('browser host', () => {
  it('is the browser kind and reports the build version', async () => {
    const host = createBrowserHost(fakeEnv().env);
    expect(host.kind).toBe('browser');
    expect(await host.appVersion()).toBe('9.9.9');
  });

  it('saves by downloading a blob under a sanitized name', async () => {
    const { env, created } = fakeEnv();
    const result = await createBrowserHost(env).saveFile({
      suggestedName: 'Ответ: №12/2026',
      mimeType: 'application/pdf',
      bytes: pdf,
    });
    expect(result).toEqual({ saved: true });
    const link = created.find((el) => el.tag === 'a')!;
    expect(link.download).toBe('Ответ_ №12_2026.pdf');
    expect(link.href).toBe('blob:test/1');
    expect(link.click).toHaveBeenCalledOnce();
    expect(link.remove).toHaveBeenCalledOnce();
    const blob = env.createObjectURL.mock.calls[0] as unknown as [Blob];
    expect(blob[0].type).toBe('application/pdf');
    // The URL lives on until the browser has taken the download.
    expect(env.revokeObjectURL).not.toHaveBeenCalled();
    (env.setTimeout.mock.calls[0]![0] as () => void)();
    expect(env.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });

  it('opens the chosen file through a file input', async () => {
    const { env, created } = fakeEnv();
    const opening = createBrowserHost(env).openFile({ accept, maxBytes: 100 });
    const input = created.find((el) => el.tag === 'input')!;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('application/pdf,.pdf');
    expect(input.click).toHaveBeenCalledOnce();
    input.files = [new File([pdf], 'заявление.pdf')];
    input.dispatchEvent(new Event('change'));
    const opened = await opening;
    expect(opened?.name).toBe('заявление.pdf');
    expect([...opened!.bytes]).toEqual([...pdf]);
  });

  it('answers null when the picker is cancelled and too-large for a big file', async () => {
    const { env, created } = fakeEnv();
    const host = createBrowserHost(env);
    const cancelled = host.openFile({ accept, maxBytes: 100 });
    created[0]!.dispatchEvent(new Event('cancel'));
    expect(await cancelled).toBeNull();

    const big = host.openFile({ accept, maxBytes: 3 });
    created[1]!.files = [new File([pdf], 'big.pdf')];
    created[1]!.dispatchEvent(new Event('change'));
    await expect(big).rejects.toMatchObject({ code: 'too-large' });
  });

  it('prints from a hidden frame holding the PDF', async () => {
    const { env, created } = fakeEnv();
    const printing = createBrowserHost(env).printPdf({ bytes: pdf, title: 'Бұйрық' });
    const frame = created.find((el) => el.tag === 'iframe')!;
    expect(frame.src).toBe('blob:test/1');
    expect(frame.attributes.style).toContain('visibility:hidden');
    frame.contentWindow = { focus: vi.fn(), print: vi.fn() };
    frame.dispatchEvent(new Event('load'));
    await printing;
    expect(frame.contentWindow.print).toHaveBeenCalledOnce();
  });

  it('falls back to a new tab when the frame refuses to print, and replaces the old frame', async () => {
    const { env, created } = fakeEnv();
    const host = createBrowserHost(env);
    const first = host.printPdf({ bytes: pdf, title: 'a' });
    created[0]!.dispatchEvent(new Event('load'));
    await first;

    const second = host.printPdf({ bytes: pdf, title: 'b' });
    expect(created[0]!.remove).toHaveBeenCalledOnce();
    expect(env.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
    created[1]!.contentWindow = {
      focus: vi.fn(),
      print: () => {
        throw new Error('blocked');
      },
    };
    created[1]!.dispatchEvent(new Event('load'));
    await second;
    expect(env.open).toHaveBeenCalledWith('blob:test/2', '_blank');
  });

  it('rejects with io when neither the frame nor a new tab can print', async () => {
    const { env, created } = fakeEnv();
    env.open.mockReturnValue(null);
    const printing = createBrowserHost(env).printPdf({ bytes: pdf, title: 'a' });
    created[0]!.contentWindow = {
      focus: vi.fn(),
      print: () => {
        throw new Error('blocked');
      },
    };
    created[0]!.dispatchEvent(new Event('load'));
    await expect(printing).rejects.toMatchObject({ code: 'io' });
  });

  it('says whether the policy the build was served with allows the configured server', async () => {
    const host = createBrowserHost({ ...fakeEnv().env, serverOrigin: 'https://externat.example.kz' });
    expect(await host.setServerOrigin('https://externat.example.kz')).toBe('in-effect');
    expect(await host.setServerOrigin(null)).toBe('in-effect');
    expect(await host.setServerOrigin('https://other.example.kz')).toBe('not-allowed');
    const none = createBrowserHost({ ...fakeEnv().env, serverOrigin: null });
    expect(await none.setServerOrigin('https://externat.example.kz')).toBe('not-allowed');
    await expect(none.setServerOrigin('https://externat.example.kz/api')).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });

  it('says whether the build’s policy allows the signing services', async () => {
    const host = createBrowserHost({ ...fakeEnv().env, signingOrigins: ['http://tsp.pki.gov.kz'] });
    expect(await host.setSigningOrigins(['http://tsp.pki.gov.kz'])).toBe('in-effect');
    expect(await host.setSigningOrigins([])).toBe('in-effect');
    expect(await host.setSigningOrigins(['http://tsp.pki.gov.kz', 'http://ocsp.pki.gov.kz'])).toBe(
      'not-allowed',
    );
    await expect(host.setSigningOrigins(['http://tsp.pki.gov.kz/tsp'])).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });

  it('opens https links with noopener and refuses everything else', async () => {
    const { env } = fakeEnv();
    const host = createBrowserHost(env);
    await host.openExternal('https://egov.kz/');
    expect(env.open).toHaveBeenCalledExactlyOnceWith('https://egov.kz/', '_blank', 'noopener,noreferrer');
    for (const url of ['http://egov.kz/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      await expect(host.openExternal(url)).rejects.toMatchObject({ code: 'not-allowed' });
    }
    expect(env.open).toHaveBeenCalledOnce();
  });

  it('notifies only where the person has allowed notifications, and never asks', async () => {
    const show = vi.fn();
    let permission: NotificationPermission = 'default';
    const host = createBrowserHost({
      ...fakeEnv().env,
      notifications: { permission: () => permission, show },
    });
    const req = { title: 'Мерзімдер', body: 'Бүгін немесе ертең: 2' };
    expect(await host.notify(req)).toBe('not-allowed');
    permission = 'denied';
    expect(await host.notify(req)).toBe('not-allowed');
    expect(show).not.toHaveBeenCalled();
    permission = 'granted';
    expect(await host.notify(req)).toBe('shown');
    expect(show).toHaveBeenCalledExactlyOnceWith('Мерзімдер', 'Бүгін немесе ертең: 2');
    const without = createBrowserHost({ ...fakeEnv().env, notifications: null });
    expect(await without.notify(req)).toBe('unsupported');
  });
});
