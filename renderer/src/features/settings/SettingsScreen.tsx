import { lazy, Suspense, useState } from 'react';
import { canEditSettings } from '../../../../shared/auth';
import { AKIMAT_LEVELS, type Settings } from '../../../../shared/settings';
import { LANGUAGES, setLanguage } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';
import { Alert } from '../../ui/Alert';
import { LazyFormTemplatesSection } from '../forms/lazy';
import { CalendarSection } from './CalendarSection';
import { DemoSection } from './DemoSection';
import { IssuerSection } from './IssuerSection';
import { StorageSection } from './StorageSection';
import { SyncSection } from '../sync/SyncSection';
import { SettingsSections, type SettingsFieldView } from './SettingsForm';
import {
  bytesToMegabytes,
  issuesByPath,
  megabytesToBytes,
  setAt,
  textAt,
  textToInteger,
  toDraft,
  type Draft,
} from './settingsForm';
import { UsersSection } from './UsersSection';

// Parses certificates with the signing code (pkijs): loaded when the settings are first shown.
const SigningSettingsSection = lazy(() =>
  import('./SigningSettingsSection').then((m) => ({ default: m.SigningSettingsSection })),
);

const SIZE = 'maxAttachmentBytes';
const LOCK = 'lockAfterMinutes';

function draftOf(settings: Settings): Draft {
  const draft = toDraft(settings);
  return setAt(draft, SIZE, bytesToMegabytes(settings.maxAttachmentBytes));
}

/**
 * The akimat's settings. Everyone sees them; only an administrator or the head changes them (the
 * desk store refuses a save by anyone else too), and an officer sees every section read-only.
 */
export function SettingsScreen() {
  const { t } = useLanguage();
  const { settings, saveSettings } = useDesk();
  const user = useSession((s) => s.user);
  const editable = canEditSettings(user);
  const [draft, setDraft] = useState<Draft | null>(settings ? draftOf(settings) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string>();

  if (!settings || !draft) return null;
  const change = (path: string, value: string) => {
    setDraft((d) => setAt(d, path, value));
    setStatus(undefined);
  };
  const field = (path: string, extra: Partial<SettingsFieldView> = {}): SettingsFieldView => ({
    path,
    label: t(`settingsScreen.field.${path}`),
    value: textAt(draft, path),
    error: errors[path],
    ...extra,
  });
  const bilingual = (path: string) => [field(`${path}.kk`), field(`${path}.ru`)];

  const sections = [
    {
      id: 'akimat',
      title: t('settingsScreen.section.akimat'),
      fields: [
        field('akimat.level', {
          options: AKIMAT_LEVELS.map((l) => ({ value: l, label: t(`akimatLevel.${l}`) })),
        }),
        ...bilingual('akimat.name'),
        ...bilingual('akimat.address'),
        field('akimat.bin'),
      ],
    },
    {
      id: 'head',
      title: t('settingsScreen.section.head'),
      fields: [...bilingual('head.name'), ...bilingual('head.position')],
    },
    {
      id: 'office',
      title: t('settingsScreen.section.office'),
      fields: ['opens', 'lunchFrom', 'lunchTo', 'closes', 'timeZone'].map((k) => field(`officeHours.${k}`)),
    },
    {
      id: 'desk',
      title: t('settingsScreen.section.desk'),
      fields: [
        field('language', { options: LANGUAGES.map((l) => ({ value: l, label: t(`languageName.${l}`) })) }),
        field(SIZE, { hint: t('settingsScreen.sizeHint') }),
        field(LOCK, { hint: t('auth.lockHint') }),
      ],
    },
  ];

  async function save() {
    if (!draft) return;
    let input = setAt(draft, SIZE, megabytesToBytes(textAt(draft, SIZE)));
    input = setAt(input, LOCK, textToInteger(textAt(draft, LOCK)));
    const result = await saveSettings(input);
    if (!result) return; // a storage failure: the banner says why, the draft is kept
    if (!result.ok) {
      if ('refusal' in result) {
        setErrors({});
        setStatus(t('auth.settingsNotAllowed'));
        return;
      }
      const byPath = issuesByPath(result.issues);
      setErrors(
        Object.fromEntries(Object.entries(byPath).map(([p, code]) => [p, t(`settingsIssue.${code}`)])),
      );
      setStatus(t('settingsScreen.invalid', { count: result.issues.length }));
      return;
    }
    setErrors({});
    setDraft(draftOf(result.settings));
    setStatus(t('settingsScreen.saved'));
    if (result.settings.language !== settings?.language) setLanguage(result.settings.language);
  }

  const failed = Object.keys(errors).length > 0 || status === t('auth.settingsNotAllowed');
  return (
    <div className="settings-screen">
      <h2>{t('settingsScreen.title')}</h2>
      {editable ? null : <Alert tone="info">{t('auth.settingsReadOnly')}</Alert>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {/* A disabled fieldset makes every field inside read-only for an officer. */}
        <fieldset className="settings-fieldset" disabled={!editable}>
          <SettingsSections sections={sections} onChange={change} />
          <IssuerSection
            draft={draft}
            errors={errors}
            onChange={(path, value) => {
              setDraft((d) => setAt(d, path, value));
              setStatus(undefined);
            }}
          />
        </fieldset>
        {status ? <Alert tone={failed ? 'error' : 'success'}>{status}</Alert> : null}
        {editable ? (
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('settingsScreen.save')}
            </button>
          </div>
        ) : null}
      </form>
      <Suspense fallback={null}>
        <SigningSettingsSection />
      </Suspense>
      <UsersSection />
      <CalendarSection readOnly={!editable} />
      <fieldset className="settings-fieldset" disabled={!editable}>
        <LazyFormTemplatesSection />
      </fieldset>
      <StorageSection />
      <SyncSection />
      {editable ? (
        <DemoSection
          onDone={() => {
            const fresh = useDesk.getState().settings;
            if (fresh) setDraft(draftOf(fresh));
          }}
        />
      ) : null}
    </div>
  );
}
