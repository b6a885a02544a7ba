// One JSON file per part of the desk and language, merged key by key: two files may share a section
// (ncalayer.json adds `signing.ncalayer.*` beside the rest of `signing`), but never a key, which the
// merge refuses and a test proves. The parity test proves kk and ru hold the same keys.
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
import kkNcaLayer from './kk/ncalayer.json';
import kkSigning from './kk/signing.json';
import kkSigningSettings from './kk/signingSettings.json';
import kkUx from './kk/ux.json';
import kkHeader from './kk/header.json';
import kkDashboard from './kk/dashboard.json';
import kkNotify from './kk/notify.json';
import kkSync from './kk/sync.json';
import kkUxMore from './kk/ux-more.json';
import kkVerify from './kk/verify.json';
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
import ruNcaLayer from './ru/ncalayer.json';
import ruSigning from './ru/signing.json';
import ruSigningSettings from './ru/signingSettings.json';
import ruUx from './ru/ux.json';
import ruHeader from './ru/header.json';
import ruDashboard from './ru/dashboard.json';
import ruNotify from './ru/notify.json';
import ruSync from './ru/sync.json';
import ruUxMore from './ru/ux-more.json';
import ruVerify from './ru/verify.json';

/** Every file of one language. */
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
    kkNcaLayer,
    kkSigning,
    kkSigningSettings,
    kkUx,
    kkHeader,
    kkDashboard,
    kkNotify,
    kkSync,
    kkUxMore,
    kkVerify,
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
    ruNcaLayer,
    ruSigning,
    ruSigningSettings,
    ruUx,
    ruHeader,
    ruDashboard,
    ruNotify,
    ruSync,
    ruUxMore,
    ruVerify,
  ],
} as const;

export type Resources = { [key: string]: string | Resources };
/** What merging gives, as a type: every file's keys at once (a shared section holds both files'). */
type Merged<T extends readonly object[]> = (
  T[number] extends infer U ? (U extends unknown ? (file: U) => void : never) : never
) extends (file: infer I) => void
  ? I
  : never;

/** The files merged section by section; a key two files both give is an error, never an overwrite. */
export function mergeResources<T extends readonly object[]>(files: T): Merged<T> {
  const out: Resources = {};
  const into = (target: Resources, source: object, path: string): void => {
    for (const [key, value] of Object.entries(source) as [string, unknown][]) {
      const at = path ? `${path}.${key}` : key;
      const existing = target[key];
      if (typeof value === 'object' && value !== null) {
        if (typeof existing === 'string') throw new Error(`translation key given twice: ${at}`);
        const section: Resources = existing ?? {};
        target[key] = section;
        into(section, value, at);
      } else {
        if (existing !== undefined) throw new Error(`translation key given twice: ${at}`);
        target[key] = String(value);
      }
    }
  };
  for (const file of files) into(out, file, '');
  return out as Merged<T>;
}

export const kk = mergeResources(FILES.kk);
export const ru = mergeResources(FILES.ru);
