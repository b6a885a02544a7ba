import { describe, expect, it } from 'vitest';
import {
  getBundledTemplate,
  validateValues,
  type FormLanguage,
  type FormTemplate,
} from '../../../../shared/forms';
import { DEMO_SETTINGS } from '../../../../shared/settings';
import type { CaseState, DocumentKind } from '../../../../shared/workflow';
import { fakeCalendar } from '../../../../shared/workflow/testing/fake-calendar';
import {
  atCompleteness,
  atReview,
  grantedAndClosed,
  steps,
} from '../../../../shared/workflow/testing/scenario';
import { user } from '../../stores/fixtures';
import { akimatGenitive, initialsAndSurname, placeOfAddress } from './names';
import { formsForCase, prefillValues, resolveSource, type PrefillContext } from './prefill';

const officer = user('officer-1'); // Ахметова Гүлнар Серікқызы
const calendar = fakeCalendar();

function ctx(state: CaseState, language: FormLanguage, today = '2026-12-16'): PrefillContext {
  return {
    state,
    settings: DEMO_SETTINGS,
    officer,
    language,
    calendar,
    today,
    documentName: (kind: DocumentKind) => `${language}:${kind}`,
  };
}

const refusedGround1 = () => {
  const s = atCompleteness();
  steps.incomplete(s);
  return steps.refuseGround1(s).current;
};

const fill = (template: FormTemplate, c: PrefillContext) => prefillValues(template, c);

describe('prefill: appendix 2 (refusal)', () => {
  it('fills every field of a ground-1 refusal in Kazakh, the missing documents by name', () => {
    const template = getBundledTemplate('appendix-2', 'kk');
    const { values, unknown } = fill(template, ctx(refusedGround1(), 'kk'));
    expect(unknown).toEqual([]);
    expect(values).toEqual({
      applicantFullName: 'Ахметова Айгүл',
      refusedDocuments: 'kk:medical-conclusion',
      refusalReasons: 'No 035-1/u conclusion',
      // The organisation and the responsible person are the issuing body's, as on the order.
      providerName: DEMO_SETTINGS.issuer.name.kk,
      providerAddress: DEMO_SETTINGS.issuer.address.kk,
      decisionNumber: 'D-1',
      decisionDate: '2026-12-15',
      signatoryPosition: 'Білім бөлімінің басшысы',
      signatoryName: 'С. М. Жұмабаева',
    });
    expect(validateValues(template, values)).toEqual([]);
  });

  it('takes the settings and the officer in the form’s language for the Russian form', () => {
    const { values } = fill(getBundledTemplate('appendix-2', 'ru'), ctx(refusedGround1(), 'ru'));
    expect(values.providerName).toBe('Отдел образования Бурабайского района');
    expect(values.signatoryPosition).toBe('Руководитель отдела образования');
    expect(values.signatoryName).toBe('С. М. Жумабаева');
    expect(values.refusedDocuments).toBe('ru:medical-conclusion');
  });
});

