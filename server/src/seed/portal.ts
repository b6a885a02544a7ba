/**
 * New applications as the portal would deliver them (`npm run central -- --feed N`, the admin feed
 * endpoint, and the demo seed): a 'received' event from the portal with its attachments, whose
 * bytes (resources/demo's sample PDFs and image) are stored first, so that every file the event
 * names is on the server when the event is applied. Made-up people with valid IINs; nothing real.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatInstant } from '../../../shared/calendar/instant';
import { requiredDocuments } from '../../../shared/documents/kinds';
import { makeIin } from '../../../shared/iin';
import { EVENT_SCHEMA_VERSION, type Application, type EventOf, type Ground } from '../../../shared/workflow';
import type { Database } from '../db/types';
import { storeFile } from '../files/files';
import { applyBatch } from '../store/apply';

/** Kazakhstan's single time zone since 2024 (+05:00). */
export const OFFICE = { timeZone: 'Asia/Almaty', utcOffsetMinutes: 300 } as const;

const DEMO_DIR = new URL('../../../resources/demo/', import.meta.url);
const SUPPORTING_FILE: Readonly<Record<Ground, { name: string; mimeType: string }>> = {
  health: { name: 'medical-035-1.pdf', mimeType: 'application/pdf' },
  marks: { name: 'progress-record.pdf', mimeType: 'application/pdf' },
  'abroad-with-parents': { name: 'residence-abroad.pdf', mimeType: 'application/pdf' },
  'abroad-alone': { name: 'study-abroad.png', mimeType: 'image/png' },
};
const GROUNDS: readonly Ground[] = ['health', 'marks', 'abroad-with-parents', 'abroad-alone'];

const SURNAMES = ['Ахметов', 'Сейітқали', 'Жұмабаев', 'Петров', 'Ким', 'Нұрланов', 'Смағұлов', 'Орлов'];
const FEMALE = ['Айгүл', 'Динара', 'Мария', 'Әсел', 'Жанар', 'Ольга'];
const MALE = ['Нұрлан', 'Арман', 'Данияр', 'Сергей', 'Ерлан', 'Тимур'];
const SCHOOLS = [
  'Ақсу қаласының №1 жалпы білім беретін мектебі',
  'Общеобразовательная школа №7 города Аксу',
  'Қ. Сәтбаев атындағы мектеп-гимназия',
];

const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)] as T;
const femaleSurname = (s: string) => (/(ов|ев|ин)$/.test(s) ? `${s}а` : s);

function person(sex: 'male' | 'female', birthDate: string, surname: string) {
  return {
    iin: makeIin(birthDate, sex, randomInt(10_000)),
    lastName: sex === 'female' ? femaleSurname(surname) : surname,
    firstName: pick(sex === 'female' ? FEMALE : MALE),
  };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** One application, received now, asking for the rest of this school year. */
export function makeApplication(
  now: number,
  caseNumber: string,
  attachments: Application['attachments'],
  ground: Ground,
): Application {
  const surname = pick(SURNAMES);
  const year = new Date(now).getUTCFullYear();
  const grade = randomInt(5, 12);
  const birthYear = year - grade - 6;
  const pupilSex = randomInt(2) === 0 ? 'male' : 'female';
  const pupilBirth = `${birthYear}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
  const from = isoDay(now + 21 * 86_400_000);
  const schoolYearEnd = new Date(now).getUTCMonth() >= 7 ? year + 1 : year;
  return {
    caseNumber,
    receivedAt: formatInstant(now, OFFICE.utcOffsetMinutes),
    applicant: {
      ...person('female', `${birthYear - 28}-04-12`, surname),
      phone: `+7701${randomInt(1_000_000, 9_999_999)}`,
    },
    pupil: { ...person(pupilSex, pupilBirth, surname), birthDate: pupilBirth },
    ground,
    school: { name: pick(SCHOOLS) },
    className: `${grade} «${pick(['А', 'Ә', 'Б', 'В'])}»`,
    studyPeriod: { from, to: `${schoolYearEnd}-05-25` },
    legalBasis: 'art6-p2-sp24-4',
    attachments,
  };
}

/** Delivers `count` new applications to the akimat, each a 'received' event of its own case. */
export async function feedApplications(
  db: Database,
  akimatId: string,
  count: number,
  now = Date.now(),
): Promise<string[]> {
  const caseIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const caseId = randomUUID();
    const ground = pick(GROUNDS);
    const [appKind, supportingKind] = requiredDocuments(ground);
    const files = [
      { kind: appKind ?? 'application', name: 'application.pdf', mimeType: 'application/pdf' },
      { kind: supportingKind ?? 'application', ...SUPPORTING_FILE[ground] },
    ];
    const attachments = await db.transaction(async (tx) => {
      const refs: Application['attachments'] = [];
      for (const [n, f] of files.entries()) {
        const bytes = readFileSync(new URL(f.name, DEMO_DIR));
        const sha256 = await storeFile(tx, bytes, f.mimeType, akimatId);
        refs.push({
          id: `${caseId}-${n}`,
          kind: f.kind,
          fileName: f.name,
          mimeType: f.mimeType,
          size: bytes.length,
          sha256,
        });
      }
      return refs;
    });
    const caseNumber = `KZ-${new Date(now).getUTCFullYear()}-${String(randomInt(1, 10_000_000)).padStart(7, '0')}`;
    const application = makeApplication(now, caseNumber, attachments, ground);
    const event: EventOf<'received'> = {
      id: randomUUID(),
      caseId,
      baseVersion: 0,
      schemaVersion: EVENT_SCHEMA_VERSION,
      actor: { userId: 'egov', role: 'portal' },
      at: application.receivedAt,
      origin: { kind: 'portal' },
      type: 'received',
      payload: { application, office: { ...OFFICE } },
    };
    const [result] = await applyBatch(db, [event], akimatId, { kind: 'central' });
    if (result?.status !== 'applied')
      throw new Error(`the feed's application was not applied: ${result?.reason?.code ?? '?'}`);
    caseIds.push(caseId);
  }
  return caseIds;
}
