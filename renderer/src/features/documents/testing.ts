/** Demo cases picked by what their documents' checks say (imported by *.test.ts only). */
import type { CaseState } from '../../../../shared/workflow';
import type { DemoCase } from '../../demo';
import { demoCase, readableFiles, TODAY } from '../../stores/fixtures';
import { documentChecklist, type FileStates } from './documentsModel';

/** A case at `target` whose every supporting document (all files read) shows `status`. */
export function caseWithDocuments(
  target: DemoCase['plan']['target'],
  status: 'pass' | 'fail' | 'judgement',
): CaseState {
  return demoCase(target, (c) =>
    documentChecklist(c.state, TODAY, readableFiles(c.state)).every((item) =>
      item.attachments.every((a) => a.attachment.kind === 'application' || a.shown.status === status),
    ),
  ).state;
}

export const supportingDocument = (state: CaseState) =>
  state.application.attachments.find((a) => a.kind !== 'application')!;

/** Every file read, except the one given. */
export function withFile(state: CaseState, sha256: string, file: FileStates[string]): FileStates {
  return { ...readableFiles(state), [sha256.toLowerCase()]: file };
}
