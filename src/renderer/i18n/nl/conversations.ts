/** Gesprekken (issue #12 §4): het gesprek in de leesweergave en de grootte van een gesprek in de lijst. */
import type { Translation } from '../types';

export const conversations = {
  'conversation.region': 'Gesprek',
  'conversation.count': { one: '{count} bericht in dit gesprek', other: '{count} berichten in dit gesprek' },
  'conversation.inFolder': 'In {folder}',
  'conversation.noSender': '(onbekende afzender)',
} satisfies Partial<Translation>;
