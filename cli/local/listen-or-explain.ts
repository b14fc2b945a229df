/** Turns "address in use" while starting a local server into a message that says what to change. */
import { CliError } from '../cli-error';

/** Runs `listen`; EADDRINUSE becomes a CliError naming the port, the service and the setting to change. */
export async function listenOrExplain<T>(listen: () => Promise<T>, what: string, port: number | string, change: string): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new CliError(`port ${port} for ${what} is already in use: stop what uses it, or set ${change}`, 1);
    throw error;
  }
}
