/**
 * The form of one user (the first administrator, a new user, a change, a new secret): its values,
 * the secret checked against the policy before anything is sent, and the errors the directory
 * returned, shown beside their fields.
 */
import { useState } from 'react';
import { secretIssue, USER_ROLES, type UserRole } from '../../../../shared/auth';
import { useLanguage } from '../../i18n/useLanguage';
import { SelectField, TextField } from '../../ui/fields';
import type { UserField } from './usersModel';

export interface ProfileValues {
  id: string;
  fullName: string;
  role: UserRole;
  'position.kk': string;
  'position.ru': string;
  secret: string;
  repeat: string;
}

export interface ProfileFormOptions {
  withLogin: boolean;
  withRole: boolean;
  withProfile?: boolean;
  withSecret: boolean;
  /** A manager may not change their own role: the field is shown, not editable. */
  roleLocked?: boolean;
  initial?: Partial<ProfileValues>;
}

/** Tells password managers this is a secret being chosen, not one being typed to sign in. */
const NEW_SECRET = { type: 'password', autoComplete: 'new-password' } as const;

const EMPTY: ProfileValues = {
  id: '',
  fullName: '',
  role: 'officer',
  'position.kk': '',
  'position.ru': '',
  secret: '',
  repeat: '',
};

export function useProfileForm(options: ProfileFormOptions) {
  const { t } = useLanguage();
  const [values, setValues] = useState<ProfileValues>({ ...EMPTY, ...options.initial });
  const [errors, setErrors] = useState<Partial<Record<UserField, string>>>({});
  const withProfile = options.withProfile ?? true;

  const set = (name: keyof ProfileValues, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors(({ [name]: _cleared, ...rest }) => rest);
  };

  const names: UserField[] = [
    ...(options.withLogin ? (['id'] as const) : []),
    ...(withProfile ? (['fullName'] as const) : []),
    ...(options.withRole ? (['role'] as const) : []),
    ...(withProfile ? (['position.kk', 'position.ru'] as const) : []),
    ...(options.withSecret ? (['secret', 'repeat'] as const) : []),
  ];

  const label = (name: UserField) =>
    t(`auth.field.${name === 'position.kk' ? 'positionKk' : name === 'position.ru' ? 'positionRu' : name}`);

  const element = (
    <>
      {names.map((name) =>
        name === 'role' ? (
          <SelectField
            key={name}
            label={label(name)}
            value={values.role}
            disabled={options.roleLocked}
            hint={options.roleLocked ? t('auth.users.ownRole') : undefined}
            options={USER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            error={errors.role}
            onChange={(v) => set('role', v)}
          />
        ) : (
          <TextField
            key={name}
            label={label(name)}
            value={values[name]}
            error={errors[name]}
            hint={name === 'secret' ? t('auth.secretHint') : name === 'id' ? t('auth.loginHint') : undefined}
            onChange={(v) => set(name, v)}
            {...(name === 'secret' || name === 'repeat' ? NEW_SECRET : {})}
          />
        ),
      )}
    </>
  );

  return {
    values,
    element,
    /** The profile as the directory takes it. */
    input: () => ({
      id: values.id,
      fullName: values.fullName,
      role: values.role,
      position: { kk: values['position.kk'], ru: values['position.ru'] },
    }),
    /** The secret if it meets the policy and was typed the same twice; else the field says why. */
    secretCheck(login = values.id): { ok: true; secret: string } | { ok: false } {
      const issue = secretIssue(values.secret, { login, repeat: values.repeat });
      if (!issue) return { ok: true, secret: values.secret };
      setErrors((e) => ({
        ...e,
        [issue === 'secret.mismatch' ? 'repeat' : 'secret']: t(`auth.secretIssue.${issue}`),
      }));
      return { ok: false };
    },
    showErrors: (fields: Partial<Record<UserField, string>>) => setErrors(fields),
    clearSecret: () => setValues((v) => ({ ...v, secret: '', repeat: '' })),
  };
}
