import type { TFunction } from 'i18next';
import type { Severity } from '../../../../shared/documents';
import { findingText } from '../../i18n/codes';
import { formatDateTime, sizeParts } from '../../i18n/format';
import type { Tone } from '../../ui/Badge';
import type { ChecklistItem, ShownStatus } from './documentsModel';
import type { FileState } from './fileCheck';

export interface FileView {
  id: string;
  fileName: string;
  size: string;
  check: { text: string; tone: Tone; status: ShownStatus };
  /** `evidence`: what the finding rests on, when the finding itself cannot carry it (the IINs). */
  findings: Array<{ text: string; tone: Tone; severity: string; evidence?: string }>;
  review?: { text: string; tone: Tone; comment: string };
}

export interface GroupView {
  kind: string;
  title: string;
  /** Set when a required document did not arrive. */
  missing?: string;
  files: FileView[];
}

const CHECK_TONE: Record<ShownStatus, Tone> = {
  pass: 'ok',
  fail: 'bad',
  judgement: 'warn',
  unreadable: 'bad',
  none: 'neutral',
  checking: 'neutral',
};

/** The status in words: the data checks' own words, and the file checks' from the record namespace. */
function statusText(t: TFunction, status: ShownStatus): string {
  return status === 'unreadable' || status === 'checking'
    ? t(`record.check.${status}`)
    : t(`documents.check.${status}`);
}

/** Why a file cannot be read, first among its findings. */
function fileFinding(t: TFunction, file: FileState) {
  return file.status === 'unreadable'
    ? [
        {
          text: t(`record.file.${file.problem}`),
          tone: 'bad' as const,
          severity: t('documents.severity.fail'),
        },
      ]
    : [];
}
const SEVERITY_TONE: Record<Severity, Tone> = { fail: 'bad', judgement: 'warn', info: 'info' };

/**
 * The two IINs an IIN finding compares. Findings never carry IINs (their params may be logged), so
 * the screen takes them from the document's data and the case: the document's own, and the pupil's
 * (the applicant's for a certificate of residence).
 */
function iinEvidence(
  t: TFunction,
  code: string,
  data: unknown,
  iins: { pupil: string; applicant: string },
): string | undefined {
  const applicantsOwn = code === 'residence.person-not-applicant';
  if (!applicantsOwn && !code.endsWith('.pupil-iin-mismatch')) return undefined;
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const documentIin = applicantsOwn ? record.personIin : record.pupilIin;
  if (typeof documentIin !== 'string') return undefined;
  return t('ux.case.evidenceIin', {
    document: documentIin.trim(),
    case: applicantsOwn ? iins.applicant : iins.pupil,
  });
}

export function documentGroups(
  t: TFunction,
  items: readonly ChecklistItem[],
  options: {
    timeZone: string;
    userName: (id: string) => string;
    /** The case's IINs, for the evidence of an IIN finding. */
    iins?: { pupil: string; applicant: string };
  },
): GroupView[] {
  return items.map((item) => ({
    kind: item.kind,
    title: `${t(`documentKind.${item.kind}`)}${item.required ? '' : ` (${t('documents.notRequired')})`}`,
    ...(item.required && item.attachments.length === 0 ? { missing: t('documents.missing') } : {}),
    files: item.attachments.map(({ attachment, check, file, shown, review }) => {
      const size = sizeParts(attachment.size);
      return {
        id: attachment.id,
        fileName: attachment.fileName,
        size: `${size.value} ${t(`documents.unit.${size.unit}`)}`,
        check: { text: statusText(t, shown.status), tone: CHECK_TONE[shown.status], status: shown.status },
        findings: [
          ...fileFinding(t, file),
          ...(check?.findings ?? []).map((f) => {
            const evidence = options.iins && iinEvidence(t, f.code, attachment.data, options.iins);
            return {
              text: findingText(t, f),
              tone: SEVERITY_TONE[f.severity],
              severity: t(`documents.severity.${f.severity}`),
              ...(evidence ? { evidence } : {}),
            };
          }),
        ],
        ...(review
          ? {
              review: {
                text: t('documents.reviewed', {
                  verdict: t(`documents.verdict.${review.verdict}`),
                  name: options.userName(review.by),
                  when: formatDateTime(review.at, options.timeZone),
                }),
                tone: review.verdict === 'confirmed' ? ('ok' as const) : ('bad' as const),
                comment: review.comment ?? '',
              },
            }
          : {}),
      };
    }),
  }));
}
