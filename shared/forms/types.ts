/** Names shared by the form templates, the layout and the PDF writer. */

export const FORM_IDS = ['appendix-2', 'appendix-3', 'appendix-4', 'school-request', 'order'] as const;
export type FormId = (typeof FORM_IDS)[number];

export const FORM_LANGUAGES = ['kk', 'ru'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** BCP 47 tag written to the PDF catalog (/Lang) so readers and screen readers pick the language. */
export const PDF_LANGUAGE_TAGS: Record<FormLanguage, string> = { kk: 'kk-KZ', ru: 'ru-RU' };

/**
 * Font files of the two weights the forms use: the TrueType bytes of resources/fonts/DeskSerif-*.ttf,
 * Liberation Serif cut to the forms' characters at build time (see resources/fonts/README.md).
 */
export interface FormFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/**
 * Values typed or prefilled into a form, keyed by field name. Dates are ISO `yyyy-MM-dd` (a full
 * ISO date-time is accepted and its date part used); date-times ISO `yyyy-MM-ddTHH:mm`.
 */
export type FormValues = Readonly<Record<string, string | number | null | undefined>>;
