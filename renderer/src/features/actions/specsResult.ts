/** The delivery of the result, and complaints (the signature record: specsSignature.ts). */
import { mayAnswerComplaint } from '../../../../shared/workflow';
import { formatDate } from '../../i18n/format';
import { Reader, todayText, type ActionSpec } from './actionTypes';

export const delivered: ActionSpec<'result-delivered'> = {
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

export const complaintRegistered: ActionSpec<'complaint-registered'> = {
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

export const complaintAnswered: ActionSpec<'complaint-answered'> = {
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
