/**
 * The renderer served from `app://postvak/` (issue #10 §10; HOUSE_STYLE.md "Electron settings"):
 * the thin Electron side of security/appProtocol, which holds the logic and its tests.
 */
import { protocol, type Session } from 'electron';
import { APP_SCHEME, appSchemePrivileges, handleAppRequest } from '../security/appProtocol';
import { contentSecurityPolicy } from '../security/csp';

/** Must run before the app is ready (Electron reads privileged schemes once, at start). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: appSchemePrivileges }]);
}

/** Serves the built renderer folder on the session; the renderer has no network, so connect-src is 'none'. */
export function serveApp(ses: Session, rendererDir: string): void {
  const csp = contentSecurityPolicy("'none'");
  ses.protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, rendererDir, csp));
}
