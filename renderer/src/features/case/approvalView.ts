/**
 * What the head is asked to approve, in words: the proposed decision, who checked what, and who
 * prepared and sent it. Pure (the case, its events and names in; lines out), so it is unit-tested.
 */
import type { TFunction } from 'i18next';
import { approvalDraft, type CaseEvent, type CaseState } from '../../../../shared/workflow';
import { formatDate, formatDateTime } from '../../i18n/format';

export interface ApprovalView {
  decision: string;
  details: string[];
  /**
   * The draft of what will be signed (approvalDraft): the event of the produced document, opened in
   * the viewer, or — for a case sent before the desk asked for one — the words saying it is missing.
   */
  draft: { eventId: string; text: string } | { missing: string };
  /** Who did what on the way to this decision, oldest first. */
  trail: string[];
}

const TRAIL_EVENTS = new Set([
  'registered',
  'completeness-checked',
  'document-reviewed',
  'order-prepared',
  'refused',
  'sent-for-approval',
]);

export function approvalView(
  t: TFunction,
  state: CaseState,
  events: readonly CaseEvent[],
  userName: (id: string) => string,
): ApprovalView | undefined {
  const d = state.decision;
  if (!d) return undefined;
  const zone = state.office;
  const attachments = new Map(state.application.attachments.map((a) => [a.id, a]));
  const decision =
    d.kind === 'grant'
      ? t('ux.approval.grant', { number: d.orderNumber, date: formatDate(d.orderDate) })
      : t('ux.approval.refusal', {
          ground: d.ground,
          number: d.decisionNumber,
          date: formatDate(d.decisionDate),
        });
  const details =
    d.kind === 'refusal'
      ? [
          t('ux.approval.reasons', { text: d.reasons }),
          ...(d.documents.length > 0
            ? [
                t('ux.approval.documents', {
                  list: d.documents.map((k) => t(`documentKind.${k}`)).join(', '),
                }),
              ]
            : []),
        ]
      : [];
  const trail = events
    .filter((e) => TRAIL_EVENTS.has(e.type))
    .map((e) => {
      const who = userName(e.actor.userId);
      const when = formatDateTime(e.at, zone);
      let what = t(`eventType.${e.type}`);
      if (e.type === 'document-reviewed') {
        const file = attachments.get(e.payload.attachmentId);
        const kind = file ? t(`documentKind.${file.kind}`) : '';
        what = `${what}: ${kind} — ${t(`documents.verdict.${e.payload.verdict}`)}`;
      }
      return t('ux.approval.line', { when, who, what });
    });
  const found = approvalDraft(state, events);
  const form = t(`forms.name.${found?.form ?? ''}`);
  const made = found?.document;
  const draft = made
    ? {
        eventId: made.id,
        text: t('ux.approval.draft', {
          form,
          language: t(`forms.language.${made.payload.language}`),
          when: formatDateTime(made.at, zone),
        }),
      }
    : { missing: t('ux.approval.noDraft', { form }) };
  return { decision, details, draft, trail };
}
