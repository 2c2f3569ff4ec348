/** Pure rules for writing and sending mail (issue #4), used by main and the renderer alike. */
export * from './addressField';
export * from './chooseFrom';
export * from './identities';
export * from './replyDraft';
export * from './senderDisplay';
