import {
  ACT_TYPES,
  AKIMAT_LEVELS,
  ISSUER_KINDS,
  defaultActType,
  defaultSignatoryTitle,
  type AkimatLevel,
  type IssuerKind,
} from '../../../../shared/settings';
import { useLanguage } from '../../i18n/useLanguage';
import { Alert } from '../../ui/Alert';
import { SettingsSections, type SettingsFieldView } from './SettingsForm';
import { getAt, textAt, type Draft } from './settingsForm';

const K = 'issuerSection';

function oneOf<T extends string>(list: readonly T[], value: string, fallback: T): T {
  return (list as readonly string[]).includes(value) ? (value as T) : fallback;
}

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  onChange: (path: string, value: unknown) => void;
}

/**
 * Settings → the body that issues the documents: its kind, names, BIN, address and contacts, the act
 * it adopts and who signs. The act and the signatory's title are derived from the kind and the
 * akimat's level; the akimat corrects them here (an emptied field means "as derived").
 */
export function IssuerSection({ draft, errors, onChange }: Props) {
  const { t } = useLanguage();
  const kind: IssuerKind = oneOf(ISSUER_KINDS, textAt(draft, 'issuer.kind'), 'education-department');
  const level: AkimatLevel = oneOf(AKIMAT_LEVELS, textAt(draft, 'akimat.level'), 'district');
  const derivedTitle = defaultSignatoryTitle(kind, level);
  const derivedAct = defaultActType(kind);
  const act = textAt(draft, 'issuer.actType') || derivedAct;

  const field = (path: string, extra: Partial<SettingsFieldView> = {}): SettingsFieldView => ({
    path,
    label: t(`${K}.field.${path}`),
    value: textAt(draft, path),
    error: errors[path],
    ...extra,
  });
  const bilingual = (path: string) => [field(`${path}.kk`), field(`${path}.ru`)];
  const fields: SettingsFieldView[] = [
    field('issuer.kind', { options: ISSUER_KINDS.map((k) => ({ value: k, label: t(`issuerKind.${k}`) })) }),
    ...bilingual('issuer.name'),
    ...bilingual('issuer.address'),
    field('issuer.bin'),
    field('issuer.phone'),
    field('issuer.email'),
    field('issuer.actType', {
      options: [
        { value: '', label: t(`${K}.byKind`, { value: t(`actType.${derivedAct}`) }) },
        ...ACT_TYPES.map((a) => ({ value: a, label: t(`actType.${a}`) })),
      ],
    }),
    ...bilingual('issuer.signatory.name'),
    field('issuer.signatory.title.kk', { hint: t(`${K}.derivedHint`, { value: derivedTitle.kk }) }),
    field('issuer.signatory.title.ru', { hint: t(`${K}.derivedHint`, { value: derivedTitle.ru }) }),
  ];

  const change = (path: string, value: string) => {
    // A title is set in both languages or in neither: start the pair when the first one is typed.
    if (path.startsWith('issuer.signatory.title.') && getAt(draft, 'issuer.signatory.title') === undefined) {
      onChange('issuer.signatory.title', { kk: '', ru: '', [path.slice(-2)]: value });
      return;
    }
    onChange(path, value);
  };

  const contactsMissing =
    textAt(draft, 'issuer.phone').trim() === '' || textAt(draft, 'issuer.email').trim() === '';
  return (
    <>
      <SettingsSections sections={[{ id: 'issuer', title: t(`${K}.title`), fields }]} onChange={change} />
      <div className="settings-notes" data-testid="issuer-notes">
        <p className="muted">{t(`${K}.note`)}</p>
        {contactsMissing ? <Alert tone="warning">{t(`${K}.contactsMissing`)}</Alert> : null}
        {act !== 'order' ? <Alert tone="warning">{t(`${K}.actNotOrder`)}</Alert> : null}
      </div>
    </>
  );
}
