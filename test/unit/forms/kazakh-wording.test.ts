/**
 * The Kazakh official templates copy order No. 225 letter for letter: every fixed phrase (heading,
 * paragraph run, label, caption, suffix, EDS line, annex line) occurs in the act's text. Line breaks
 * of the act's text are layout, so whitespace runs are collapsed on both sides.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getBundledTemplate } from '../../../shared/forms';
import { FORM_IDS } from '../../../shared/forms/types';
import { fixedPhrases } from './support/phrases';
import { normalizeSpace } from './support/poppler';

// The act itself, from the legal folder that stands beside the project for developers and CI
// (never copied into the project: there must be one text of the law to compare against).
const actPath = new URL('../../../../shared/legal/order-225-2020-kk.txt', import.meta.url);
if (!existsSync(actPath)) {
  throw new Error(
    `The official text of order No. 225 is expected at ${actPath.pathname} (../shared/legal beside the project).`,
  );
}
const act = normalizeSpace(readFileSync(actPath, 'utf8'));

/** The text of one appendix of the act, from its heading to the next appendix's heading. */
function appendixText(n: number): string {
  const start = act.indexOf(`№ 225 бұйрығына қосымша ${n}`);
  const end = act.indexOf(`№ 225 бұйрығына қосымша ${n + 1}`);
  expect(start).toBeGreaterThan(0);
  return act.slice(start, end > start ? end : undefined);
}

const official = FORM_IDS.map((form) => getBundledTemplate(form, 'kk')).filter(
  (t) => t.status === 'official',
);

describe('Kazakh official wording', () => {
  it('covers appendices 2, 3 and 4', () => {
    expect(official.map((t) => t.source.appendix).sort()).toEqual([2, 3, 4]);
  });

  it.each(official.map((t) => [t.id, t] as const))(
    '%s copies its appendix letter for letter',
    (_id, template) => {
      const source = appendixText(template.source.appendix ?? 0);
      const phrases = fixedPhrases(template);
      expect(phrases.length).toBeGreaterThan(8);
      expect(phrases.filter((p) => !source.includes(normalizeSpace(p)))).toEqual([]);
    },
  );

  it('marks the Russian templates as translations to be checked', () => {
    for (const form of FORM_IDS) {
      const ru = getBundledTemplate(form, 'ru');
      expect(ru.status).not.toBe('official');
      expect(ru.note).toBeTruthy();
    }
  });

  it('marks the school request and the order as drafted, not official', () => {
    for (const form of ['school-request', 'order'] as const) {
      for (const language of ['kk', 'ru'] as const) {
        expect(getBundledTemplate(form, language).status).toBe('drafted');
      }
    }
  });
});
