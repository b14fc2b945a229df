/** Reads /config.json once, before the first render (main.tsx), and hands it to whoever needs it. */
import { checkConsoleConfig, type ConsoleConfig } from './console-config';

let loaded: ConsoleConfig | undefined;

/** Fetches and checks /config.json; rejects with a sentence naming what is wrong. */
export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  loaded = checkConsoleConfig(await response.json());
  return loaded;
}

/** The configuration loaded at start-up (main.tsx loads it before rendering). */
export function consoleConfig(): ConsoleConfig {
  if (!loaded) throw new Error('the console configuration is read before it was loaded');
  return loaded;
}
