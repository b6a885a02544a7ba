/**
 * Folds the released fixtures and a fixed sample of random legal walks, and prints the states as
 * JSON with the host's zone. Run by host-zones.test.ts in child processes under different TZ
 * values: the states must be the same, whatever the host's zone.
 */
import fc from 'fast-check';
import { V1_FIXTURES } from '../../../shared/workflow/fixtures/v1';
import { foldEvents } from '../../../shared/workflow/reducer';
import { walk } from '../../../shared/workflow/testing/walk';
import { walkPlan } from './walk-plan';

const [seed = '1', runs = '100'] = process.argv.slice(2);
const walks = fc.sample(walkPlan, { seed: Number(seed), numRuns: Number(runs) }).map((plan) => walk(plan));
const folds = [
  ...Object.values(V1_FIXTURES).map((f) => foldEvents(f.events)),
  ...walks.map((w) => foldEvents(w.events)),
];
process.stdout.write(
  JSON.stringify({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsetAtEpoch: new Date(0).getTimezoneOffset(),
    folds,
  }),
);
