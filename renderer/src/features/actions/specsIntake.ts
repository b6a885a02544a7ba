/** Taking a case, registering it, the completeness decision and the refusals. */
import { DOCUMENT_KINDS, requiredDocuments, type DocumentKind } from '../../../../shared/documents';
import { registrationPayload } from '../../../../shared/workflow';
import { formatDate } from '../../i18n/format';
import { proposedMissing, rejectedKinds } from '../documents/documentsModel';
import { Reader, todayText, type ActionSpec } from './actionTypes';

const asKinds = (list: string[]) =>
  list.filter((k): k is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(k));

export const assigned: ActionSpec<'assigned'> = {
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

export const registered: ActionSpec<'registered'> = {
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
    // The law's day and the calendar data it came from are computed, never typed.
    return r.done(() => ({
      ...registrationPayload(ctx.state, ctx.calendar, ctx.now, registrationNumber),
      registeredOn,
    }));
  },
};

export const completeness: ActionSpec<'completeness-checked'> = {
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
export const refused: ActionSpec<'refused'> = {
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
