/**
 * A small fault-injection proxy for the sync tests: TCP in front of the central server that cuts
 * the connection (both ways, at once) after N bytes went up from the desk, once per `cutAfter`.
 * It counts every byte it forwards, so a test can prove an upload was not started again from zero.
 */
import net from 'node:net';

export interface FaultProxy {
  url: string;
  /** Bytes forwarded from the desk to the server, all connections together. */
  upstreamBytes(): number;
  /** The next connection that carries more than `bytes` bytes up is cut there. */
  cutAfter(bytes: number): void;
  /** Refuse every connection (the network is down) until `restore()`. */
  down(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startProxy(target: string): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  let upstream = 0;
  let cut: number | null = null;
  let isDown = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    if (isDown) {
      client.destroy();
      return;
    }
    const remote = net.connect(Number(port), hostname);
    sockets.add(remote);
    let sent = 0;
    client.on('data', (chunk: Buffer) => {
      if (cut !== null && sent + chunk.length > cut) {
        const part = chunk.subarray(0, cut - sent);
        cut = null;
        upstream += part.length;
        remote.write(part, () => {
          // Let the server read what arrived, then drop both ends as a broken network would.
          setTimeout(() => {
            client.destroy();
            remote.destroy();
          }, 50);
        });
        client.pause();
        return;
      }
      sent += chunk.length;
      upstream += chunk.length;
      remote.write(chunk);
    });
    remote.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      remote.destroy();
      sockets.delete(client);
      sockets.delete(remote);
    };
    client.on('error', end).on('close', end);
    remote.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    upstreamBytes: () => upstream,
    cutAfter(bytes) {
      cut = bytes;
    },
    down() {
      isDown = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      isDown = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
