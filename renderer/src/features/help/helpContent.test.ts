import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../../shared/calendar';
import { REDUCER_VERSION, TERMS } from '../../../../shared/workflow';
import i18n from '../../i18n';
import { helpContent } from './helpContent';
import { SHORTCUTS } from './shortcuts';

describe('helpContent', () => {
  it('states the terms the workflow counts with, in both languages', () => {
    for (const language of ['kk', 'ru'] as const) {
      const help = helpContent(i18n.getFixedT(language), kazakhstanCalendar, '2026-11-24');
      const days = help.stages.map((s) => Number(/: (\d+)/.exec(s)?.[1]));
      expect(days).toEqual([
        TERMS.completeness,
        TERMS.school,
        TERMS.review,
        TERMS.total,
        TERMS.complaintToProvider,
        TERMS.complaintToQualityAuthority,
      ]);
      expect(help.stages.every((s) => !s.includes('{{'))).toBe(true);
      expect(help.checks).toHaveLength(4);
      expect(help.shortcuts.map((s) => s.key)).toEqual(SHORTCUTS.map((s) => s.label));
    }
  });

  it('names the calendar version in use and the reducer version', () => {
    const help = helpContent(i18n.getFixedT('ru'), kazakhstanCalendar, '2026-11-24');
    const version = kazakhstanCalendar.versionBetween('2026-01-01', '2026-12-31');
    expect(help.versions.join('\n')).toContain(version);
    expect(help.versions.join('\n')).toContain(String(REDUCER_VERSION));
    // A year without a file is said to be provisional.
    const later = helpContent(i18n.getFixedT('ru'), kazakhstanCalendar, '2027-03-01');
    expect(later.versions[1]).toBe(i18n.getFixedT('ru')('ux.help.calendarProvisional', { year: '2027' }));
  });
});
