// One JSON file per part of the desk and language; each file holds its own top-level keys, so the
// merge below never overwrites. The parity test proves kk and ru hold the same keys.
import kkCommon from './kk/common.json';
import kkCodes from './kk/codes.json';
import kkQueue from './kk/queue.json';
import kkCase from './kk/case.json';
import kkActions from './kk/actions.json';
import kkDocuments from './kk/documents.json';
import kkSettings from './kk/settings.json';
import kkForms from './kk/forms.json';
import kkIssuer from './kk/issuer.json';
import kkStorage from './kk/storage.json';
import kkRecord from './kk/record.json';
import kkRecovery from './kk/recovery.json';
import kkAuth from './kk/auth.json';
import kkSync from './kk/sync.json';
import ruCommon from './ru/common.json';
import ruCodes from './ru/codes.json';
import ruQueue from './ru/queue.json';
import ruCase from './ru/case.json';
import ruActions from './ru/actions.json';
import ruDocuments from './ru/documents.json';
import ruSettings from './ru/settings.json';
import ruForms from './ru/forms.json';
import ruIssuer from './ru/issuer.json';
import ruStorage from './ru/storage.json';
import ruRecord from './ru/record.json';
import ruRecovery from './ru/recovery.json';
import ruAuth from './ru/auth.json';
import ruSync from './ru/sync.json';

export const kk = {
  ...kkCommon,
  ...kkCodes,
  ...kkQueue,
  ...kkCase,
  ...kkActions,
  ...kkDocuments,
  ...kkSettings,
  ...kkForms,
  ...kkIssuer,
  ...kkStorage,
  ...kkRecord,
  ...kkRecovery,
  ...kkAuth,
  ...kkSync,
};
export const ru = {
  ...ruCommon,
  ...ruCodes,
  ...ruQueue,
  ...ruCase,
  ...ruActions,
  ...ruDocuments,
  ...ruSettings,
  ...ruForms,
  ...ruIssuer,
  ...ruStorage,
  ...ruRecord,
  ...ruRecovery,
  ...ruAuth,
  ...ruSync,
};

/** Every file of one language, for the test that no two files claim the same top-level key. */
export const FILES = {
  kk: [
    kkCommon,
    kkCodes,
    kkQueue,
    kkCase,
    kkActions,
    kkDocuments,
    kkSettings,
    kkForms,
    kkIssuer,
    kkStorage,
    kkRecord,
    kkRecovery,
    kkAuth,
  ],
  ru: [
    ruCommon,
    ruCodes,
    ruQueue,
    ruCase,
    ruActions,
    ruDocuments,
    ruSettings,
    ruForms,
    ruIssuer,
    ruStorage,
    ruRecord,
    ruRecovery,
    ruAuth,
  ],
} as const;
