import { useState } from 'react';
import { AKIMAT_LEVELS, type Settings } from '../../../../shared/settings';
import { LANGUAGES, setLanguage } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { useQueue } from '../../stores/queueStore';
import { useSession } from '../../stores/sessionStore';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { LazyFormTemplatesSection } from '../forms/lazy';
import { CalendarSection } from './CalendarSection';
import { StorageSection } from './StorageSection';
import { SettingsSections, UsersEditor, type SettingsFieldView } from './SettingsForm';
import {
  bytesToMegabytes,
  getAt,
  issuesByPath,
  megabytesToBytes,
  setAt,
  textAt,
  toDraft,
  type Draft,
} from './settingsForm';

const SIZE = 'maxAttachmentBytes';

function draftOf(settings: Settings): Draft {
  const draft = toDraft(settings);
  return setAt(draft, SIZE, bytesToMegabytes(settings.maxAttachmentBytes));
}

export function SettingsScreen() {
  const { t } = useLanguage();
  const { settings, saveSettings, resetDemo } = useDesk();
  const [draft, setDraft] = useState<Draft | null>(settings ? draftOf(settings) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string>();
  const [confirmReset, setConfirmReset] = useState(false);

  if (!settings || !draft) return null;
  const change = (path: string, value: string) => {
    setDraft((d) => setAt(d, path, value));
    setStatus(undefined);
  };
  const field = (path: string, extra: Partial<SettingsFieldView> = {}): SettingsFieldView => ({
    path,
    label: t(`settingsScreen.field.${path.replace(/^users\.\d+\./, 'user.')}`),
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
      ],
    },
  ];
  const users = (getAt(draft, 'users') as unknown[] | undefined) ?? [];
  const userViews = users.map((_, i) => ({
    index: i,
    title: textAt(draft, `users.${i}.fullName`) || t('settingsScreen.newUser'),
    fields: [
      field(`users.${i}.id`),
      field(`users.${i}.fullName`),
      field(`users.${i}.role`, {
        options: (['officer', 'head'] as const).map((r) => ({ value: r, label: t(`role.${r}`) })),
      }),
      field(`users.${i}.position.kk`),
      field(`users.${i}.position.ru`),
    ],
  }));

  async function save() {
    if (!draft) return;
    const input = setAt(draft, SIZE, megabytesToBytes(textAt(draft, SIZE)));
    const result = await saveSettings(input);
    if (!result) return; // a storage failure: the banner says why, the draft is kept
    if (!result.ok) {
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
    useSession.getState().restore(result.settings.users);
  }

  const listError = errors['users'];
  return (
    <div className="settings-screen">
      <h2>{t('settingsScreen.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <SettingsSections sections={sections} onChange={change} />
        <UsersEditor
          title={t('settingsScreen.section.users')}
          users={userViews}
          error={listError}
          addLabel={t('settingsScreen.addUser')}
          removeLabel={t('settingsScreen.removeUser')}
          onChange={change}
          onAdd={() =>
            setDraft((d) =>
              setAt(d, `users.${users.length}`, {
                id: '',
                fullName: '',
                role: 'officer',
                position: { kk: '', ru: '' },
              }),
            )
          }
          onRemove={(i) =>
            setDraft((d) =>
              setAt(
                d,
                'users',
                users.filter((_, j) => j !== i),
              ),
            )
          }
        />
        {status ? <Alert tone={Object.keys(errors).length ? 'error' : 'success'}>{status}</Alert> : null}
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('settingsScreen.save')}
          </button>
        </div>
      </form>
      <CalendarSection />
      <LazyFormTemplatesSection />
      <StorageSection />
      <section className="panel" aria-labelledby="demo-title">
        <h3 id="demo-title">{t('settingsScreen.demo.title')}</h3>
        <p className="muted">{t('settingsScreen.demo.note')}</p>
        <button type="button" onClick={() => setConfirmReset(true)}>
          {t('settingsScreen.demo.reset')}
        </button>
      </section>
      {confirmReset ? (
        <Dialog
          title={t('settingsScreen.demo.confirmTitle')}
          onClose={() => setConfirmReset(false)}
          onSubmit={() => {
            setConfirmReset(false);
            void resetDemo().then((ok) => {
              if (!ok) return;
              const fresh = useDesk.getState().settings;
              if (fresh) setDraft(draftOf(fresh));
              setStatus(t('settingsScreen.demo.done'));
              void useQueue.getState().load();
            });
          }}
          footer={
            <>
              <button type="button" onClick={() => setConfirmReset(false)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="primary">
                {t('settingsScreen.demo.reset')}
              </button>
            </>
          }
        >
          <p>{t('settingsScreen.demo.confirm')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
