import type { ActionField, ActionSpec } from '../actions/actionTypes';
import { Reader } from '../actions/actionTypes';
import { attachmentCheck, type ShownStatus } from './documentsModel';

/** Checks a confirmation must answer in words: the desk found a problem, or could not decide. */
const NEEDS_REASON: ReadonlySet<ShownStatus> = new Set(['fail', 'judgement', 'unreadable']);

/**
 * The officer's verdict on one file. A rejection needs its reason in words: it is what the
 * applicant reads in the refusal and what a complaint will be answered against. So does confirming
 * a file whose automated check failed, needs judgement or whose bytes cannot be read: the record
 * says what the check showed and why the officer accepted the document anyway.
 */
export function reviewSpec(
  attachmentId: string,
  verdict: 'confirmed' | 'rejected',
  document: string,
): ActionSpec<'document-reviewed'> {
  return {
    type: 'document-reviewed',
    fields(ctx) {
      const shown = attachmentCheck(ctx.state, ctx.today, ctx.files, attachmentId);
      const fields: ActionField[] = [
        {
          name: 'info',
          kind: 'note',
          note: { key: `documents.reviewNote.${verdict}`, params: { document } },
        },
      ];
      if (
        verdict === 'confirmed' &&
        shown &&
        (NEEDS_REASON.has(shown.status) || shown.status === 'checking')
      ) {
        fields.push({
          name: 'checkNote',
          kind: 'note',
          labelKey: 'record.field.checkNote',
          note: { key: `record.review.against.${shown.status}` },
        });
      }
      const reasonNeeded = verdict === 'rejected' || (shown !== undefined && NEEDS_REASON.has(shown.status));
      fields.push({ name: 'comment', kind: 'textarea', required: reasonNeeded });
      return fields;
    },
    initial: () => ({ comment: '' }),
    build(values, ctx) {
      const r = new Reader(values, ctx.today);
      const shown = attachmentCheck(ctx.state, ctx.today, ctx.files, attachmentId);
      if (verdict === 'confirmed' && shown?.status === 'checking') r.errors['comment'] = 'still-checking';
      let comment: string | undefined;
      if (verdict === 'rejected') comment = r.required('comment');
      else {
        comment = r.optional('comment');
        if (!comment && shown && NEEDS_REASON.has(shown.status)) r.errors['comment'] = 'reason-required';
      }
      // The review records what the desk showed the officer when she decided (a file still being read
      // was refused above, so the status is one the event knows).
      const check = {
        status: shown?.status === 'checking' ? 'none' : (shown?.status ?? 'none'),
        codes: shown?.codes ?? [],
      };
      return r.done(() => ({ attachmentId, verdict, check, ...(comment ? { comment } : {}) }));
    },
  };
}
