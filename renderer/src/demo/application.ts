/** The application a demo case starts with, as the portal would deliver it. */
import { addDays } from '../../../shared/calendar/dates';
import type { IsoDate } from '../../../shared/calendar/types';
import { requiredDocuments } from '../../../shared/documents';
import type { Application, AttachmentRef, DocumentKind } from '../../../shared/workflow';
import type { DemoContext } from './build-case';
import { supportingData } from './documents';
import type { DemoFileName } from './files/manifest';
import { makeFamily } from './people';
import type { CasePlan } from './plan';
import type { Random } from './random';
import { className, DEMO_SCHOOLS, type DemoSchool } from './schools';

const SUPPORTING_FILE = {
  health: 'medical-035-1.pdf',
  marks: 'progress-record.pdf',
  'abroad-with-parents': 'residence-abroad.pdf',
  'abroad-alone': 'study-abroad.png',
} as const satisfies Record<Application['ground'], DemoFileName>;

/** A home in the school's town or village, written the way the school's address is. */
function homeAddress(random: Random, school: DemoSchool): string {
  const place = school.address.split(',')[0] ?? '';
  const house = random.int(1, 120);
  return school.language === 'kk' ? `${place}, ${house}-үй` : `${place}, д. ${house}`;
}

export interface ApplicationInput {
  caseId: string;
  arrival: { at: string; day: IsoDate };
  registrationDay: IsoDate;
  /** The supporting document is left out (the case is refused on ground 1). */
  withoutSupporting: boolean;
}

export interface DemoApplication {
  application: Application;
  supportingKind: DocumentKind;
  schoolName: string;
}

export function makeApplication(
  random: Random,
  plan: CasePlan,
  ctx: DemoContext,
  input: ApplicationInput,
): DemoApplication {
  const { caseId, arrival } = input;
  const grade = random.int(5, 11);
  // A pupil too young or too old for the class claimed: the desk must flag the IIN's age.
  const familyGrade = plan.pupilIinProblem === 'age' ? random.pick([2, 14]) : grade;
  const family = makeFamily(random, familyGrade, ctx.today, plan.index * 3);
  const school = random.pick(DEMO_SCHOOLS);
  const supportingKind = requiredDocuments(plan.ground)[1] ?? 'application';
  const schoolYearEnd = Number(ctx.today.slice(0, 4)) + (Number(ctx.today.slice(5, 7)) >= 9 ? 1 : 0);
  const period = { from: addDays(input.registrationDay, 14), to: `${schoolYearEnd}-05-25` };

  const fileRef = (id: string, kind: DocumentKind, name: DemoFileName, data?: unknown): AttachmentRef => {
    const meta = ctx.files[name];
    const ref: AttachmentRef = {
      id,
      kind,
      fileName: name,
      mimeType: meta.mimeType,
      size: meta.size,
      sha256: meta.sha256,
    };
    if (data !== undefined) ref.data = data;
    return ref;
  };
  const attachments = [fileRef(`${caseId}-app`, 'application', 'application.pdf')];
  if (plan.brokenSignature) {
    // Signed, but the CMS is the demo's signature of a result document: not over this file.
    const cms = ctx.files['result-grant.signed.pdf.cms'];
    attachments[0]!.signature = { sha256: cms.sha256, size: cms.size };
  }
  if (!input.withoutSupporting) {
    const data = supportingData(
      random,
      plan.ground,
      family,
      grade,
      ctx.today,
      school.name,
      period,
      plan.flaw,
    );
    const file = plan.corruptFile ? 'corrupt.pdf' : SUPPORTING_FILE[plan.ground];
    attachments.push(fileRef(`${caseId}-doc`, supportingKind, file, data));
  }

  let pupilIin = family.pupil.iin;
  // A mistyped control digit, as if keyed in by hand.
  if (plan.pupilIinProblem === 'checksum')
    pupilIin = pupilIin.slice(0, 11) + String((Number(pupilIin[11]) + 1) % 10);

  const number = String(10_000 + plan.index * 7 + random.int(0, 6)).padStart(6, '0');
  const phone = `+7 70${random.int(0, 8)} ${random.int(100, 999)} ${String(random.int(0, 9999)).padStart(4, '0')}`;
  return {
    supportingKind,
    schoolName: school.name,
    application: {
      caseNumber: `KZ-${arrival.day.slice(0, 4)}-${number}`,
      receivedAt: arrival.at,
      applicant: {
        ...family.applicant,
        phone,
        address: homeAddress(random, school),
      },
      pupil: { ...family.pupil, iin: pupilIin },
      ground: plan.ground,
      school: { name: school.name, names: { ...school.names }, bin: school.bin, address: school.address },
      className: className(random, school, grade),
      studyPeriod: period,
      legalBasis: ctx.legalBasis,
      attachments,
    },
  };
}
