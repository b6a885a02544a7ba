import { describe, expect, it } from 'vitest';
import { GROUNDS, missingDocuments, requiredDocuments } from './kinds';
import type { DocumentKind, Ground } from './kinds';

// SERVICE.md, standard item 8: the application always, then one document per ground.
const EXPECTED: Record<Ground, DocumentKind> = {
  health: 'medical-conclusion',
  marks: 'progress-record',
  'abroad-with-parents': 'residence-abroad',
  'abroad-alone': 'study-abroad',
};

describe('requiredDocuments', () => {
  it.each(Object.entries(EXPECTED))('%s needs the application and %s', (ground, kind) => {
    expect(requiredDocuments(ground as Ground)).toEqual(['application', kind]);
  });

  it('covers every ground, and no two grounds ask for the same supporting document', () => {
    const supporting = GROUNDS.map((g) => requiredDocuments(g)[1]);
    expect(new Set(supporting).size).toBe(GROUNDS.length);
  });

  it('returns a fresh array each time, so a caller cannot change the rule for everyone', () => {
    requiredDocuments('health').push('study-abroad');
    expect(requiredDocuments('health')).toEqual(['application', 'medical-conclusion']);
  });
});

describe('missingDocuments', () => {
  it('is empty when the package is complete', () => {
    expect(missingDocuments('marks', ['progress-record', 'application'])).toEqual([]);
  });

  it('names the supporting document when only the application came', () => {
    expect(missingDocuments('abroad-alone', ['application'])).toEqual(['study-abroad']);
  });

  it('lists both, application first, when nothing came', () => {
    expect(missingDocuments('health', [])).toEqual(['application', 'medical-conclusion']);
  });

  it('does not accept a document meant for another ground', () => {
    expect(missingDocuments('abroad-with-parents', ['application', 'study-abroad'])).toEqual([
      'residence-abroad',
    ]);
  });

  it('ignores duplicates and takes any iterable', () => {
    const present = new Set<DocumentKind>(['application', 'medical-conclusion', 'application']);
    expect(missingDocuments('health', present)).toEqual([]);
  });
});
