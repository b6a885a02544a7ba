/**
 * A small OCSP responder (RFC 6960) for the tests, over HTTP on 127.0.0.1 as a real one is (POST
 * application/ocsp-request): it reads the request, finds the test PKI's certificate by the CertID's
 * serial and answers by the PKI's delegated responder — good, or revoked for `revoked` — with the
 * request's nonce, unless told to behave badly. `fixed` serves recorded bytes whatever is asked
 * (the НУЦ's own answers, as a replaying man in the middle would).
 */
import * as asn1js from 'asn1js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as pkijs from 'pkijs';
import { OID } from '../../shared/signing/oids';
import type { TestParty, TestPki } from './pki';

export interface OcspResponderBehaviour {
  /** Answer without the nonce (an answer made before, or a responder that ignores nonces). */
  noNonce?: boolean;
  /** HTTP status instead of 200 (a responder that is down or refuses). */
  httpStatus?: number;
  /** These bytes instead of an answer. */
  fixed?: Uint8Array;
}

export interface OcspResponder {
  url: string;
  /** The serials (hex) of the certificates it was asked about, in order. */
  asked(): string[];
  close(): Promise<void>;
}

const PARTIES = [
  'signing',
  'head',
  'authentication',
  'expired',
  'revoked',
  'wrongBin',
  'individual',
] as const;

function partyBySerial(pki: TestPki, serialHex: string): TestParty | undefined {
  return PARTIES.map((p) => pki[p]).find(
    (party) =>
      Buffer.from(party.certificate.serialNumber.valueBlock.valueHexView).toString('hex') === serialHex,
  );
}

function nonceOf(request: pkijs.OCSPRequest): Uint8Array | undefined {
  const ext = request.tbsRequest.requestExtensions?.find((e) => e.extnID === OID.ocspNonce);
  if (!ext) return undefined;
  const inner = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView.slice().buffer).result;
  return inner instanceof asn1js.OctetString ? new Uint8Array(inner.valueBlock.valueHexView) : undefined;
}

export async function startOcspResponder(
  pki: TestPki,
  behaviour: OcspResponderBehaviour = {},
): Promise<OcspResponder> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = async (): Promise<Uint8Array | undefined> => {
        if (req.method !== 'POST' || req.headers['content-type'] !== 'application/ocsp-request')
          return undefined;
        const body = new Uint8Array(Buffer.concat(chunks));
        const request = pkijs.OCSPRequest.fromBER(body.slice().buffer);
        const certId = request.tbsRequest.requestList[0]?.reqCert;
        if (!certId) return undefined;
        const serial = Buffer.from(certId.serialNumber.valueBlock.valueHexView).toString('hex');
        asked.push(serial);
        if (behaviour.fixed) return behaviour.fixed;
        const party = partyBySerial(pki, serial);
        if (!party) return undefined;
        const nonce = behaviour.noNonce ? undefined : nonceOf(request);
        return pki.ocspResponse(
          party,
          nonce ? { nonce, producedAt: new Date() } : { producedAt: new Date() },
        );
      };
      answer().then(
        (bytes) => {
          if (behaviour.httpStatus) return void res.writeHead(behaviour.httpStatus).end();
          if (!bytes) return void res.writeHead(400).end();
          res.writeHead(200, { 'Content-Type': 'application/ocsp-response' }).end(Buffer.from(bytes));
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ocsp`,
    asked: () => [...asked],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
