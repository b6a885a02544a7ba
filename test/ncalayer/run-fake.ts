/**
 * The fake NCALayer as a process, for trying the desk's NCALayer signing by hand where no real
 * NCALayer runs: `npm run ncalayer:fake [-- --basics=sign|cancel|fail|missing] [--commonutils=…]
 * [--port=13579]`. It serves wss://127.0.0.1:13579 (the address the desk's CSP allows) with a
 * self-signed certificate made at start, and signs with the test PKI's akimat-employee key, made at
 * start too: a TEST key of a TEST CA, never trusted anywhere. A browser refuses the certificate
 * until it is accepted once: open https://127.0.0.1:13579 in the same browser and accept it.
 */
import { testPki } from '../signing/pki';
import { startFakeNcaLayer, type BasicsBehaviour, type CommonUtilsBehaviour } from './fake-server';
import { loopbackTlsCertificate, opensslCmsSigner } from './openssl';

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const pki = await testPki();
const server = await startFakeNcaLayer({
  tls: loopbackTlsCertificate(),
  port: Number(flag('port') ?? 13579),
  basics: (flag('basics') ?? 'sign') as BasicsBehaviour,
  commonUtils: (flag('commonutils') ?? 'sign') as CommonUtilsBehaviour,
  tokens: 'kaztoken',
  sign: opensslCmsSigner(pki.signing, [pki.root]),
});
process.stdout.write(`fake NCALayer (TEST key, BIN ${pki.bin}) at ${server.url}; Ctrl+C stops it\n`);
process.on('SIGINT', () => {
  void server.close().then(() => process.exit(0));
});
