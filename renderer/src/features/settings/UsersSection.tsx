/**
 * Settings → the desk's users. An administrator or the head adds people, gives them their role and
 * their first password or PIN, changes them and deactivates them; nobody gives themselves a role.
 * An officer sees the list only.
 */
import { useState } from 'react';
import { canManageUsers, type DeskUser } from '../../../../shared/auth';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';
import { Alert } from '../../ui/Alert';
import { UserDialog, type UserDialogKind } from './UserDialog';
import { directoryFailure, hasActiveHead, userStatus } from './usersModel';

type Message = { tone: 'success' | 'error'; text: string };

export function UsersSection() {
  const { t, language } = useLanguage();
  const users = useDesk((s) => s.users);
  const desk = useDesk((s) => s.desk);
  const me = useSession((s) => s.user);
  const manage = canManageUsers(me);
  const [dialog, setDialog] = useState<UserDialogKind | null>(null);
  const [message, setMessage] = useState<Message>();

  async function toggle(user: DeskUser) {
    if (!desk || !me) return;
    setMessage(undefined);
    try {
      const result = user.active
        ? await desk.users.deactivate(me.id, user.id)
        : await desk.users.update(me.id, user.id, { active: true });
      if (result.ok)
        setMessage({
          tone: 'success',
          text: t(user.active ? 'auth.users.deactivated' : 'auth.users.activated', { name: user.fullName }),
        });
      else setMessage({ tone: 'error', text: directoryFailure(t, result).text });
    } catch (error) {
      useDesk.getState().report(error);
    }
  }

  const done = (key: string) => (user: DeskUser) => {
    setDialog(null);
    setMessage({ tone: 'success', text: t(key, { name: user.fullName }) });
  };

  return (
    <section className="panel settings-users" aria-labelledby="users-title">
      <h3 id="users-title">{t('auth.users.title')}</h3>
      <p className="muted">{t(manage ? 'auth.users.note' : 'auth.users.readOnly')}</p>
      {hasActiveHead(users) ? null : <Alert tone="warning">{t('auth.users.noHead')}</Alert>}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <table className="users-table">
        <thead>
          <tr>
            <th>{t('auth.field.fullName')}</th>
            <th>{t('auth.field.id')}</th>
            <th>{t('auth.field.role')}</th>
            <th>{t('auth.users.position')}</th>
            <th>{t('auth.users.statusTitle')}</th>
            {manage ? <th>{t('auth.users.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user={u.id}>
              <td>
                {u.fullName}
                {u.id === me?.id ? <span className="muted"> {t('auth.users.you')}</span> : null}
              </td>
              <td>
                <code>{u.id}</code>
              </td>
              <td>{t(`role.${u.role}`)}</td>
              <td>{u.position[language]}</td>
              <td>{userStatus(t, u)}</td>
              {manage ? (
                <td className="users-actions">
                  <button type="button" onClick={() => setDialog({ kind: 'edit', user: u })}>
                    {t('auth.users.edit')}
                  </button>
                  <button type="button" onClick={() => setDialog({ kind: 'secret', user: u })}>
                    {t('auth.users.setSecret')}
                  </button>
                  {u.id === me?.id ? null : (
                    <button type="button" onClick={() => void toggle(u)}>
                      {t(u.active ? 'auth.users.deactivate' : 'auth.users.activate')}
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {manage ? (
        <div className="form-actions">
          <button type="button" onClick={() => setDialog({ kind: 'add' })}>
            {t('auth.users.add')}
          </button>
        </div>
      ) : null}
      {dialog && me ? (
        <UserDialog
          by={me}
          dialog={dialog}
          onCancel={() => setDialog(null)}
          onDone={done(
            dialog.kind === 'add'
              ? 'auth.users.created'
              : dialog.kind === 'edit'
                ? 'auth.users.updated'
                : 'auth.users.secretSet',
          )}
        />
      ) : null}
    </section>
  );
}
