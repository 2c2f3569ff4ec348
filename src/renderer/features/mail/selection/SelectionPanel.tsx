/**
 * The reading pane while several messages are chosen (issue #12 §3): "3 messages selected" and
 * the actions for all of them, offered as their folders' rights allow (the same commands as the
 * keys and the row menu, so the same names, keys and undo).
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { useStore } from '../../../store';
import { nothingOffered, type Offer } from '../../commands/availability';
import { ariaKeys } from '../../commands/keys';
import { keysOf, type CommandId, type LabelKey } from '../../commands/registry';
import { runCommand } from '../../commands/runCommand';
import { offerOf } from '../../commands/targets';
import { currentSelection } from './currentSelection';

export function SelectionPanel({ count }: { count: number }) {
  const { t } = useI18n();
  const selection = useStore((state) => state.messageSelection);
  const scheme = useStore((state) => state.shortcutScheme);
  const clear = useStore((state) => state.clearMessageSelection);
  const [offer, setOffer] = useState<Offer>(nothingOffered);
  useEffect(() => {
    let live = true;
    void offerOf(currentSelection()).then((next) => live && setOffer(next));
    return () => {
      live = false;
    };
  }, [selection]);
  const button = (id: CommandId, label: LabelKey, extra: { flag?: boolean } = {}) => {
    const binding = keysOf(id, scheme)[0];
    return (
      <button type="button" className="button" aria-keyshortcuts={binding && ariaKeys(binding)} onClick={() => void runCommand(id, extra)}>
        {t(label)}
      </button>
    );
  };
  return (
    <section className="selection-panel" aria-labelledby="selection-panel-title">
      <h2 id="selection-panel-title" className="selection-panel__title" aria-live="polite">
        {t('selection.count', { count })}
      </h2>
      <div className="selection-panel__actions" role="toolbar" aria-label={t('selection.actions')}>
        {offer.archive && button('archive', 'commands.archive')}
        {offer.move && button('move', 'commands.move')}
        {offer.copy && button('copy', 'commands.copy')}
        {offer.junk && button('junk', 'commands.junk')}
        {offer.notJunk && button('notJunk', 'commands.notJunk')}
        {offer.seen && button('markRead', 'commands.markRead')}
        {offer.seen && button('markUnread', 'commands.markUnread')}
        {offer.flag && button('toggleFlag', 'commands.flag', { flag: true })}
        {offer.flag && button('toggleFlag', 'commands.unflag', { flag: false })}
        {offer.delete && button('delete', 'commands.delete')}
        <button type="button" className="button button--ghost" aria-keyshortcuts="Escape" onClick={clear}>
          {t('selection.clear')}
        </button>
      </div>
    </section>
  );
}
