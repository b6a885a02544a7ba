/**
 * What the printed stamp says (issue 8, "What a signature produces"), in the document's language:
 * the signer from the certificate, the certificate's serial and validity, the signing time on the
 * office's clock, the produced document's hash, and the legend of art. 7 p. 1 of Law 370-II. These
 * are document text, like the templates' wording, not desk strings: they follow the document's
 * language, never the officer's screen.
 */
import { formatInstant } from '../../calendar';
import type { FormLanguage } from '../../forms';
import type { CertificateInfo } from '../types';

/** The legend of an electronic document (Law 370-II of 7 January 2003, art. 7 p. 1), verbatim. */
export const LEGEND: Readonly<Record<FormLanguage, string>> = {
  kk: '«Осы құжат «Электрондық құжат және электрондық цифрлық қолтаңба туралы» Қазақстан Республикасының 2003 жылғы 7 қаңтардағы N 370-II Заңы 7 бабының 1 тармағына сәйкес қағаз тасығыштағы құжатпен бірдей.»',
  ru: '«Данный документ согласно пункту 1 статьи 7 ЗРК от 7 января 2003 года N370-II «Об электронном документе и электронной цифровой подписи» равнозначен документу на бумажном носителе.»',
};

const LABELS = {
  kk: {
    title: 'Электрондық цифрлық қолтаңбамен қол қойылған',
    iin: 'ЖСН',
    bin: 'БСН',
    position: 'Лауазымы',
    organization: 'Ұйым',
    certificate: (serial: string, from: string, to: string) => `Сертификат № ${serial}, ${from} – ${to}`,
    signedAt: 'Қол қойылған уақыты',
    hash: 'Құжаттың SHA-256 хэші',
  },
  ru: {
    title: 'Подписано электронной цифровой подписью',
    iin: 'ИИН',
    bin: 'БИН',
    position: 'Должность',
    organization: 'Организация',
    certificate: (serial: string, from: string, to: string) =>
      `Сертификат № ${serial}, действителен с ${from} по ${to}`,
    signedAt: 'Время подписания',
    hash: 'SHA-256 документа',
  },
} as const;

export interface StampText {
  /** First line: what the stamp is. */
  title: string;
  /** The signer and the certificate, one entry a paragraph (wrapped in the box). */
  lines: string[];
  /** The produced document's hash, on a line of its own (never wrapped inside). */
  hash: string;
  legend: string;
}

export interface StampTextInput {
  language: FormLanguage;
  certificate: CertificateInfo;
  /** The signer's position (certificates carry none: it comes from the desk's users directory). */
  position?: string;
  /** The issuing body's name, when the certificate carries no organisation. */
  organization?: string;
  signingTime: Date;
  /** The office's clock (OfficeZone.utcOffsetMinutes) for the printed time. */
  utcOffsetMinutes: number;
  /** SHA-256 of the produced document (hex). */
  documentSha256: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** dd.MM.yyyy of an instant on a clock `offset` minutes from UTC. */
function day(iso: string, offset: number): string {
  const local = formatInstant(Date.parse(iso), offset);
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)}`;
}

/** dd.MM.yyyy HH:mm:ss (UTC±hh:mm). */
function instant(at: Date, offset: number): string {
  const local = formatInstant(at.getTime(), offset);
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return `${day(at.toISOString(), offset)} ${local.slice(11, 19)} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}

/** The full name as НУЦ certificates split it: CN «SURNAME NAME», GN the patronymic. */
export function signerName(cert: CertificateInfo): string {
  const { commonName, surname, givenName } = cert.subject;
  const base = commonName ?? surname ?? '';
  return givenName && !base.includes(givenName) ? `${base} ${givenName}` : base;
}

export function stampText(input: StampTextInput): StampText {
  const l = LABELS[input.language];
  const { certificate: cert, utcOffsetMinutes: offset } = input;
  const s = cert.subject;
  const ids = [s.iin ? `${l.iin} ${s.iin}` : '', s.bin ? `${l.bin} ${s.bin}` : ''].filter((x) => x !== '');
  const organization = s.organization ?? input.organization;
  const lines = [
    signerName(cert),
    ...(ids.length > 0 ? [ids.join(', ')] : []),
    ...(input.position ? [`${l.position}: ${input.position}`] : []),
    ...(organization ? [`${l.organization}: ${organization}`] : []),
    l.certificate(cert.serialHex.toUpperCase(), day(cert.notBefore, offset), day(cert.notAfter, offset)),
    `${l.signedAt}: ${instant(input.signingTime, offset)}`,
    `${l.hash}:`,
  ];
  return { title: l.title, lines, hash: input.documentSha256.toLowerCase(), legend: LEGEND[input.language] };
}

/**
 * What the QR code carries: the case's registration number and the produced document's SHA-256,
 * so that a printed copy can be checked against the case (the PDF cannot carry its own final hash).
 */
export function stampQrText(caseNumber: string, documentSha256: string): string {
  return `${caseNumber}\nSHA-256:${documentSha256.toUpperCase()}`;
}
