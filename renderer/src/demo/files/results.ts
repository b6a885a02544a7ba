/**
 * The demo's produced results: the extract from the order (appendix 3) and the refusal (appendix 2)
 * as the desk produces them — the bundled templates rendered by shared/forms with the desk's fonts,
 * so each carries the reserved box the signing step draws the EDS stamp into. Two documents serve
 * every demo case that reaches them (a file per case would make the demo large and its seeding
 * slow), so their values are one fictitious demo case's, with the demo's issuing body
 * (DEMO_SETTINGS) and a fixed clock: the same bytes on every run.
 */
import { makeIin } from '../../../../shared/iin';
import {
  getBundledTemplate,
  renderForm,
  templateVersionString,
  type FormFonts,
  type FormValues,
} from '../../../../shared/forms';
import { DEMO_SETTINGS, signatoryTitleOf } from '../../../../shared/settings';
import { DEMO_RESULT_LANGUAGE, type DemoResultForm } from './result-names';

export { DEMO_RESULTS, DEMO_RESULT_LANGUAGE, type DemoResultForm } from './result-names';

/** The demo results' case number (their QR code carries it): no real case is numbered so. */
export const DEMO_RESULT_CASE_NUMBER = 'KZ-2026-DEMO';
/** When the demo results were produced (their creation date). */
export const DEMO_RESULTS_PRODUCED_AT = new Date('2026-01-14T05:00:00Z');

const issuer = DEMO_SETTINGS.issuer;
const signatoryTitle = signatoryTitleOf(DEMO_SETTINGS).kk;

const VALUES: Readonly<Record<DemoResultForm, FormValues>> = {
  'appendix-3': {
    caseNumber: DEMO_RESULT_CASE_NUMBER,
    receivedAt: '2026-01-05T10:12:00+05:00',
    providerName: issuer.name.kk,
    applicantFullName: 'Демо Өтініш Беруші',
    applicantIin: makeIin('1988-04-12', 'female', 902),
    applicationDate: '2026-01-05',
    orderDate: '2026-01-14',
    orderNumber: 'ДЕМО-1-Ө',
    signatoryPosition: signatoryTitle,
    signatoryName: issuer.signatory.name.kk,
  },
  'appendix-2': {
    applicantFullName: 'Демо Өтініш Беруші',
    refusedDocuments: 'дәрігерлік-консультациялық комиссияның 035-1/у нысанындағы қорытындысы',
    refusalReasons: 'қорытындының қолданылу мерзімі өтінішті берген күнге дейін аяқталған (демо)',
    providerName: issuer.name.kk,
    providerAddress: issuer.address.kk,
    decisionNumber: 'ДЕМО-1-Б',
    decisionDate: '2026-01-14',
    signatoryPosition: signatoryTitle,
    signatoryName: 'С. М. Жұмабаева',
  },
};

/** The template a demo result is produced from, as a `document-produced` event names it. */
export function demoResultTemplate(form: DemoResultForm): { templateId: string; templateVersion: string } {
  const template = getBundledTemplate(form, DEMO_RESULT_LANGUAGE);
  return { templateId: template.id, templateVersion: templateVersionString(template) };
}

/** One demo result, rendered as the desk renders a produced document (renderer/src/features/forms/produce.ts). */
export function produceDemoResult(form: DemoResultForm, fonts: FormFonts): Promise<Uint8Array> {
  return renderForm({
    form,
    language: DEMO_RESULT_LANGUAGE,
    template: getBundledTemplate(form, DEMO_RESULT_LANGUAGE),
    values: VALUES[form],
    fonts,
    createdAt: DEMO_RESULTS_PRODUCED_AT,
    author: issuer.name.kk,
  });
}
