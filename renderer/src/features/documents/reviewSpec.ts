import { reviewCheckOf } from '../../../../shared/workflow';
import type { ActionSpec } from '../actions/actionTypes';
import { Reader } from '../actions/actionTypes';
import { checkAttachment } from './documentsModel';

/**
 * The officer's verdict on one file. A rejection needs its reason in words: it is what the
 * applicant reads in the refusal and what a complaint will be answered against.
 */
export function reviewSpec(
  attachmentId: string,
  verdict: 'confirmed' | 'rejected',
  document: string,
): ActionSpec<'document-reviewed'> {
  return {
    type: 'document-reviewed',
    fields: () => [
      { name: 'info', kind: 'note', note: { key: `documents.reviewNote.${verdict}`, params: { document } } },
      { name: 'comment', kind: 'textarea', required: verdict === 'rejected' },
    ],
    initial: () => ({ comment: '' }),
    build(values, ctx) {
      const r = new Reader(values, ctx.today);
      const comment = verdict === 'rejected' ? r.required('comment') : r.optional('comment');
      // The review records what the automated check showed the officer when she decided.
      const attachment = ctx.state.application.attachments.find((a) => a.id === attachmentId);
      const check = reviewCheckOf(attachment ? checkAttachment(attachment, ctx.state, ctx.today) : null);
      return r.done(() => ({ attachmentId, verdict, check, ...(comment ? { comment } : {}) }));
    },
  };
}
