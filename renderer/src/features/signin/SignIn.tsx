import { Alert } from '../../ui/Alert';
import { SelectField, TextField, type Option } from '../../ui/fields';

export interface DemoPin {
  name: string;
  role: string;
  pin: string;
}

interface SignInProps {
  title: string;
  prompt: string;
  userLabel: string;
  secretLabel: string;
  submitLabel: string;
  users: readonly Option[];
  userId: string;
  secret: string;
  busy: boolean;
  failure?: string | undefined;
  /** Shown instead of the form when nobody can sign in yet. */
  empty?: string | undefined;
  /** A demo desk shows its users' public PINs. */
  demo?: { title: string; note: string; pins: readonly DemoPin[] } | undefined;
  onUser: (userId: string) => void;
  onSecret: (secret: string) => void;
  onSubmit: () => void;
}

/** Sign-in: who you are, and your password or PIN. */
export function SignIn(p: SignInProps) {
  return (
    <section className="signin" aria-labelledby="signin-title">
      <h2 id="signin-title">{p.title}</h2>
      {p.empty ? (
        <Alert tone="warning">{p.empty}</Alert>
      ) : (
        <form
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            p.onSubmit();
          }}
        >
          <p>{p.prompt}</p>
          <SelectField label={p.userLabel} value={p.userId} options={p.users} onChange={p.onUser} />
          <TextField
            label={p.secretLabel}
            type="password"
            autoComplete="current-password"
            value={p.secret}
            onChange={p.onSecret}
          />
          {p.failure ? <Alert tone="error">{p.failure}</Alert> : null}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={p.busy || p.userId === '' || p.secret === ''}>
              {p.submitLabel}
            </button>
          </div>
        </form>
      )}
      {p.demo ? (
        <section className="panel signin-demo" aria-labelledby="signin-demo-title">
          <h3 id="signin-demo-title">{p.demo.title}</h3>
          <p className="muted">{p.demo.note}</p>
          <table>
            <tbody>
              {p.demo.pins.map((d) => (
                <tr key={d.name} data-demo-user={d.name}>
                  <td>{d.name}</td>
                  <td className="muted">{d.role}</td>
                  <td>
                    <code>{d.pin}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  );
}
