/** Opens a vetted URL in the person's browser (the host's equivalent of shell.openExternal). */
import { spawn } from 'node:child_process';

export async function openInBrowser(url: string): Promise<void> {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  await new Promise<void>((resolve) => {
    // No shell: the URL is one argument, never interpreted.
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => resolve());
    child.unref();
    resolve();
  });
}
