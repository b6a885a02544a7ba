/**
 * Places where a line must not break, as the typographic rules of official papers have it: «№»
 * and its number, initials and the surname, a class number and its letter, «ЖСН»/«ИИН»/«БСН»/«БИН»
 * and the number. The spaces there become no-break spaces (U+00A0): the wrapper never breaks at
 * them, and the layout prints them as ordinary spaces so the text layer reads as typed.
 */

export const NBSP = '\u00a0';

const UPPER = '\\p{Lu}';
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // «№ 147-ө», «№ 12», «№ KZ-2026-0001»
  [/№[ \t]+(?=\S)/gu, `№${NBSP}`],
  // «ЖСН 880315400128», «ИИН: 880315400128», «БИН 990340003217»
  [/(?<!\p{L})(ЖСН|ИИН|БСН|БИН)(:?)[ \t]+(?=\d)/gu, `$1$2${NBSP}`],
  // The surname followed by initials («Ахметова Г. С.»), not a word before initials that lead a
  // name («Басшы Г. С. Ахметова»): after the initials comes neither another initial nor a name.
  // Before the next rule, which joins the initials themselves: this one reads the spaces between them.
  [
    new RegExp(
      `(?<!\\p{L})(${UPPER}\\p{Ll}+(?:-${UPPER}\\p{Ll}+)?)[ \\t]+(?=(?:${UPPER}\\.(?:-${UPPER}\\.)?[ \\t]?)+(?![ \\t]*${UPPER}[\\p{Ll}.]))`,
      'gu',
    ),
    `$1${NBSP}`,
  ],
  // An initial followed by another initial or the surname: «Г. С. Ахметова», «Ш.-Г. Тәжіғалиева».
  [new RegExp(`(?<!\\p{L})(${UPPER}\\.(?:-${UPPER}\\.)?)[ \\t]+(?=${UPPER})`, 'gu'), `$1${NBSP}`],
  // A class number and its letter: «8 «Ә»», «10 Б», «7 "А"» (a number that is not part of a date or sum).
  [new RegExp(`(?<![\\d.,])(\\d{1,2})[ \\t]+(?=[«"]?${UPPER}[»"]?(?!\\p{L}))`, 'gu'), `$1${NBSP}`],
];

/** The text with no-break spaces where a break would separate what belongs together. */
export function bindNoBreak(text: string): string {
  let out = text;
  for (const [rule, replacement] of RULES) out = out.replace(rule, replacement);
  return out;
}

/** What a laid-out text prints: the no-break spaces as ordinary spaces. */
export function shown(text: string): string {
  return text.includes(NBSP) ? text.split(NBSP).join(' ') : text;
}
