/** The application menu: standard roles give the platform's edit shortcuts (copy, paste, undo…). */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function installMenu(): void {
  const isMac = process.platform === 'darwin';
  // Issue #12 §5: the mail view's Outlook keys are Ctrl+R (reply), Ctrl+Shift+R (reply all) and
  // Ctrl+Q (mark read). The menu keeps Reload and Quit but does not register those keys, so a
  // press reaches the page (registerAccelerator: Linux and Windows; the Mac keeps Cmd+Q).
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : [{ role: 'fileMenu' as const, submenu: [{ role: 'quit' as const, registerAccelerator: false }] }]),
    { role: 'editMenu' },
    {
      role: 'viewMenu',
      submenu: [
        { role: 'reload', registerAccelerator: false },
        { role: 'forceReload', registerAccelerator: false },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
