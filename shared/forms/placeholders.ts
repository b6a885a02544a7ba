/**
 * `{field}` placeholders inside the fixed wording of a template. Official Kazakh and Russian texts
 * never contain braces, so a brace always opens or closes a placeholder.
 *
 * A placeholder may ask for a form of its value after colons: a case (`{studyFrom:ablative}` →
 * «2026 жылғы 20 қарашадан»), or one part of a date (`{orderDate:year}`, `{orderDate:day}`,
 * `{orderDate:month:attributive}`) for the act's blanks «_______ жылғы __ _______». Which
 * modifiers a field's type accepts is checked with the template (`template-schema.ts`).
 */

export type TextPart =
  { kind: 'text'; text: string } | { kind: 'field'; name: string; modifiers: readonly string[] };

export type PlaceholderProblem = 'malformed-placeholder';

const PLACEHOLDER = /^([a-z][A-Za-z0-9]*)((?::[a-z]+)*)$/;

/** Splits fixed text into literal runs and field references; undefined when braces are malformed. */
export function splitPlaceholders(text: string): TextPart[] | undefined {
  const parts: TextPart[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (open < 0) {
      if (close >= 0) return undefined;
      parts.push({ kind: 'text', text: rest });
      break;
    }
    if (close >= 0 && close < open) return undefined;
    const end = rest.indexOf('}', open);
    if (end < 0) return undefined;
    const m = PLACEHOLDER.exec(rest.slice(open + 1, end));
    if (!m) return undefined;
    if (open > 0) parts.push({ kind: 'text', text: rest.slice(0, open) });
    const modifiers = (m[2] ?? '').split(':').filter((s) => s !== '');
    parts.push({ kind: 'field', name: m[1] ?? '', modifiers });
    rest = rest.slice(end + 1);
  }
  return parts;
}

/** Field names a text refers to, in order of first use. */
export function placeholderNames(text: string): string[] {
  const parts = splitPlaceholders(text) ?? [];
  const names: string[] = [];
  for (const p of parts) if (p.kind === 'field' && !names.includes(p.name)) names.push(p.name);
  return names;
}
