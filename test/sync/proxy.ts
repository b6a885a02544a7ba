/**
 * A small fault-injection proxy for the sync tests: TCP in front of the central server that cuts
 * the connection (both ways, at once) that carries the N-th byte going up from the desk (counted
 * over all connections from the moment `cutAfter` is called: fetch may or may not reuse one).
 * It counts every byte it forwards, so a test can prove an upload was not started again from zero.
 */
import net from 'node:net';

export interface FaultProxy {
  url: string;
  /** Bytes forwarded from the desk to the server, all connections together. */
  upstreamBytes(): number;
  /** How many connections were cut so far. */
  cuts(): number;
  /** The connection carrying the `bytes`-th byte up from now on (all connections together) is cut there. */
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
  let cuts = 0;
  let armedAt = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    if (isDown) {
      client.destroy();
      return;
    }
    const remote = net.connect(Number(port), hostname);
    sockets.add(remote);
    client.on('data', (chunk: Buffer) => {
      if (cut !== null && armedAt + cut < upstream + chunk.length) {
        const part = chunk.subarray(0, armedAt + cut - upstream);
        cut = null;
        cuts += 1;
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
    cuts: () => cuts,
    cutAfter(bytes) {
      cut = bytes;
      armedAt = upstream;
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
