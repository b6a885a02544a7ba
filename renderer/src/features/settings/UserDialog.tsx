/**
 * One change of a user, in a dialog: a new user (login, profile, role, first secret), a change of
 * profile or role, or a new secret. The directory decides; its refusals and issues are shown here
 * and nothing is closed until it agreed.
 */
import { useState } from 'react';
import type { DeskUser, DirectoryResult } from '../../../../shared/auth';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { useProfileForm } from './useProfileForm';
import { directoryFailure } from './usersModel';

export type UserDialogKind =
  { kind: 'add' } | { kind: 'edit'; user: DeskUser } | { kind: 'secret'; user: DeskUser };

interface Props {
  /** The signed-in manager. */
  by: DeskUser;
  dialog: UserDialogKind;
  onDone: (user: DeskUser) => void;
  onCancel: () => void;
}

function initialOf(dialog: UserDialogKind) {
  if (dialog.kind === 'add') return {};
  const u = dialog.user;
  return {
    id: u.id,
    fullName: u.fullName,
    role: u.role,
    'position.kk': u.position.kk,
    'position.ru': u.position.ru,
  };
}

export function UserDialog({ by, dialog, onDone, onCancel }: Props) {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const form = useProfileForm({
    withLogin: dialog.kind === 'add',
    withRole: dialog.kind !== 'secret',
    withProfile: dialog.kind !== 'secret',
    withSecret: dialog.kind !== 'edit',
    roleLocked: dialog.kind === 'edit' && dialog.user.id === by.id,
    initial: initialOf(dialog),
  });
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function save() {
    if (!desk || busy) return;
    const login = dialog.kind === 'add' ? form.values.id : dialog.user.id;
    const secret = dialog.kind === 'edit' ? undefined : form.secretCheck(login);
    if (secret && !secret.ok) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const input = form.input();
      let result: DirectoryResult<DeskUser>;
      if (dialog.kind === 'add')
        result = await desk.users.create(by.id, input, secret?.ok ? secret.secret : '');
      else if (dialog.kind === 'secret')
        result = await desk.users.setSecret(by.id, dialog.user.id, secret?.ok ? secret.secret : '');
      else
        result = await desk.users.update(by.id, dialog.user.id, {
          fullName: input.fullName,
          role: input.role,
          position: input.position,
        });
      if (result.ok) {
        form.clearSecret();
        onDone(result.value);
        return;
      }
      const shown = directoryFailure(t, result);
      form.showErrors(shown.fields);
      setFailure(shown.text || undefined);
    } catch (error) {
      useDesk.getState().report(error);
    } finally {
      setBusy(false);
    }
  }

  const title =
    dialog.kind === 'add'
      ? t('auth.users.addTitle')
      : t(dialog.kind === 'edit' ? 'auth.users.editTitle' : 'auth.users.secretTitle', {
          name: dialog.user.fullName,
        });
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      onSubmit={() => void save()}
      footer={
        <>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('auth.users.save')}
          </button>
        </>
      }
    >
      {form.element}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
    </Dialog>
  );
}
