/** The console's shell: navigation with the approvals badge, the signed-in user, and the page of the current route. */
import { useEffect, useState } from 'react';
import { logoutUrlOf } from './auth/hosted-ui-urls';
import { currentSession, onSessionChange, signOut, type Session } from './auth/session';
import { ChatPanel } from './components/chat-panel';
import { ErrorBoundary } from './components/error-boundary';
import { consoleConfig } from './config/load-console-config';
import { RESYNC_EVENT } from './live/live-socket';
import { closeLiveSocket, useLive } from './live/use-live';
import { ApprovalsPage } from './pages/approvals-page';
import { CataloguePage } from './pages/catalogue-page';
import { RunPage } from './pages/run-page';
import { RunsPage } from './pages/runs-page';
import { SignInPage } from './pages/sign-in-page';
import { WorkflowPage } from './pages/workflow-page';
import { useApi } from './use-api';
import { hrefOf, useRoute, type Route } from './use-route';

export function App({ signInProblem }: { signInProblem?: string }) {
  const [session, setSession] = useState<Session | undefined>(currentSession);
  useEffect(
    () =>
      onSessionChange(() => {
        closeLiveSocket();
        setSession(currentSession());
      }),
    [],
  );
  const route = useRoute();
  if (!session) return <SignInPage problem={signInProblem} />;
  return (
    <>
      <Navigation session={session} route={route} />
      <ErrorBoundary resetKey={JSON.stringify(route)}>
        <Page route={route} />
      </ErrorBoundary>
      <ErrorBoundary resetKey="chat">
        <ChatPanel />
      </ErrorBoundary>
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'workflow':
      return <WorkflowPage key={route.name} name={route.name} />;
    case 'runs':
      return <RunsPage />;
    case 'run':
      return <RunPage key={route.runId} runId={route.runId} />;
    case 'approvals':
      return <ApprovalsPage />;
    default:
      return <CataloguePage />;
  }
}

function Navigation({ session, route }: { session: Session; route: Route }) {
  const pending = useApi<{ approvals: { mayDecide: boolean }[] }>('/api/approvals?status=pending');
  const waiting = (pending.data?.approvals ?? []).filter((approval) => approval.mayDecide).length;
  useLive({ all: true }, (event) => {
    if (event.type.startsWith('approval.') || event.type === RESYNC_EVENT) pending.reload();
  });
  const link = (target: Route, text: string, badge?: number) => (
    <a href={hrefOf(target)} aria-current={route.page === target.page ? 'page' : undefined}>
      {text}
      {badge ? (
        <span className="count" aria-label={`${badge} waiting for you`}>
          {badge}
        </span>
      ) : null}
    </a>
  );
  return (
    <header className="top">
      <nav aria-label="Main">
        <strong className="brand">Statecraft</strong>
        {link({ page: 'catalogue' }, 'Workflows')}
        {link({ page: 'runs' }, 'Runs')}
        {link({ page: 'approvals' }, 'Approvals', waiting)}
      </nav>
      <div className="who">
        <span>
          {session.user} <span className="muted">({session.groups.join(', ') || 'no groups'})</span>
        </span>
        <button type="button" onClick={signOutEverywhere}>
          Sign out
        </button>
      </div>
    </header>
  );
}

/** Forgets the session; on AWS also ends the hosted UI's own session, so the next sign-in asks again. */
function signOutEverywhere(): void {
  signOut();
  const { auth } = consoleConfig();
  if (auth.mode === 'cognito') location.assign(logoutUrlOf(auth, location.origin));
}
