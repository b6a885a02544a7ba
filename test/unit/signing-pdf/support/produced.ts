/** A produced result (Appendix 3 or 2) as the desk makes it, for the signing tests. */
import { renderForm, type FormLanguage } from '../../../../shared/forms';
import { sampleValues } from '../../../fixtures/forms/sample-values';
import { loadFormFonts } from '../../forms/support/node-fonts';

export const CREATED_AT = new Date('2026-11-24T09:30:00Z');

export function producedForm(
  form: 'appendix-3' | 'appendix-2' = 'appendix-3',
  language: FormLanguage = 'kk',
): Promise<Uint8Array> {
  return renderForm({
    form,
    language,
    values: sampleValues(form, language),
    fonts: loadFormFonts(),
    createdAt: CREATED_AT,
    author: language === 'kk' ? 'Сайрам ауданының әкімдігі' : 'Акимат Сайрамского района',
  });
}
