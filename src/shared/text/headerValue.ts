/**
 * The one rule for text that goes into a header we write (issue #10 §6): RFC 5322 §2.2 allows
 * CR and LF in a header only as the CRLF that ends it or folds it, so a CR or LF in a value — a
 * display name, a subject, a file name — would end the header and start one of the sender's
 * choosing (header injection). Every run of CR/LF becomes one space, as mail clients unfold a
 * folded header (§2.2.3), and the other controls (NUL, backspace, ESC … DEL; not TAB, which
 * is whitespace) are dropped. Used by the contract's schemas, the composer's address fields and
 * the message builder alike.
 */
export function headerText(text: string): string {
  // eslint-disable-next-line no-control-regex -- the controls are what is removed
  return text.replace(/[\r\n]+/g, ' ').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
}

/** Whether the text may go into a header as it is. */
export function isHeaderSafe(text: string): boolean {
  return headerText(text) === text;
}
