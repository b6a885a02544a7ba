/** The record of a signature made outside the desk (NCALayer, eGov) until issue 8 signs on the desk. */
import { formatInstant } from '../../../../shared/calendar';
import { resultFormOf, signableDocuments } from '../../../../shared/workflow';
import { formatDateTime } from '../../i18n/format';
import { verifiedBytes } from '../documents/fileCheck';
import { Reader, type ActionContext, type ActionField, type ActionSpec, type NoteText } from './actionTypes';
import { documentsSigned, readDetachedSignature, type SignatureReading } from './signatureFile';

/** A detached CMS as NCALayer, eGov and Kalkan save it. */
const SIGNATURE_FILE_TYPES = [{ mimeType: 'application/pkcs7-signature', extensions: ['cms', 'p7s', 'sig'] }];

/** A certificate serial as typed (spaces or colons between bytes allowed), hex lowercase; undefined if not hex. */
function serialHex(typed: string): string | undefined {
  const bare = typed.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{1,64}$/.test(bare) ? bare : undefined;
}

/** What the dialog says it read from the signature file, line by line. */
function readingNote(
  ctx: ActionContext,
  reading: SignatureReading | undefined,
  document: string,
): ActionField[] {
  if (!reading) return [];
  if (!reading.ok) {
    return [
      {
        name: 'signatureRead',
        kind: 'note',
        labelKey: 'record.field.signatureRead',
        note: { key: `record.signature.problem.${reading.problem}`, tone: 'warning' },
      },
    ];
  }
  const sig = reading.signature;
  const lines: NoteText[] = [
    {
      key: 'record.signature.read.signedAt',
      params: {
        when: formatDateTime(
          formatInstant(sig.signedAtMs, ctx.state.office.utcOffsetMinutes),
          ctx.state.office,
        ),
      },
    },
  ];
  if (sig.certificateSerial)
    lines.push({ key: 'record.signature.read.serial', params: { serial: sig.certificateSerial } });
  if (sig.signerName) lines.push({ key: 'record.signature.read.signer', params: { name: sig.signerName } });
  const signs = reading.signs;
  const verdict =
    signs === 'unchecked'
      ? 'unchecked'
      : signs.includes(document.toLowerCase())
        ? 'matches'
        : signs.length > 0
          ? 'other'
          : 'none';
  lines.push({ key: `record.signature.read.digest.${verdict}` });
  return [
    {
      name: 'signatureRead',
      kind: 'note',
      labelKey: 'record.field.signatureRead',
      note: {
        key: 'record.signature.read.title',
        lines,
        ...(verdict === 'matches' ? {} : { tone: 'warning' as const }),
      },
    },
  ];
}

/**
 * Signing inside the desk comes with the signing feature (issue 8). Until then the officer signs the
 * result in NCALayer or eGov as today and records it here: which produced document of this decision
 * was signed (the extract or the refusal, produced after the head's approval), and the detached
 * signature file, stored with the case. The file must be a CMS signature whose digest is the chosen
 * document's (a GOST digest cannot be computed here yet: the dialog says so); the certificate serial
 * is read from it, or typed in hex. The reducer checks the document again.
 */
export const signed: ActionSpec<'signed'> = {
  type: 'signed',
  fields(ctx, values) {
    const documents = signableDocuments(ctx.state);
    const decision = ctx.state.decision;
    const fields: ActionField[] = [{ name: 'info', kind: 'note', note: { key: 'record.signature.intro' } }];
    if (documents.length === 0 && decision) {
      fields.push({
        name: 'noDocument',
        kind: 'note',
        labelKey: 'record.field.signedDocument',
        note: {
          key: 'record.signature.noDocument',
          params: { form: { t: `forms.name.${resultFormOf(decision)}` } },
          tone: 'warning',
        },
      });
    }
    fields.push(
      {
        name: 'signedDocument',
        kind: 'select',
        required: true,
        labelKey: 'record.field.signedDocument',
        options: documents.map((d) => d.sha256),
        labels: Object.fromEntries(
          documents.map((d) => [
            d.sha256,
            {
              key: 'record.signature.documentLabel',
              params: {
                form: { t: `forms.name.${d.form}` },
                language: { t: `forms.language.${d.language}` },
                when: formatDateTime(d.at, ctx.state.office),
              },
            },
          ]),
        ),
      },
      {
        name: 'signedFile',
        kind: 'file',
        required: true,
        labelKey: 'record.field.signatureFile',
        accept: SIGNATURE_FILE_TYPES,
      },
      ...readingNote(ctx, ctx.chosen['signedFile']?.reading, String(values['signedDocument'] ?? '')),
      { name: 'certificateSerial', kind: 'text', required: true },
      { name: 'signerName', kind: 'text', required: true },
    );
    return fields;
  },
  initial(ctx) {
    const reading = ctx.chosen['signedFile']?.reading;
    const sig = reading?.ok ? reading.signature : undefined;
    return {
      signedDocument: signableDocuments(ctx.state)[0]?.sha256 ?? '',
      certificateSerial: sig?.certificateSerial ?? '',
      signerName: sig?.signerName ?? ctx.user.fullName,
    };
  },
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const documentSha256 = r.required('signedDocument');
    if (documentSha256 && !signableDocuments(ctx.state).some((d) => d.sha256 === documentSha256))
      r.errors['signedDocument'] = 'not-offered';
    const file = ctx.chosen['signedFile'];
    const reading = file?.reading;
    if (!file) r.errors['signedFile'] = 'required';
    else if (!reading?.ok) r.errors['signedFile'] = 'not-a-signature';
    else if (reading.signs !== 'unchecked' && !reading.signs.includes(documentSha256.toLowerCase()))
      r.errors['signedFile'] = 'signs-other-document';
    const typedSerial = r.required('certificateSerial');
    const certificateSerial = serialHex(typedSerial);
    if (typedSerial && !certificateSerial) r.errors['certificateSerial'] = 'serial-hex';
    const read = reading?.ok ? reading.signature : undefined;
    if (certificateSerial && read?.certificateSerial && read.certificateSerial !== certificateSerial)
      r.errors['certificateSerial'] = 'serial-mismatch';
    const signerName = r.required('signerName');
    return r.done(() => ({
      signatureFormat: 'cms-detached' as const,
      documentSha256,
      signatureSha256: file?.sha256 ?? '',
      certificateSerial: certificateSerial ?? '',
      signerName,
      ...(read?.signerIin ? { signerIin: read.signerIin } : {}),
      signedAt: formatInstant(read?.signedAtMs ?? 0, ctx.state.office.utcOffsetMinutes),
      timestamped: read?.timestamped ?? false,
    }));
  },
  async readFile(bytes, ctx, load) {
    const read = readDetachedSignature(bytes);
    if (!read.ok) return read;
    const documents: Array<{ sha256: string; bytes: Uint8Array }> = [];
    for (const doc of signableDocuments(ctx.state)) {
      const verified = await verifiedBytes({ sha256: doc.sha256, mimeType: 'application/pdf' }, load);
      if ('bytes' in verified) documents.push({ sha256: doc.sha256, bytes: verified.bytes });
    }
    return { ...read, signs: await documentsSigned(read.signature, documents) };
  },
};
