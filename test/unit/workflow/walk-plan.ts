/** fast-check's arbitrary of walk plans (shared/workflow/testing/walk.ts follows a plan). */
import fc from 'fast-check';
import { WALK_BOUNDS, type WalkPlan } from '../../../shared/workflow/testing/walk';

export const walkPlan: fc.Arbitrary<WalkPlan> = fc.record({
  receivedAtMs: fc.integer({ min: WALK_BOUNDS.receivedFrom, max: WALK_BOUNDS.receivedTo }),
  office: fc.nat({ max: WALK_BOUNDS.offices - 1 }),
  steps: fc.array(
    fc.record({
      pick: fc.nat(),
      minutes: fc.oneof(
        fc.integer({ min: 0, max: WALK_BOUNDS.maxMinutesForward }),
        fc.integer({ min: -WALK_BOUNDS.maxMinutesBack, max: 0 }),
      ),
      coin: fc.nat(),
    }),
    { minLength: 1, maxLength: WALK_BOUNDS.maxSteps },
  ),
});
