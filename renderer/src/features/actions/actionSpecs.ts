/**
 * One spec per action the desk offers: which fields its dialog asks for, what they start with, and
 * how the answers become the event's payload. Pure, so every rule here is unit-tested.
 */
import { DOCUMENT_KINDS, requiredDocuments, type DocumentKind } from '../../../../shared/documents';
import { mayAnswerComplaint } from '../../../../shared/workflow/guards';
import { formatDate } from '../../i18n/format';
import type { ActionType } from '../../stores/eventFactory';
import { proposedMissing, rejectedKinds } from '../documents/documentsModel';
import { Reader, type ActionContext, type ActionSpec } from './actionTypes';

const todayText = (ctx: ActionContext) => formatDate(ctx.today);
const asKinds = (list: string[]) =>
  list.filter((k): k is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(k));

const assigned: ActionSpec<'assigned'> = {
  type: 'assigned',
  fields(ctx) {
    // An officer takes a free case for themselves: nothing to ask.
    if (ctx.user.role === 'officer' && ctx.state.assignedTo === undefined) return [];
    const others = ctx.users.filter((u) => u.role === 'officer' && u.id !== ctx.state.assignedTo);
    return [
      {
        name: 'officerId',
        kind: 'select',
        required: true,
        options: others.map((u) => u.id),
        labels: Object.fromEntries(others.map((u) => [u.id, u.fullName])),
      },
    ];
  },
  initial(ctx) {
    const first = ctx.users.find((u) => u.role === 'officer' && u.id !== ctx.state.assignedTo);
    return { officerId: first?.id ?? '' };
  },
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    if (ctx.user.role === 'officer' && ctx.state.assignedTo === undefined)
      return r.done(() => ({ officerId: ctx.user.id }));
    const officerId = r.required('officerId');
    return r.done(() => ({ officerId }));
  },
};

const registered: ActionSpec<'registered'> = {
  type: 'registered',
  fields: () => [
    { name: 'registrationNumber', kind: 'text', required: true },
    { name: 'registeredOn', kind: 'date', required: true },
  ],
  initial(ctx) {
    // The rules' registration day (next working day after hours), unless that is still ahead.
    const due = ctx.calendar.registrationDay(ctx.state.application.receivedAt);
    return { registrationNumber: '', registeredOn: formatDate(due <= ctx.today ? due : ctx.today) };
  },
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const registrationNumber = r.required('registrationNumber');
    const registeredOn = r.date('registeredOn');
    return r.done(() => ({ registrationNumber, registeredOn }));
  },
};

const completeness: ActionSpec<'completeness-checked'> = {
  type: 'completeness-checked',
  fields(ctx, values) {
    const fields = [{ name: 'complete', kind: 'radio' as const, required: true, options: ['yes', 'no'] }];
    if (values['complete'] !== 'no') return fields;
    return [
      ...fields,
      {
        name: 'missing',
        kind: 'checks' as const,
        required: true,
        options: requiredDocuments(ctx.state.application.ground),
        optionPrefix: 'documentKind',
      },
      { name: 'comment', kind: 'textarea' as const },
    ];
  },
  initial(ctx) {
    const missing = proposedMissing(ctx.state);
    return { complete: missing.length === 0 ? 'yes' : 'no', missing, comment: '' };
  },
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    if (r.text('complete') === 'yes') return r.done(() => ({ complete: true as const }));
    const missing = asKinds(r.list('missing', true));
    const comment = r.optional('comment');
    return r.done(() => ({ complete: false as const, missing, ...(comment ? { comment } : {}) }));
  },
};

/** Ground 1 at the completeness stage (documents missing), ground 2 in review (false or invalid). */
const refused: ActionSpec<'refused'> = {
  type: 'refused',
  fields(ctx) {
    const groundOne = ctx.state.stage === 'completeness';
    const submitted = [...new Set(ctx.state.application.attachments.map((a) => a.kind))];
    return [
      groundOne
        ? { name: 'documents', kind: 'note', note: { key: 'actions.note.groundOne' } }
        : {
            name: 'documents',
            kind: 'checks',
            required: true,
            options: submitted,
            optionPrefix: 'documentKind',
          },
      { name: 'reasons', kind: 'textarea', required: true },
      { name: 'decisionNumber', kind: 'text', required: true },
      { name: 'decisionDate', kind: 'date', required: true },
    ];
  },
  initial(ctx) {
    const groundOne = ctx.state.stage === 'completeness';
    return {
      documents: groundOne ? ctx.state.missingDocuments : rejectedKinds(ctx.state),
      reasons: '',
      decisionNumber: '',
      decisionDate: todayText(ctx),
    };
  },
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const ground = ctx.state.stage === 'completeness' ? 1 : 2;
    // Ground 1 lists exactly the documents the completeness check found missing (the reducer insists).
    const documents = ground === 1 ? [...ctx.state.missingDocuments] : asKinds(r.list('documents', true));
    const reasons = r.required('reasons');
    const decisionNumber = r.required('decisionNumber');
    const decisionDate = r.date('decisionDate');
    return r.done(() => ({ ground, documents, reasons, decisionNumber, decisionDate }));
  },
};

