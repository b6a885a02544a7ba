import { confirmationNeedsReason, type ReviewCheck } from '../../../../shared/workflow';
import type { ActionField, ActionSpec } from '../actions/actionTypes';
import { Reader } from '../actions/actionTypes';
import { attachmentCheck, type ShownCheck } from './documentsModel';

/** What the review records of the check shown; undefined while the file is still being read. */
function recordedCheck(shown: ShownCheck | undefined): ReviewCheck | undefined {
  if (!shown) return { status: 'none', codes: [] };
  return shown.status === 'checking' ? undefined : { status: shown.status, codes: shown.codes };
}

/**
 * The officer's verdict on one file. A rejection needs its reason in words: it is what the
 * applicant reads in the refusal and what a complaint will be answered against. So does confirming
 * a file whose automated check failed, needs judgement or whose bytes cannot be read (the reducer's
 * own rule, `confirmationNeedsReason`): the record says what the check showed and why the officer
 * accepted the document anyway.
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
      const check = recordedCheck(shown);
      const reasonNeeded = check !== undefined && confirmationNeedsReason(check);
      const fields: ActionField[] = [
        {
          name: 'info',
          kind: 'note',
          note: { key: `documents.reviewNote.${verdict}`, params: { document } },
        },
      ];
      if (verdict === 'confirmed' && shown && (reasonNeeded || check === undefined)) {
        fields.push({
          name: 'checkNote',
          kind: 'note',
          labelKey: 'record.field.checkNote',
          note: { key: `record.review.against.${shown.status}` },
        });
      }
      fields.push({ name: 'comment', kind: 'textarea', required: verdict === 'rejected' || reasonNeeded });
      return fields;
    },
    initial: () => ({ comment: '' }),
    build(values, ctx) {
      const r = new Reader(values, ctx.today);
      const check = recordedCheck(attachmentCheck(ctx.state, ctx.today, ctx.files, attachmentId));
      if (verdict === 'confirmed' && check === undefined) r.errors['comment'] = 'still-checking';
      let comment: string | undefined;
      if (verdict === 'rejected') comment = r.required('comment');
      else {
        comment = r.optional('comment');
        if (!comment && check && confirmationNeedsReason(check)) r.errors['comment'] = 'reason-required';
      }
      // The review records what the desk showed the officer when she decided.
      return r.done(() => ({
        attachmentId,
        verdict,
        check: check ?? { status: 'none', codes: [] },
        ...(comment ? { comment } : {}),
      }));
    },
  };
}
