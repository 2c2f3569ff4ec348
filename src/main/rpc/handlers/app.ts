/**
 * app.* and files.save.
 */
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/fileName';
import type { Handlers } from '../dispatch';
import type { ServicesOptions } from '../../services/types';
import { vetExternalUrl } from '../../services/app/vetExternalUrl';

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function appHandlers(options: ServicesOptions): Handlers {
  const handlers: Handlers = {
    'app.info': () => ({
      version: options.appVersion,
      host: options.host,
      platform: process.platform,
      systemLocale: options.systemLocale,
    }),
    'app.openExternal': async ({ url }) => {
      await options.openExternal(vetExternalUrl(url));
    },
    // A composer in its own window (issue #4 §1): Electron only; a browser opens a tab itself.
    'app.openWindow': async ({ route }) => {
      if (!options.openWindow) throw new AppError('unsupported', 'This host cannot open windows; open the route in a new tab');
      await options.openWindow(route);
    },
    // The browser host has no badge: accepting the count and doing nothing is the right answer.
    'app.setBadge': ({ count }) => {
      options.setBadge?.(count);
    },
  };
  const saveFile = options.saveFile;
  if (saveFile) {
    handlers['files.save'] = async ({ suggestedName, dataBase64 }) => {
      if (dataBase64.length % 4 !== 0 || !base64.test(dataBase64)) throw new AppError('invalidInput', 'The file data is not base64');
      const name = safeFileName(suggestedName, 'download');
      return { saved: await saveFile(name, Buffer.from(dataBase64, 'base64')) };
    };
  }
  return handlers;
}
