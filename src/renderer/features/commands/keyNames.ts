/** A binding as a person reads it on their keyboard ("Ctrl+Shift+R", "↑", "Esc"), per language. */
import type { Translate } from '../../i18n/types';

export function keyLabel(binding: string, t: Translate): string {
  const parts = binding.split('+');
  const key = parts.pop() ?? '';
  const names: Record<string, string> = {
    ArrowUp: '↑',
    ArrowDown: '↓',
    Escape: 'Esc',
    Space: t('commands.key.space'),
    ContextMenu: t('commands.key.menu'),
    Delete: t('commands.key.delete'),
    Insert: t('commands.key.insert'),
    Home: t('commands.key.home'),
    End: t('commands.key.end'),
  };
  const name = names[key] ?? key;
  return [...parts, name].join('+');
}
