/**
 * Shared, counted things kept a little after their last user lets go (issue #11 §2, issue #12
 * §4, §6): list indexes, the facts views read from the pages, conversation indexes. Each is made
 * once per key and database, handed out as leases; the last release disposes it after `lingerMs`,
 * so switching away and back (or React mounting an effect twice) does not rebuild it.
 */

export interface Lease<V> {
  value: V;
  release(): void;
}

interface Slot<V> {
  value: V;
  refs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class Leases<V> {
  private readonly slots = new Map<string, Slot<V>>();

  constructor(
    private readonly lingerMs: number,
    private readonly dispose: (value: V) => void,
  ) {}

  /** The value under `key`, made by `make` when nobody holds it. */
  acquire(key: string, make: () => V): Lease<V> {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { value: make(), refs: 0, timer: undefined };
      this.slots.set(key, slot);
    }
    const held = slot;
    held.refs++;
    clearTimeout(held.timer);
    held.timer = undefined;
    let released = false;
    return {
      value: held.value,
      release: () => {
        if (released) return;
        released = true;
        if (--held.refs > 0) return;
        held.timer = setTimeout(() => {
          if (held.refs > 0 || this.slots.get(key) !== held) return;
          this.slots.delete(key);
          this.dispose(held.value);
        }, this.lingerMs);
      },
    };
  }

  /** Every value held now (held or lingering). */
  values(): V[] {
    return [...this.slots.values()].map((slot) => slot.value);
  }

  /** Disposes everything now (a test's database going away); lingers started meanwhile are stopped too. */
  close(): void {
    const all = [...this.slots.values()];
    this.slots.clear();
    for (const slot of all) this.dispose(slot.value);
    for (const slot of all) clearTimeout(slot.timer);
  }
}

/** One `Leases` per database, made on first use. */
export function perDatabase<D extends object, V>(lingerMs: number, dispose: (value: V) => void) {
  const all = new WeakMap<D, Leases<V>>();
  return {
    of(database: D): Leases<V> {
      let leases = all.get(database);
      if (!leases) all.set(database, (leases = new Leases<V>(lingerMs, dispose)));
      return leases;
    },
    close(database: D): void {
      all.get(database)?.close();
      all.delete(database);
    },
  };
}
