/**
 * Two rules of official papers, checked on the laid-out forms with the real font metrics: no line
 * break inside «№ 147-ө», «Г. С. Ахметова», «8 «Ә»», «ЖСН 880315400128»; and a signature's position
 * and name side by side, the name beside the position's last line, the captions on one row.
 */
import { describe, expect, it } from 'vitest';
import {
  bundledTemplateJson,
  layoutForm,
  parseTemplate,
  wrapText,
  type FormLayout,
  type FormTemplate,
  type LaidRule,
  type LaidText,
} from '../../../shared/forms';
import { metricsFor } from '../../../shared/forms/metrics';
import { sampleValues } from '../../fixtures/forms/sample-values';
import { loadFormFonts } from './support/node-fonts';

const fonts = loadFormFonts();
const BOUND = [
  '№ 147-ө',
  'Г. С. Ахметова',
  'Ахметова Г. С.',
  '8 «Ә»',
  'ЖСН 880315400128',
  'ИИН 880315400128',
];

/** The body lines of a layout, top to bottom, each as its text. */
function lines(layout: FormLayout): string[] {
  const byLine = new Map<string, LaidText[]>();
  for (const page of layout.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      const key = `${page.number}:${item.y.toFixed(1)}`;
      byLine.set(key, [...(byLine.get(key) ?? []), item]);
    }
  }
  return [...byLine.values()].map((items) =>
    items
      .sort((a, b) => a.x - b.x)
      .map((i) => i.text)
      .join(' '),
  );
}

/** Appendix 2 with the reason also printed as a paragraph, so both wrappers are exercised. */
function withParagraph(): FormTemplate {
  const json = bundledTemplateJson('appendix-2', 'kk') as FormTemplate;
  json.blocks.push({ type: 'paragraph', align: 'justify', text: 'Ескерту: {refusalReasons}' });
  const parsed = parseTemplate(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.template;
}

const reason = (pad: number) =>
  `${'ә'.repeat(pad)} шешім № 147-ө бойынша Г. С. Ахметова және Ахметова Г. С. 8 «Ә» сынып, ЖСН 880315400128, ИИН 880315400128 деп жазылды`;

describe('no line break inside what belongs together', () => {
  const template = withParagraph();
  const pads = Array.from({ length: 60 }, (_, i) => i + 1);

  it('keeps each of them on one line, in a blank and in a paragraph, wherever the line ends', () => {
    const split: string[] = [];
    for (const pad of pads) {
      const values = { ...sampleValues('appendix-2', 'kk'), refusalReasons: reason(pad) };
      const text = lines(layoutForm({ form: 'appendix-2', language: 'kk', values, fonts, template }));
      // Each occurs twice (blank and paragraph): both times whole on a line.
      for (const phrase of BOUND) {
        const whole = text.reduce((n, line) => n + line.split(phrase).length - 1, 0);
        if (whole !== 2) split.push(`${pad}: ${phrase}`);
      }
    }
    expect(split).toEqual([]);
  });

  it('would split some of them at these line ends without the rules (the test reaches the boundary)', () => {
    const metrics = metricsFor(fonts);
    const measure = (s: string) => metrics.width(s, 'regular', 14);
    const broken = new Set<string>();
    for (const pad of pads) {
      for (const line of wrapText(reason(pad), 150 * (72 / 25.4), measure)) {
        for (const phrase of BOUND) {
          const [first = ''] = phrase.split(' ');
          if (line.text.endsWith(` ${first}`) || line.text === first) broken.add(phrase);
        }
      }
    }
    expect(broken.size).toBeGreaterThanOrEqual(3);
  });
});

describe('a signature block', () => {
  it('puts the name beside the last line of a wrapping position, the captions on one row', () => {
    const values = {
      ...sampleValues('order', 'kk'),
      signatoryPosition: 'Сайрам ауданы білім бөлімі басшысының міндетін уақытша атқарушы',
    };
    const layout = layoutForm({ form: 'order', language: 'kk', values, fonts });
    const items = layout.pages.flatMap((p) => p.items.map((item) => ({ page: p.number, item })));
    const texts = items.filter((e): e is { page: number; item: LaidText } => e.item.kind === 'text');
    const position = texts.filter((e) => e.item.fields?.includes('signatoryPosition'));
    const name = texts.find((e) => e.item.fields?.includes('signatoryName'));
    expect(position.length).toBeGreaterThanOrEqual(2);
    expect(name).toBeDefined();
    const page = name!.page;
    const lastPosition = position.at(-1)!;
    expect(lastPosition.page).toBe(page);
    // Side by side: the name to the right of the position column, on the baseline of its last line.
    expect(name!.item.x).toBeGreaterThan(Math.max(...position.map((p) => p.item.x + p.item.width)));
    expect(name!.item.y).toBeCloseTo(lastPosition.item.y, 3);
    // The ruled lines under both end on one height; the captions stand on one row under them.
    const rules = items
      .filter((e): e is { page: number; item: LaidRule } => e.page === page && e.item.kind === 'rule')
      .map((e) => e.item);
    const under = (t: LaidText) =>
      rules.find((r) => r.y > t.y && r.y - t.y < 6 && r.x <= t.x && r.x + r.width >= t.x);
    expect(under(name!.item)?.y).toBeCloseTo(under(lastPosition.item)!.y, 3);
    const caption = (text: string) => texts.find((e) => e.page === page && e.item.text === text)!.item;
    expect(caption('(лауазымы)').y).toBeCloseTo(caption('(инициалдары, фамилиясы)').y, 3);
    expect(caption('(лауазымы)').y).toBeGreaterThan(lastPosition.item.y);
  });

  it('keeps the stamp place after the EDS words of the signature', () => {
    const layout = layoutForm({ form: 'order', language: 'ru', values: sampleValues('order', 'ru'), fonts });
    const page = layout.pages.find((p) => p.items.some((i) => i.kind === 'reserved'))!;
    const box = page.items.find((i) => i.kind === 'reserved')!;
    const eds = page.items.find(
      (i): i is LaidText => i.kind === 'text' && i.text === 'Электронная цифровая подпись руководителя',
    )!;
    expect(box.y).toBeGreaterThan(eds.y);
    expect(box.y - eds.y).toBeLessThan(20);
  });
});
