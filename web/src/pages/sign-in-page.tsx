/**
 * Sign-in. Locally (`statecraft dev`), a person picks a user and groups and the local server mints
 * the token; on AWS, the deploy's config.json names the Cognito hosted UI (the deploy issue).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { signIn } from '../auth/session';
import { Problem } from '../components/problem';

type ConsoleConfig = { auth: { mode: 'local'; tokenUrl: string; groups: string[] } | { mode: 'cognito'; hostedUiUrl: string } };

const PRESETS: readonly { label: string; user: string; groups: string[] }[] = [
  { label: 'Operator', user: 'olivia', groups: ['operators'] },
  { label: 'Release manager', user: 'rita', groups: ['release-managers', 'viewers'] },
  { label: 'Finance', user: 'fiona', groups: ['finance'] },
  { label: 'Viewer', user: 'victor', groups: ['viewers'] },
];

export function SignInPage() {
  const [config, setConfig] = useState<ConsoleConfig>();
  const [problem, setProblem] = useState<string>();
  const [user, setUser] = useState('olivia');
  const [groups, setGroups] = useState<string[]>(['operators']);
  useEffect(() => {
    fetch('/config.json')
      .then((response) => (response.ok ? (response.json() as Promise<ConsoleConfig>) : Promise.reject(new Error(`config.json: ${response.status}`))))
      .then(setConfig, (error: unknown) => setProblem(`The console's configuration could not be loaded (${String(error)}).`));
  }, []);

  if (problem) return <Problem message={problem} />;
  if (!config) return <p className="muted">Loading…</p>;
  if (config.auth.mode === 'cognito') {
    return (
      <main className="sign-in">
        <h1>Sign in to Statecraft</h1>
        <a className="button" href={config.auth.hostedUiUrl}>
          Sign in with your organisation
        </a>
      </main>
    );
  }
  const { tokenUrl, groups: knownGroups } = config.auth;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const response = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: user.trim(), groups }) });
    const body = (await response.json()) as { token?: string; detail?: string };
    if (!response.ok || !body.token) return setProblem(body.detail ?? `Sign-in failed (${response.status}).`);
    signIn(body.token);
    window.location.hash = '#/';
  };
  const toggle = (group: string) => setGroups((current) => (current.includes(group) ? current.filter((each) => each !== group) : [...current, group]));
  return (
    <main className="sign-in">
      <h1>Sign in to Statecraft</h1>
      <p className="muted">Local stack: pick who you are. The local server signs the token; what you may see and do follows from the groups.</p>
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
