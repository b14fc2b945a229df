import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { completeHostedUiSignIn } from './auth/hosted-ui';
import { Problem } from './components/problem';
import { loadConsoleConfig } from './config/load-console-config';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

/** Reads config.json and finishes a hosted-UI sign-in the URL carries, then renders the console. */
async function start(): Promise<void> {
  let config;
  try {
    config = await loadConsoleConfig();
  } catch (error) {
    root.render(
      <Problem message={`The console's configuration could not be loaded (${error instanceof Error ? error.message : String(error)}).`} />,
    );
    return;
  }
  let signInProblem: string | undefined;
  if (config.auth.mode === 'cognito') {
    signInProblem = await completeHostedUiSignIn(config.auth).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  }
  root.render(
    <StrictMode>
      <App signInProblem={signInProblem} />
    </StrictMode>,
  );
}

void start();
