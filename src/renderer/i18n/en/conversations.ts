/** Conversations (issue #12 §4): the reader's conversation and the list's conversation size. */
export const conversations = {
  'conversation.region': 'Conversation',
  'conversation.count': { one: '{count} message in this conversation', other: '{count} messages in this conversation' },
  'conversation.inFolder': 'In {folder}',
  'conversation.noSender': '(unknown sender)',
} as const;
