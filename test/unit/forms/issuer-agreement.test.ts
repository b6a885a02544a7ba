/**
 * The order, the school request, the extract and the refusal agree with each other: filled by the
 * desk's own prefill from one set of settings, rendered, and read back by poppler, each names the
 * same issuing body, the same signatory and — for the order — the act that body adopts.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { getBundledTemplate, renderForm } from '../../../shared/forms';
import type { FormId, FormLanguage } from '../../../shared/forms/types';
import { makeIin } from '../../../shared/iin';
import { DEMO_SETTINGS, type Settings } from '../../../shared/settings';
import type { CaseState, DocumentKind } from '../../../shared/workflow';
import { fakeCalendar } from '../../../shared/workflow/testing/fake-calendar';
import { atCompleteness, grantedAndClosed, steps } from '../../../shared/workflow/testing/scenario';
import { prefillValues } from '../../../renderer/src/features/forms/prefill';
import { user } from '../../../renderer/src/stores/fixtures';
import { loadFormFonts } from './support/node-fonts';
import { normalizeSpace, pdftotext, requirePoppler, tempPdf } from './support/poppler';

const cleanups: (() => void)[] = [];
beforeEach(() => requirePoppler());
afterAll(() => cleanups.forEach((c) => c()));

/** The scenario's cases with valid IINs (the scenario's pupil has a wrong check digit on purpose). */
function valid(state: CaseState): CaseState {
  const s = structuredClone(state);
  s.application.pupil.iin = makeIin('2012-03-05', 'male', 1);
  return s;
}

const granted = () => valid(grantedAndClosed().current);
const refused = () => {
  const s = atCompleteness();
  steps.incomplete(s);
  return valid(steps.refuseGround1(s).current);
};

async function rendered(
  form: FormId,
  language: FormLanguage,
  state: CaseState,
  settings: Settings,
): Promise<string> {
  const template = getBundledTemplate(form, language);
  const { values } = prefillValues(template, {
    state,
    settings,
    officer: user('officer-1'),
    language,
    calendar: fakeCalendar(),
    today: '2026-12-16',
    documentName: (kind: DocumentKind) => kind,
  });
  // What the officer types: the school request's number and phone.
  const typed = {
    ...values,
    outgoingNumber: values.outgoingNumber || '01-15/77',
    executorPhone: '8 (71636) 4-12-36',
  };
  const bytes = await renderForm({ form, language, template, values: typed, fonts: loadFormFonts() });
  const file = tempPdf(bytes);
  cleanups.push(file.cleanup);
  return normalizeSpace(pdftotext(file.path));
}

async function allFour(language: FormLanguage, settings: Settings) {
  return {
    order: await rendered('order', language, granted(), settings),
    request: await rendered('school-request', language, granted(), settings),
    extract: await rendered('appendix-3', language, granted(), settings),
    refusal: await rendered('appendix-2', language, refused(), settings),
  };
}

function akimatIssuing(): Settings {
  const s = structuredClone(DEMO_SETTINGS) as Settings;
  s.issuer = {
    ...s.issuer,
    kind: 'akimat',
    name: { ...s.akimat.name },
    signatory: { name: { kk: 'Әбілов Ерлан Серікұлы', ru: 'Абилов Ерлан Серикович' } },
  };
  return s;
}

describe('the four documents agree', () => {
  it.each(['kk', 'ru'] as const)(
    'education department (%s): its header, its head’s order and signature',
    async (language) => {
      const docs = await allFour(language, DEMO_SETTINGS);
      const name = DEMO_SETTINGS.issuer.name[language];
      const signatory = language === 'kk' ? 'С. М. Жұмабаева' : 'С. М. Жумабаева';
      const title = language === 'kk' ? 'Білім бөлімінің басшысы' : 'Руководитель отдела образования';
      for (const [doc, text] of Object.entries(docs)) {
        expect(text, doc).toContain(name);
        expect(text, doc).toContain(title);
      }
      // The order, the request and the refusal sign with initials, the extract with the full name.
      for (const doc of [docs.order, docs.request, docs.refusal]) expect(doc).toContain(signatory);
      expect(docs.extract).toContain(DEMO_SETTINGS.issuer.signatory.name[language]);
      expect(docs.order).toContain(language === 'kk' ? 'БҰЙРЫҚ' : 'ПРИКАЗ');
      expect(docs.order).toContain(language === 'kk' ? 'БҰЙЫРАМЫН:' : 'ПРИКАЗЫВАЮ:');
      // The extract is taken from this order: its date and number.
      expect(docs.extract).toContain(
        language === 'kk' ? '2026 жылғы 21 желтоқсандағы № P-1' : 'от 21 декабря 2026 года № P-1',
      );
      // The akimat's head agrees the order (paragraph 23).
      expect(docs.order).toContain(language === 'kk' ? 'Келісілді:' : 'Согласовано:');
      expect(docs.order).toContain(language === 'kk' ? 'Н. Қ. Серікбаев' : 'Н. К. Серикбаев');
    },
  );

  it.each(['kk', 'ru'] as const)('an akimat (%s): its resolution, signed by the akim', async (language) => {
    const settings = akimatIssuing();
    const docs = await allFour(language, settings);
    const title = language === 'kk' ? 'Аудан әкімі' : 'Аким района';
    for (const [doc, text] of Object.entries(docs)) {
      expect(text, doc).toContain(settings.akimat.name[language]);
      expect(text, doc).toContain(title);
    }
    const akim = language === 'kk' ? 'Е. С. Әбілов' : 'Е. С. Абилов';
    for (const doc of [docs.order, docs.request, docs.refusal]) expect(doc).toContain(`${title} ${akim}`);
    expect(docs.order).toContain(language === 'kk' ? 'ҚАУЛЫ' : 'ПОСТАНОВЛЕНИЕ');
    expect(docs.order).toContain(
      language === 'kk'
        ? 'Ақмола облысы Бурабай ауданының әкімдігі ҚАУЛЫ ЕТЕДІ:'
        : 'акимат Бурабайского района Акмолинской области ПОСТАНОВЛЯЕТ:',
    );
    expect(docs.order).toContain(
      language === 'kk'
        ? 'Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.'
        : 'Настоящее постановление вводится в действие',
    );
    expect(docs.order).not.toContain(language === 'kk' ? 'БҰЙЫРАМЫН' : 'ПРИКАЗЫВАЮ');
  });
});
