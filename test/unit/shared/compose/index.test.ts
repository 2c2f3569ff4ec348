import { describe, expect, it } from 'vitest';
import * as compose from '../../../../src/shared/compose';

describe('src/shared/compose index', () => {
  it('exports every rule the other processes code against', () => {
    const expected = [
      'buildIdentities', 'defaultSendMode', 'envelopeFor', 'sendableIdentities', 'mergeIdentityConfig',
      'chooseFrom', 'emptyFromMemory', 'rememberFrom', 'sharedContextWarning',
      'conversationKey', 'replySubject', 'forwardSubject', 'threading', 'replyRecipients', 'quoteText', 'quoteHtml',
      'forwardHeaderText', 'formatAddress', 'parseAddressField', 'isValidAddress', 'senderDisplay', 'displayName',
    ];
    for (const name of expected) expect(typeof (compose as Record<string, unknown>)[name], name).toBe('function');
  });
});
