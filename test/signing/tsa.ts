/**
 * A small RFC 3161 time-stamp authority for the tests, signing with the test PKI's TSA
 * certificate: `timeStampResponse` answers one TimeStampReq (DER) and `startTsaServer` serves it
 * over HTTP, as a real TSA does (POST application/timestamp-query). The token is built by the
 * desk's own CMS builder, so OpenSSL's `ts -verify` of it checks that builder too.
 */
import * as asn1js from 'asn1js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as pkijs from 'pkijs';
import { buildSignedData, contentInfoDer } from '../../shared/signing/cms';
import { OID } from '../../shared/signing/oids';
import type { TestParty, TestPki } from './pki';

/** A policy OID of the test TSA (any OID does; RFC 3161 requires one). */
export const TEST_TSA_POLICY = '1.2.398.3.3.2.6.1.999';

export interface TsaBehaviour {
  /** The time the TSA states (default: now). */
  genTime?: Date;
  /** Answer with this PKIStatus instead of granted (2 = rejection). */
  status?: number;
  /** Stamp another imprint than asked (a broken TSA). */
  wrongImprint?: boolean;
  /** Send back another nonce than asked. */
  wrongNonce?: boolean;
}

let serial = 1;

export async function timeStampResponse(
  pki: TestPki,
  request: Uint8Array,
  behaviour: TsaBehaviour = {},
): Promise<Uint8Array> {
  const req = pkijs.TimeStampReq.fromBER(request.slice().buffer);
  if (behaviour.status !== undefined && behaviour.status > 1) {
    const refused = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: behaviour.status }),
    });
    return new Uint8Array(refused.toSchema().toBER());
  }
  const genTime = behaviour.genTime ?? new Date();
  const imprint = new Uint8Array(req.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (behaviour.wrongImprint) imprint[0] = (imprint[0] ?? 0) ^ 0xff;
  const nonce = behaviour.wrongNonce ? new asn1js.Integer({ value: 4242 }) : req.nonce;
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: TEST_TSA_POLICY,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: req.messageImprint.hashAlgorithm,
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    serialNumber: new asn1js.Integer({ value: serial++ }),
    genTime,
    ...(nonce ? { nonce } : {}),
  });
  const tstDer = new Uint8Array(tst.toSchema().toBER());
  const token = await signAs(pki.tsa, tstDer, genTime);
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: 0 }),
    timeStampToken: new pkijs.ContentInfo({ schema: asn1js.fromBER(token.slice().buffer).result }),
  });
  return new Uint8Array(response.toSchema().toBER());
}

async function signAs(party: TestParty, tstDer: Uint8Array, at: Date): Promise<Uint8Array> {
  const { signedData } = await buildSignedData({
    cert: party.cert,
    certificate: party.certificate,
    content: tstDer,
    encapsulate: true,
    contentType: OID.tstInfo,
    signingTime: at,
    signatureAlgorithm: OID.sha256WithRsa,
    sign: async (tbs) =>
      new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', party.privateKey, tbs.slice().buffer)),
  });
  return contentInfoDer(signedData);
}

export interface TsaServer {
  url: string;
  /** How many requests it answered. */
  requests(): number;
  close(): Promise<void>;
}

/** An HTTP TSA on 127.0.0.1 (a free port). */
export async function startTsaServer(pki: TestPki, behaviour: TsaBehaviour = {}): Promise<TsaServer> {
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count++;
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(400).end();
        return;
      }
      timeStampResponse(pki, new Uint8Array(Buffer.concat(chunks)), behaviour).then(
        (answer) => {
          res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(Buffer.from(answer));
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
