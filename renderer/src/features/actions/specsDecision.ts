/** The school's part, the order and the head's decision. */
import { approvalDraft } from '../../../../shared/workflow';
import { formatDateTime } from '../../i18n/format';
import { Reader, todayText, type ActionField, type ActionSpec } from './actionTypes';

export const schoolRequest: ActionSpec<'school-request-sent'> = {
  type: 'school-request-sent',
  fields: () => [
    { name: 'outgoingNumber', kind: 'text', required: true },
    { name: 'sentOn', kind: 'date', required: true },
    { name: 'schoolContact', kind: 'text' },
  ],
  initial: (ctx) => ({ outgoingNumber: '', sentOn: todayText(ctx), schoolContact: '' }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const outgoingNumber = r.required('outgoingNumber');
    const sentOn = r.date('sentOn');
    const schoolContact = r.optional('schoolContact');
    return r.done(() => ({ outgoingNumber, sentOn, ...(schoolContact ? { schoolContact } : {}) }));
  },
};

export const schoolAnswer: ActionSpec<'school-answer-recorded'> = {
  type: 'school-answer-recorded',
  fields: () => [
    { name: 'answeredOn', kind: 'date', required: true },
    { name: 'confirmed', kind: 'radio', required: true, options: ['yes', 'no'] },
    { name: 'summary', kind: 'textarea', required: true },
    { name: 'incomingNumber', kind: 'text' },
  ],
  initial: (ctx) => ({ answeredOn: todayText(ctx), confirmed: 'yes', summary: '', incomingNumber: '' }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const answeredOn = r.date('answeredOn');
    const confirmed = r.text('confirmed') === 'yes';
    const summary = r.required('summary');
    const incomingNumber = r.optional('incomingNumber');
    return r.done(() => ({ answeredOn, confirmed, summary, ...(incomingNumber ? { incomingNumber } : {}) }));
  },
};

export const order: ActionSpec<'order-prepared'> = {
  type: 'order-prepared',
  fields: () => [
    { name: 'orderNumber', kind: 'text', required: true },
    { name: 'orderDate', kind: 'date', required: true },
  ],
  initial: (ctx) => ({ orderNumber: '', orderDate: todayText(ctx) }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const orderNumber = r.required('orderNumber');
    const orderDate = r.date('orderDate');
    return r.done(() => ({ orderNumber, orderDate }));
  },
};

/**
 * The head approves what will be signed: the draft of the result in the decision's form
 * (approvalDraft). Without one the dialog says so and offers the form instead of sending.
 */
export const sentForApproval: ActionSpec<'sent-for-approval'> = {
  type: 'sent-for-approval',
  prerequisite(ctx) {
    const draft = approvalDraft(ctx.state, ctx.events);
    return draft && !draft.document ? { produce: draft.form } : undefined;
  },
  fields(ctx) {
    const draft = approvalDraft(ctx.state, ctx.events);
    const info: ActionField = { name: 'info', kind: 'note', note: { key: 'actions.note.sendForApproval' } };
    if (!draft) return [info];
    const form = { t: `forms.name.${draft.form}` };
    const made = draft.document;
    return [
      info,
      made
        ? {
            name: 'draft',
            kind: 'note',
            note: {
              key: 'actions.note.draftReady',
              params: {
                form,
                language: { t: `forms.language.${made.payload.language}` },
                when: formatDateTime(made.at, ctx.state.office),
              },
            },
          }
        : {
            name: 'draft',
            kind: 'note',
            note: { key: 'actions.note.draftMissing', params: { form }, tone: 'warning' },
          },
    ];
  },
  initial: () => ({}),
  build: (values, ctx) => new Reader(values, ctx.today).done(() => ({})),
};

export const approved: ActionSpec<'approved'> = {
  type: 'approved',
  fields: () => [{ name: 'comment', kind: 'textarea' }],
  initial: () => ({ comment: '' }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const comment = r.optional('comment');
    return r.done(() => (comment ? { comment } : {}));
  },
};

export const returned: ActionSpec<'returned'> = {
  type: 'returned',
  fields: () => [{ name: 'comment', kind: 'textarea', required: true }],
  initial: () => ({ comment: '' }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const comment = r.required('comment');
    return r.done(() => ({ comment }));
  },
};