describe('prefill: the order and appendix 3 (grant)', () => {
  it('fills the order in Kazakh: the issuing body, its act and signatory, the head who agrees, the enum codes', () => {
    const template = getBundledTemplate('order', 'kk');
    const state = grantedAndClosed().current;
    const { values, unknown } = fill(template, ctx(state, 'kk'));
    expect(unknown).toEqual([]);
    expect(values).toMatchObject({
      providerName: 'Бурабай ауданының білім бөлімі',
      actHeading: 'БҰЙРЫҚ',
      actEnacting: 'БҰЙЫРАМЫН:',
      actThisAblative: 'Осы бұйрықтан',
      actThisNominative: 'Осы бұйрық',
      actControl: 'Осы бұйрықтың орындалуын бақылауды өзіме қалдырамын.',
      orderDate: '2026-12-21',
      orderNumber: 'P-1',
      orderPlace: 'Щучинск қаласы',
      // The level's competence (a district: paragraph 4), not what the application cited (paragraph 2).
      legalBasis: 'art6-p4-sp21-3',
      ground: 'health',
      caseNumber: 'KZ-2026-0001',
      applicationDate: '2026-12-11',
      // Names in the case the sentence needs: the applicant's genitive, the pupil's dative.
      applicantName: 'Ахметова Айгүлдің',
      pupilName: 'Ахметов Нұрланға',
      pupilIin: '120305500012',
      pupilBirthDate: '2012-03-05',
      schoolName: 'School No. 1',
      className: '8 «А»',
      studyFrom: '2027-01-11',
      studyTo: '2027-05-25',
      basisDocument: 'дәрігерлік-консультативтік комиссияның 035-1/у нысанындағы электронды қорытындысы',
      signatoryPosition: 'Білім бөлімінің басшысы',
      signatoryName: 'С. М. Жұмабаева',
      headPosition: 'Аудан әкімінің орынбасары',
      headName: 'Н. Қ. Серікбаев',
    });
    // The scenario's pupil has an IIN with a wrong check digit: the order will not go out with it.
    expect(validateValues(template, values)).toEqual([{ field: 'pupilIin', code: 'invalid-iin' }]);
  });

  it('fills the Russian order with the Russian names, the place and the head’s agreement day', () => {
    const { values } = fill(getBundledTemplate('order', 'ru'), ctx(grantedAndClosed().current, 'ru'));
    expect(values.orderPlace).toBe('город Щучинск');
    expect(values.headName).toBe('Н. К. Серикбаев');
    expect(values.headPosition).toBe('Заместитель акима района');
    expect(values.applicantName).toBe('Ахметовой Айгүл');
    expect(values.pupilName).toBe('Ахметову Нұрлану');
    expect(values.actEnacting).toBe('ПРИКАЗЫВАЮ:');
    expect(values.agreedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('words an akimat’s order as its resolution, with the control handed to the head', () => {
    const settings = structuredClone(DEMO_SETTINGS);
    settings.issuer.kind = 'akimat';
    settings.issuer.name = { ...settings.akimat.name };
    const state = grantedAndClosed().current;
    const kk = fill(getBundledTemplate('order', 'kk'), { ...ctx(state, 'kk'), settings }).values;
    expect(kk.actHeading).toBe('ҚАУЛЫ');
    expect(kk.actEnacting).toBe('Ақмола облысы Бурабай ауданының әкімдігі ҚАУЛЫ ЕТЕДІ:');
    expect(kk.actControl).toBe(
      'Осы қаулының орындалуын бақылау аудан әкімінің орынбасары Н. Қ. Серікбаевқа жүктелсін.',
    );
    expect(kk.signatoryPosition).toBe('Аудан әкімі');
    const ru = fill(getBundledTemplate('order', 'ru'), { ...ctx(state, 'ru'), settings }).values;
    expect(ru.actEnacting).toBe('акимат Бурабайского района Акмолинской области ПОСТАНОВЛЯЕТ:');
    expect(ru.actControl).toBe(
      'Контроль за исполнением настоящего постановления возложить на заместителя акима района Н. К. Серикбаева.',
    );
    expect(ru.actThisNominative).toBe('Настоящее постановление');
  });

  it('cites the medical conclusion by its number and date when the central system gave them', () => {
    const state = structuredClone(grantedAndClosed().current);
    const med = state.application.attachments.find((a) => a.kind === 'medical-conclusion')!;
    med.data = { kind: 'medical-conclusion', number: '412', date: '2026-11-02' };
    expect(resolveSource('case.basisDocument', ctx(state, 'kk'))).toBe(
      'дәрігерлік-консультативтік комиссияның 2026 жылғы 2 қарашадағы № 412 035-1/у нысанындағы электронды қорытындысы',
    );
    expect(resolveSource('case.basisDocument', ctx(state, 'ru'))).toBe(
      'электронное заключение врачебно-консультационной комиссии по форме 035-1/у от 2 ноября 2026 года № 412',
    );
    med.data = { kind: 'medical-conclusion', number: null, date: '2026-11-02' };
    expect(resolveSource('case.basisDocument', ctx(state, 'ru'))).toBe(
      'электронное заключение врачебно-консультационной комиссии по форме 035-1/у',
    );
  });

  it('names the school in the document’s language when the central system gave both names', () => {
    const state = structuredClone(grantedAndClosed().current);
    state.application.school = { name: '№ 3 мектеп', names: { kk: '№ 3 мектеп', ru: 'Школа № 3' } };
    expect(resolveSource('case.application.school.name', ctx(state, 'ru'))).toBe('Школа № 3');
    expect(resolveSource('case.application.school.name', ctx(state, 'kk'))).toBe('№ 3 мектеп');
    state.application.school = { name: '№ 3 мектеп', names: { kk: '№ 3 мектеп' } };
    expect(resolveSource('case.application.school.name', ctx(state, 'ru'))).toBe('№ 3 мектеп');
  });

  it('fills appendix 3 with the receipt time as the office saw it and the signatory’s full name', () => {
    const template = getBundledTemplate('appendix-3', 'ru');
    const { values } = fill(template, ctx(grantedAndClosed().current, 'ru'));
    expect(values.receivedAt).toBe('2026-12-11T19:30');
    expect(values.applicationDate).toBe('2026-12-11');
    expect(values.applicantIin).toBe('850101400011');
    expect(values.providerName).toBe('Отдел образования Бурабайского района');
    expect(values.signatoryName).toBe('Жумабаева Сауле Маратовна');
    expect(values.signatoryPosition).toBe('Руководитель отдела образования');
    expect(validateValues(template, values)).toEqual([]);
  });

  it('leaves the order fields empty while no order is prepared', () => {
    const { values } = fill(getBundledTemplate('appendix-3', 'kk'), ctx(atReview().current, 'kk'));
    expect(values.orderNumber).toBe('');
    expect(values.orderDate).toBe('');
  });
});

describe('prefill: the request to the school', () => {
  it('drafts a request before it is sent: today as its date, the number and phone for the officer', () => {
    const s = atCompleteness();
    const state = steps.complete(s).current; // checked 2026-12-15
    const template = getBundledTemplate('school-request', 'kk');
    const { values } = fill(template, ctx(state, 'kk', '2026-12-16'));
    expect(values.requestDate).toBe('2026-12-16');
    // Six working days from the completeness check (Mon–Fri calendar).
    expect(values.answerDueDate).toBe('2026-12-23');
    // Signed by the issuing body's head, on its letterhead; the officer is the executor.
    expect(values.signatoryName).toBe('С. М. Жұмабаева');
    expect(values.issuerNameKk).toBe('Бурабай ауданының білім бөлімі');
    expect(values.issuerNameRu).toBe('Отдел образования Бурабайского района');
    expect(values.issuerBin).toBe(DEMO_SETTINGS.issuer.bin);
    expect(values.issuerPhone).toBe(DEMO_SETTINGS.issuer.phone);
    expect(values.issuerEmail).toBe(DEMO_SETTINGS.issuer.email);
    expect(values.applicantName).toBe('Ахметова Айгүлдің');
    expect(values.executorName).toBe('Ахметова Гүлнар Серікқызы');
    expect(validateValues(template, values)).toEqual([
      { field: 'outgoingNumber', code: 'required' },
      { field: 'pupilIin', code: 'invalid-iin' },
      { field: 'executorPhone', code: 'required' },
    ]);
  });

  it('takes the officer’s phone from the user when the user has one', () => {
    const state = steps.complete(atCompleteness()).current;
    const withPhone = { ...officer, phone: '8 (71636) 4-12-36' } as typeof officer;
    const { values } = fill(getBundledTemplate('school-request', 'ru'), {
      ...ctx(state, 'ru'),
      officer: withPhone,
    });
    expect(values.executorPhone).toBe('8 (71636) 4-12-36');
    // A name the Russian rules do not know stays as it is.
    expect(values.schoolName).toBe('School No. 1');
  });

  it('takes the phone the officer typed last time when the user has none; the user’s own comes first', () => {
    const state = steps.complete(atCompleteness()).current;
    const template = getBundledTemplate('school-request', 'kk');
    const remembered = fill(template, { ...ctx(state, 'kk'), rememberedPhone: '+7 701 555 12 34' });
    expect(remembered.values.executorPhone).toBe('+7 701 555 12 34');
    const own = { ...officer, phone: '8 (71636) 4-12-36' } as typeof officer;
    const both = fill(template, { ...ctx(state, 'kk'), officer: own, rememberedPhone: '+7 701 555 12 34' });
    expect(both.values.executorPhone).toBe('8 (71636) 4-12-36');
  });

  it('puts the school in the genitive after «Руководителю» in Russian', () => {
    const state = structuredClone(steps.complete(atCompleteness()).current);
    state.application.school = { name: 'Средняя школа № 3' };
    const { values } = fill(getBundledTemplate('school-request', 'ru'), ctx(state, 'ru'));
    expect(values.schoolName).toBe('средней школы № 3');
  });

  it('takes the number and date of a request recorded as sent', () => {
    const state = steps.requestSchool(steps.complete(atCompleteness())).current;
    const { values } = fill(getBundledTemplate('school-request', 'ru'), ctx(state, 'ru'));
    expect(values.outgoingNumber).toBe('O-1');
    expect(values.requestDate).toBe('2026-12-15');
  });
});

describe('prefill: appendix 4 (the application)', () => {
  it('addresses the akimat in the genitive in both languages', () => {
    const state = atCompleteness().current;
    const kk = fill(getBundledTemplate('appendix-4', 'kk'), ctx(state, 'kk')).values;
    expect(kk.addresseeBody).toBe('Ақмола облысы Бурабай ауданы әкімдігінің');
    expect(kk.applicantFullName).toBe('Ахметова Айгүл');
    expect(kk.applicationDate).toBe('2026-12-11');
    const ru = fill(getBundledTemplate('appendix-4', 'ru'), ctx(state, 'ru')).values;
    expect(ru.addresseeBody).toBe('акимата Бурабайского района Акмолинской области');
    expect(validateValues(getBundledTemplate('appendix-4', 'ru'), ru)).toEqual([]);
  });
});

describe('sources the desk does not know', () => {
  it('are reported, never read from the prototype chain', () => {
    const c = ctx(refusedGround1(), 'kk');
    expect(resolveSource('case.application.nothing', c)).toBeUndefined();
    expect(resolveSource('case.constructor', c)).toBeUndefined();
    expect(resolveSource('case.application.toString', c)).toBeUndefined();
    expect(resolveSource('settings.toString', c)).toBeUndefined();
    expect(resolveSource('officer.constructor', c)).toBeUndefined();
    expect(resolveSource('case.deadlines.nothing', c)).toBeUndefined();
    expect(resolveSource('case.deadlines.constructor', c)).toBeUndefined();
    expect(resolveSource('free', c)).toBe('');
    // Any plain path of the case works, so an akimat's template may use more of it.
    expect(resolveSource('case.application.applicant.phone', c)).toBe('+77010000000');
    expect(resolveSource('case.registrationNumber', c)).toBe('R-1');
  });
});

describe('forms for the case', () => {
  it('follow the stage and the decision', () => {
    expect(formsForCase(atCompleteness().current)).toEqual(['appendix-4']);
    expect(formsForCase(steps.complete(atCompleteness()).current)).toEqual(['school-request', 'appendix-4']);
    expect(formsForCase(refusedGround1())).toEqual(['appendix-2', 'appendix-4']);
    expect(formsForCase(grantedAndClosed().current)).toEqual([
      'order',
      'appendix-3',
      'school-request',
      'appendix-4',
    ]);
  });
});

describe('derived names', () => {
  it('write initials before the surname, hyphenated names with both initials', () => {
    expect(initialsAndSurname('Серікбаев Нұрлан Қайратұлы')).toBe('Н. Қ. Серікбаев');
    expect(initialsAndSurname('Тәжіғалиева Шаһизада-Гүлнұр')).toBe('Ш.-Г. Тәжіғалиева');
    expect(initialsAndSurname('  Ли  ')).toBe('Ли');
    expect(initialsAndSurname('')).toBe('');
  });

  it('put the akimat’s name in the genitive, or leave a name the rules do not know', () => {
    expect(akimatGenitive('Астана қаласының әкімдігі', 'kk')).toBe('Астана қаласы әкімдігінің');
    expect(akimatGenitive('Бурабай ауданы әкімдігі', 'kk')).toBe('Бурабай ауданы әкімдігінің');
    expect(akimatGenitive('Білім бөлімі', 'kk')).toBe('Білім бөлімі');
    expect(akimatGenitive('Акимат города Астаны', 'ru')).toBe('акимата города Астаны');
    expect(akimatGenitive('Отдел образования', 'ru')).toBe('Отдел образования');
  });

  it('find the settlement in an address', () => {
    expect(placeOfAddress('Түркістан облысы, Сайрам ауданы, Ақсу ауылы, Иляев көшесі, 1', 'kk')).toBe(
      'Ақсу ауылы',
    );
    expect(placeOfAddress('Туркестанская область, Сайрамский район, село Аксу, улица Иляева, 1', 'ru')).toBe(
      'село Аксу',
    );
    expect(placeOfAddress('Абылай хан көшесі, 38', 'kk')).toBe('');
  });
});
