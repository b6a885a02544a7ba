import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/documents';
import { atCompleteness } from '../../../../shared/workflow/testing/scenario';
import i18n from '../../i18n';
import type { ChecklistItem } from './documentsModel';
import { documentGroups } from './documentsView';

/** One supporting document of a scenario case with the findings given, its file read. */
function itemWith(findings: Finding[], data: unknown): ChecklistItem {
  const attachment = atCompleteness().current.application.attachments.find((a) => a.kind !== 'application')!;
  return {
    kind: attachment.kind,
    required: true,
    attachments: [
      {
        attachment: { ...attachment, data },
        check: { status: 'fail', findings },
        file: { status: 'readable', kind: 'pdf' },
        shown: { status: 'fail', codes: findings.map((f) => f.code) },
      },
    ],
  };
}

const options = {
  timeZone: 'Asia/Almaty',
  userName: (id: string) => id,
  iins: { pupil: '100101500017', applicant: '800101300015' },
};

describe('documentGroups: each finding with its evidence (issue 11)', () => {
  it('names the subject, year, class and mark of a mark that is not 4 or 5, and an expiry date with today', () => {
    const t = i18n.getFixedT('kk');
    const [group] = documentGroups(
      t,
      [
        itemWith(
          [
            {
              code: 'progress.low-mark',
              severity: 'fail',
              params: { subject: 'Математика', year: '2021-2022', grade: 6, mark: 3 },
            },
            {
              code: 'medical.expired',
              severity: 'fail',
              params: { validUntil: '2026-11-23', today: '2026-11-24' },
            },
          ],
          {},
        ),
      ],
      options,
    );
    const [mark, expiry] = group!.files[0]!.findings;
    for (const part of ['Математика', '2021-2022', '6', '3']) expect(mark!.text).toContain(part);
    expect(expiry!.text).toContain('23.11.2026');
    expect(expiry!.text).toContain('24.11.2026');
    // Neither rests on an IIN: no evidence line of their own.
    expect(mark!.evidence).toBeUndefined();
  });

  it('shows both IINs of an IIN that differs: the document’s and the case’s', () => {
    const t = i18n.getFixedT('ru');
    const [group] = documentGroups(
      t,
      [itemWith([{ code: 'progress.pupil-iin-mismatch', severity: 'fail' }], { pupilIin: '100101500025' })],
      options,
    );
    const [finding] = group!.files[0]!.findings;
    expect(finding!.evidence).toContain('100101500025');
    expect(finding!.evidence).toContain('100101500017');
  });
});
