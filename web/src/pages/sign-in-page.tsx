/**
 * Sign-in. Locally (`statecraft dev`), a person picks a user and groups and the local server mints
 * the token; on AWS, the Cognito hosted UI (authorization code with PKCE, auth/hosted-ui.ts).
 */
import { useState, type FormEvent } from 'react';
import { beginHostedUiSignIn } from '../auth/hosted-ui';
import { signIn } from '../auth/session';
import { Problem } from '../components/problem';
import type { CognitoAuth, LocalAuth } from '../config/console-config';
import { consoleConfig } from '../config/load-console-config';

const PRESETS: readonly { label: string; user: string; groups: string[] }[] = [
  { label: 'Operator', user: 'olivia', groups: ['operators'] },
  { label: 'Release manager', user: 'rita', groups: ['release-managers', 'viewers'] },
  { label: 'Finance', user: 'fiona', groups: ['finance'] },
  { label: 'Viewer', user: 'victor', groups: ['viewers'] },
];

/** The sign-in page for the configured mode; `problem` is why the last attempt failed. */
export function SignInPage({ problem }: { problem?: string }) {
  const { auth } = consoleConfig();
  return auth.mode === 'cognito' ? <HostedUiSignIn auth={auth} problem={problem} /> : <LocalSignIn auth={auth} />;
}

function HostedUiSignIn({ auth, problem }: { auth: CognitoAuth; problem?: string }) {
  const [leaving, setLeaving] = useState(false);
  return (
    <main className="sign-in">
      <h1>Sign in to Statecraft</h1>
      <p className="muted">You go to your organisation's sign-in page and come back here, to the page you were on.</p>
      {problem && <Problem message={problem} />}
      <button
        type="button"
        className="primary"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void beginHostedUiSignIn(auth);
        }}
      >
        {leaving ? 'Opening the sign-in page…' : 'Sign in with your organisation'}
      </button>
    </main>
  );
}

function LocalSignIn({ auth }: { auth: LocalAuth }) {
  const [problem, setProblem] = useState<string>();
  const [user, setUser] = useState('olivia');
  const [groups, setGroups] = useState<string[]>(['operators']);
  const { tokenUrl, groups: knownGroups } = auth;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: user.trim(), groups }),
    });
    const body = (await response.json()) as { token?: string; detail?: string };
    if (!response.ok || !body.token) return setProblem(body.detail ?? `Sign-in failed (${response.status}).`);
    signIn(body.token);
    window.location.hash = '#/';
  };
  const toggle = (group: string) =>
    setGroups((current) => (current.includes(group) ? current.filter((each) => each !== group) : [...current, group]));
  return (
    <main className="sign-in">
      <h1>Sign in to Statecraft</h1>
      <p className="muted">
        Local stack: pick who you are. The local server signs the token; what you may see and do follows from the groups.
      </p>
      {problem && <Problem message={problem} />}
      <div className="presets" role="group" aria-label="Examples">
        {PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            onClick={() => {
              setUser(preset.user);
              setGroups(preset.groups);
            }}
          >
            {preset.label}
          </button>
        ))}
      </div>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          User
          <input name="user" value={user} onChange={(event) => setUser(event.target.value)} required pattern="[A-Za-z0-9._@-]+" />
        </label>
        <fieldset>
          <legend>Groups</legend>
          {knownGroups.map((group) => (
            <label key={group} className="check">
              <input type="checkbox" checked={groups.includes(group)} onChange={() => toggle(group)} />
              {group}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          Sign in
        </button>
      </form>
    </main>
  );
}
