/**
 * The one question before messages are removed for good (issue #12 §7: today Postvak deleted
 * from Trash at once, without a question). Asked by deleteMessages, answered by the dialog that
 * DeletionDialogHost shows; one question at a time (a second waits for the first).
 */
export interface ForGoodQuestion {
  count: number;
  /** Shared mailboxes the messages are removed from: gone for everyone there. */
  shared: string[];
}

type Pending = ForGoodQuestion & { answer(yes: boolean): void };

let current: Pending | null = null;
let queue: Promise<unknown> = Promise.resolve();
const listeners = new Set<() => void>();

function set(next: Pending | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export function subscribeQuestion(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentQuestion(): Pending | null {
  return current;
}

export function askForGood(question: ForGoodQuestion): Promise<boolean> {
  const asked = queue.then(
    () =>
      new Promise<boolean>((resolve) => {
        set({
          ...question,
          answer(yes) {
            set(null);
            resolve(yes);
          },
        });
      }),
  );
  queue = asked.catch(() => undefined);
  return asked;
}
