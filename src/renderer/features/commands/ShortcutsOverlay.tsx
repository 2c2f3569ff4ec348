/**
 * The `?` overlay (issue #12 §5): every key of the active scheme with what it does, in the
 * person's language, read from the same registry the key handler uses — so it cannot list a
 * key that does nothing. A modal dialog: Escape or Close shuts it, focus returns to where it was.
 */
import { ModalDialog } from '../../components/ModalDialog';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { keyLabel } from './keyNames';
import { setShortcutsOpen, useShortcutsOpen } from './overlayState';
import { commandSpecs, listKeys } from './registry';
import './commands.css';

export function ShortcutsOverlay() {
  const open = useShortcutsOpen();
  return open ? <Overlay /> : null;
}

function Overlay() {
  const { t } = useI18n();
  const scheme = useStore((state) => state.shortcutScheme);
  const rows = [
    ...listKeys.map((spec) => ({ label: spec.label, keys: spec.keys })),
    ...commandSpecs.filter((spec) => spec[scheme].length > 0).map((spec) => ({ label: spec.label, keys: spec[scheme] })),
  ];
  const close = () => setShortcutsOpen(false);
  return (
    <ModalDialog title={t('commands.shortcuts.title')} className="shortcuts" onCancel={close}>
      <p className="field__hint">{t(scheme === 'gmail' ? 'commands.shortcuts.gmail' : 'commands.shortcuts.outlook')}</p>
      <table className="shortcuts__table">
        <thead>
          <tr>
            <th scope="col">{t('commands.shortcuts.action')}</th>
            <th scope="col">{t('commands.shortcuts.keys')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{t(row.label)}</th>
              <td>
                {row.keys.map((binding, at) => (
                  <span key={binding}>
                    {at > 0 && ' / '}
                    <kbd>{keyLabel(binding, t)}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={close} autoFocus>
          {t('commands.shortcuts.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
