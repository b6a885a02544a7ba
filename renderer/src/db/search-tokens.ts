/**
 * The words versions 2–4 stored to find a case by (upgrades 002 and 004 compute them, as those
 * versions did). Version 5 dropped the stored words: the queue searches in memory
 * (features/queue/queueModel), which was the faster at 10,000 and at 100,000 cases. Kept only so that
 * the released upgrades run unchanged.
 */
import type { RowPerson } from './records';

/** Lowercase, NFC, 'ё' as 'е' (people type it both ways); the same for stored words and queries. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').trim();
}

function wordsOf(text: string): string[] {
  const whole = normalizeSearchText(text);
  if (!whole) return [];
  const words = new Set<string>();
  for (const word of whole.split(/\s+/)) {
    words.add(word);
    // 'KZ-2026-00123' is found by '00123' and by '123'; 'Әбу-Бәкір' by 'бәкір'.
    for (const part of word.split(/[^\p{L}\p{N}]+/u)) {
      if (!part) continue;
      words.add(part);
      const unpadded = part.replace(/^0+(?=\d)/, '');
      words.add(unpadded);
    }
  }
  return [...words];
}

export interface SearchableCase {
  caseNumber: string;
  registrationNumber?: string;
  applicant: RowPerson;
  pupil: RowPerson;
}

export function searchTokensOf(row: SearchableCase): string[] {
  const tokens = new Set<string>();
  const add = (text: string | undefined) => {
    if (text) for (const w of wordsOf(text)) tokens.add(w);
  };
  add(row.caseNumber);
  add(row.registrationNumber);
  for (const person of [row.applicant, row.pupil]) {
    add(person.iin);
    add(person.lastName);
    add(person.firstName);
    add(person.middleName);
  }
  return [...tokens];
}

/** The words of a query; a case matches when every word starts one of its tokens. */
export function queryWords(query: string): string[] {
  const whole = normalizeSearchText(query);
  return whole ? [...new Set(whole.split(/\s+/))] : [];
}
