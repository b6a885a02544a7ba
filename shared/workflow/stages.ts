import type { Stage } from './state';

/** Every stage, in the order a case moves through them (the desk's queues, the API's enum). */
export const STAGES = [
  'registration',
  'completeness',
  'school',
  'review',
  'approval',
  'ready-to-send',
  'closed',
] as const satisfies readonly Stage[];

// Both directions: a stage added to the type must be added to the list.
const _stagesCover: (s: Stage) => (typeof STAGES)[number] = (s) => s;
void _stagesCover;