const schoolRequest: ActionSpec<'school-request-sent'> = {
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

const schoolAnswer: ActionSpec<'school-answer-recorded'> = {
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

const order: ActionSpec<'order-prepared'> = {
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

const sentForApproval: ActionSpec<'sent-for-approval'> = {
  type: 'sent-for-approval',
  fields: () => [{ name: 'info', kind: 'note', note: { key: 'actions.note.sendForApproval' } }],
  initial: () => ({}),
  build: (values, ctx) => new Reader(values, ctx.today).done(() => ({})),
};

const approved: ActionSpec<'approved'> = {
  type: 'approved',
  fields: () => [{ name: 'comment', kind: 'textarea' }],
  initial: () => ({ comment: '' }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const comment = r.optional('comment');
    return r.done(() => (comment ? { comment } : {}));
  },
};

const returned: ActionSpec<'returned'> = {
  type: 'returned',
  fields: () => [{ name: 'comment', kind: 'textarea', required: true }],
  initial: () => ({ comment: '' }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const comment = r.required('comment');
    return r.done(() => ({ comment }));
  },
};

/**
 * Signing inside the desk comes with the signing feature. Until then the officer signs the result
 * in NCALayer or eGov as today, and records here the signed file and the certificate it was signed
 * with; the event is the same 'signed' the signing feature will make.
 */
const signed: ActionSpec<'signed'> = {
  type: 'signed',
  fields: () => [
    { name: 'info', kind: 'note', note: { key: 'actions.note.externalSignature' } },
    { name: 'signedFile', kind: 'file', required: true },
    { name: 'certificateSerial', kind: 'text', required: true },
    { name: 'signerName', kind: 'text', required: true },
  ],
  initial: (ctx) => ({ signedFile: '', certificateSerial: '', signerName: ctx.user.fullName }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const documentSha256 = r.required('signedFile');
    const certificateSerial = r.required('certificateSerial');
    const signerName = r.required('signerName');
    return r.done(() => ({ documentSha256, certificateSerial, signerName }));
  },
};

const delivered: ActionSpec<'result-delivered'> = {
  type: 'result-delivered',
  fields: () => [
    {
      name: 'channel',
      kind: 'radio',
      required: true,
      options: ['portal', 'paper'],
      optionPrefix: 'actions.channel',
    },
  ],
  initial: () => ({ channel: 'portal' }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const channel = r.text('channel') === 'paper' ? ('paper' as const) : ('portal' as const);
    return r.done(() => ({ deliveredAt: ctx.now, channel }));
  },
};

const complaintRegistered: ActionSpec<'complaint-registered'> = {
  type: 'complaint-registered',
  fields: () => [
    {
      name: 'addressee',
      kind: 'radio',
      required: true,
      options: ['provider', 'quality-authority'],
      optionPrefix: 'actions.addressee',
    },
    { name: 'registeredOn', kind: 'date', required: true },
    { name: 'summary', kind: 'textarea', required: true },
  ],
  initial: (ctx) => ({ addressee: 'provider', registeredOn: todayText(ctx), summary: '' }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const addressee =
      r.text('addressee') === 'quality-authority' ? ('quality-authority' as const) : ('provider' as const);
    const registeredOn = r.date('registeredOn');
    const summary = r.required('summary');
    // Complaints are never removed, so the next ordinal is unique within the case.
    const complaintId = `C${ctx.state.complaints.length + 1}`;
    return r.done(() => ({ complaintId, addressee, registeredOn, summary }));
  },
};

const complaintAnswered: ActionSpec<'complaint-answered'> = {
  type: 'complaint-answered',
  fields(ctx) {
    const open = ctx.state.complaints.filter(
      (c) => !c.answer && mayAnswerComplaint({ userId: ctx.user.id, role: ctx.user.role }, c.addressee),
    );
    return [
      {
        name: 'complaintId',
        kind: 'select',
        required: true,
        options: open.map((c) => c.complaintId),
        labels: Object.fromEntries(
          open.map((c) => [c.complaintId, `${formatDate(c.registeredOn)} — ${c.summary.slice(0, 80)}`]),
        ),
      },
      { name: 'answeredOn', kind: 'date', required: true },
      {
        name: 'outcome',
        kind: 'radio',
        required: true,
        options: ['upheld', 'partly', 'rejected'],
        optionPrefix: 'actions.outcome',
      },
      { name: 'summary', kind: 'textarea', required: true },
    ];
  },
  initial(ctx) {
    const first = ctx.state.complaints.find(
      (c) => !c.answer && mayAnswerComplaint({ userId: ctx.user.id, role: ctx.user.role }, c.addressee),
    );
    return {
      complaintId: first?.complaintId ?? '',
      answeredOn: todayText(ctx),
      outcome: 'rejected',
      summary: '',
    };
  },
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const complaintId = r.required('complaintId');
    const answeredOn = r.date('answeredOn');
    const outcomeText = r.text('outcome');
    const outcome =
      outcomeText === 'upheld' || outcomeText === 'partly' ? outcomeText : ('rejected' as const);
    const summary = r.required('summary');
    return r.done(() => ({ complaintId, answeredOn, outcome, summary }));
  },
};

/** The actions the desk offers, in process order ('document-reviewed' lives in the documents panel). */
export const ACTION_SPECS = {
  assigned,
  registered,
  'completeness-checked': completeness,
  refused,
  'school-request-sent': schoolRequest,
  'school-answer-recorded': schoolAnswer,
  'order-prepared': order,
  'sent-for-approval': sentForApproval,
  approved,
  returned,
  signed,
  'result-delivered': delivered,
  'complaint-registered': complaintRegistered,
  'complaint-answered': complaintAnswered,
} satisfies Partial<{ [T in ActionType]: ActionSpec<T> }>;

export type OfferedAction = keyof typeof ACTION_SPECS;

export function isOffered(type: string): type is OfferedAction {
  return Object.hasOwn(ACTION_SPECS, type);
}
