// The Kazakh texts the officer sees, read from the desk's own resources so that a reworded label
// changes one file. Tests that check the wording itself (language switch) spell it out instead.
import actions from '../../../renderer/src/i18n/kk/actions.json' with { type: 'json' };
import auth from '../../../renderer/src/i18n/kk/auth.json' with { type: 'json' };
import caseTexts from '../../../renderer/src/i18n/kk/case.json' with { type: 'json' };
import codes from '../../../renderer/src/i18n/kk/codes.json' with { type: 'json' };
import common from '../../../renderer/src/i18n/kk/common.json' with { type: 'json' };
import documents from '../../../renderer/src/i18n/kk/documents.json' with { type: 'json' };
import queue from '../../../renderer/src/i18n/kk/queue.json' with { type: 'json' };
import recovery from '../../../renderer/src/i18n/kk/recovery.json' with { type: 'json' };
import settings from '../../../renderer/src/i18n/kk/settings.json' with { type: 'json' };
import ux from '../../../renderer/src/i18n/kk/ux.json' with { type: 'json' };

export const kk = {
  ...actions,
  ...auth,
  ...caseTexts,
  ...codes,
  ...common,
  ...documents,
  ...queue,
  ...recovery,
  ...settings,
  ...ux,
};
