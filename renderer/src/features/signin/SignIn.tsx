export interface SignInUser {
  id: string;
  name: string;
  /** Role and position, translated. */
  detail: string;
}

interface SignInProps {
  title: string;
  prompt: string;
  note: string;
  users: readonly SignInUser[];
  onSignIn: (userId: string) => void;
}

/** The local list of users: the officer picks themselves (real authentication comes with sync). */
export function SignIn({ title, prompt, note, users, onSignIn }: SignInProps) {
  return (
    <section className="signin" aria-labelledby="signin-title">
      <h2 id="signin-title">{title}</h2>
      <p>{prompt}</p>
      <ul className="signin-users">
        {users.map((u) => (
          <li key={u.id}>
            <button type="button" className="signin-user" onClick={() => onSignIn(u.id)}>
              <span className="signin-name">{u.name}</span>
              <span className="signin-detail">{u.detail}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted">{note}</p>
    </section>
  );
}
