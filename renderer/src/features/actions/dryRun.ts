import { applyEvent, type EventPayloads, type RejectionReason } from '../../../../shared/workflow';
import { makeEvent, type ActionType } from '../../stores/eventFactory';
import type { ActionContext } from './actionTypes';

/**
 * Why the reducer would refuse this event on the case as it is now, undefined if it would accept it.
 * A dialog offers a choice only when this says yes, so what it offers and what is recorded can never
 * disagree (the same reducer decides both).
 */
/** The dry run's event is never stored; any well-formed id will do. */
const DRY_RUN_ID = '00000000-0000-4000-8000-000000000000';

export function refusalOf<T extends ActionType>(
  ctx: ActionContext,
  type: T,
  payload: EventPayloads[T],
): RejectionReason | undefined {
  const event = makeEvent(
    ctx.state,
    type,
    payload,
    { userId: ctx.user.id, role: ctx.user.role },
    new Date(ctx.now),
    DRY_RUN_ID,
  );
  const result = applyEvent(ctx.state, event);
  return result.ok ? undefined : result.reason;
}
