/**
 * `npm run demo` in Electron: adds the demo account through the contract, exactly as the setup
 * screen would, when POSTVAK_DEMO_ACCOUNT holds {settings, password} and no account exists yet.
 */
import type { Services } from './createServices';
import { dispatch } from './dispatch';

export async function seedAccountFromEnv(services: Services, json: string | undefined): Promise<void> {
  if (!json) return;
  const session = services.connect(() => undefined);
  try {
    const list = await dispatch(session.handlers, 'accounts.list', {});
    if (list.ok && Array.isArray(list.value) && list.value.length > 0) return;
    const { settings, password } = JSON.parse(json) as { settings: unknown; password: unknown };
    const added = await dispatch(session.handlers, 'accounts.add', { settings, password, rememberPassword: false });
    if (!added.ok) console.error(`Demo account not added: ${added.error.message}`);
  } finally {
    await session.close();
  }
}
