/**
 * A catch-up that runs one at a time (FolderIndex, PageDigests): a call while one runs queues the
 * next, and calls while that one waits to start share it — it will see their state anyway.
 */
export class OneAtATime {
  private tail: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(private readonly work: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.queued) return this.queued;
    const run = this.tail.then(() => {
      this.queued = undefined;
      return this.work();
    });
    this.queued = run;
    this.tail = run.catch(() => {});
    return run;
  }
}
