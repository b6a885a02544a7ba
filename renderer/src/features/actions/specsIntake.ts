/** Taking a case, registering it, the completeness decision and the refusals. */
import { DOCUMENT_KINDS, requiredDocuments, type DocumentKind } from '../../../../shared/documents';
import { registrationPayload } from '../../../../shared/workflow';
import { formatDate } from '../../i18n/format';
import { workingDaysLate } from '../case/lateness';
import { documentChecklist, missingFindings, rejectedKinds } from '../documents/documentsModel';
import { Reader, todayText, type ActionContext, type ActionField, type ActionSpec } from './actionTypes';
import { refusalOf } from './dryRun';

const asKinds = (list: string[]) =>
  list.filter((k): k is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(k));

export const assigned: ActionSpec<'assigned'> = {
  type: 'assigned',
  fields(ctx) {
    // An officer takes a free case for themselves: nothing to ask.
    if (ctx.user.role === 'officer' && ctx.state.assignedTo === undefined) return [];
    const others = ctx.users.filter((u) => u.role === 'officer' && u.active && u.id !== ctx.state.assignedTo);
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
    const first = ctx.users.find((u) => u.role === 'officer' && u.active && u.id !== ctx.state.assignedTo);
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

/**
 * Registration is recorded for today, the day it is done: there is no date to type, so a case
 * received on 27.11 and registered on 02.12 can never read as registered on time. The dialog shows
 * the law's registration day and, when today is later, by how many working days the registration is
 * late (the event records both days and the calendar version; the history shows it as late).
 */
export const registered: ActionSpec<'registered'> = {
  type: 'registered',
  fields(ctx): ActionField[] {
    const { registeredOn, dueOn } = registrationPayload(ctx.state, ctx.calendar, ctx.now, '');
    const late = workingDaysLate(dueOn, registeredOn, ctx.calendar);
    return [
      { name: 'registrationNumber', kind: 'text', required: true },
      {
        name: 'registrationDay',
        kind: 'note',
        labelKey: 'record.field.registrationDay',
        note:
          late > 0
            ? {
                key: 'record.registration.late',
                params: { today: formatDate(registeredOn), dueOn: formatDate(dueOn), count: late },
                tone: 'warning',
              }
            : {
                key: 'record.registration.onTime',
                params: { today: formatDate(registeredOn), dueOn: formatDate(dueOn) },
              },
      },
    ];
  },
  initial: (ctx) => ({ registrationNumber: ctx.suggestedRegistrationNumber ?? '' }),
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    const registrationNumber = r.required('registrationNumber');
    // Today, the law's day and the calendar data it came from are computed, never typed.
    return r.done(() => registrationPayload(ctx.state, ctx.calendar, ctx.now, registrationNumber));
  },
};

/**
 * What the completeness dialog can say: the required kinds with no file the package can rest on
 * (and why), and whether "complete" may be offered at all — only when nothing is proposed missing
 * and the reducer would accept it.
 */
function completenessFindings(ctx: ActionContext) {
  const findings = missingFindings(documentChecklist(ctx.state, ctx.today, ctx.files));
  const completeOffered =
    findings.length === 0 && refusalOf(ctx, 'completeness-checked', { complete: true }) === undefined;
  return { findings, completeOffered };
}

export const completeness: ActionSpec<'completeness-checked'> = {
  type: 'completeness-checked',
  fields(ctx, values) {
    const { findings, completeOffered } = completenessFindings(ctx);
    const fields: ActionField[] = [];
    if (findings.length > 0) {
      fields.push({
        name: 'findings',
        kind: 'note',
        labelKey: 'record.field.findings',
        note: {
          key: 'record.completeness.findings',
          tone: 'warning',
          lines: findings.map((f) => ({
            key: `record.completeness.why.${f.why}`,
            params: { kind: { t: `documentKind.${f.kind}` } },
          })),
        },
      });
    }
    fields.push({
      name: 'complete',
      kind: 'radio',
      required: true,
      options: completeOffered ? ['yes', 'no'] : ['no'],
    });
    if (values['complete'] === 'yes' && completeOffered) return fields;
    return [
      ...fields,
      {
        name: 'missing',
        kind: 'checks',
        required: true,
        options: requiredDocuments(ctx.state.application.ground),
        optionPrefix: 'documentKind',
      },
      { name: 'comment', kind: 'textarea' },
    ];
  },
  initial(ctx) {
    const { findings, completeOffered } = completenessFindings(ctx);
    return { complete: completeOffered ? 'yes' : 'no', missing: findings.map((f) => f.kind), comment: '' };
  },
  build(values, ctx) {
    const r = new Reader(values, ctx.today);
    if (r.text('complete') === 'yes') {
      // The findings may have changed since "complete" was chosen (a file check finished).
      if (completenessFindings(ctx).completeOffered) return r.done(() => ({ complete: true as const }));
      r.errors['complete'] = 'not-offered';
      return r.done(() => ({ complete: true as const }));
    }
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
