/**
 * Prepared statements kept per SQL text (issue #13 §3: the same few statements run thousands
 * of times per batch; searches repeat as people type). Bounded: queries with inline folder ids
 * vary, so the least recently used statement is finalized past `capacity`.
 */
import type { Database, PreparedStatement } from './sqlite';

type Bind = readonly (string | number | null)[];

export class Statements {
  private readonly cache = new Map<string, PreparedStatement>();

  constructor(
    private readonly db: Database,
    private readonly capacity = 64,
  ) {}

  private get(sql: string): PreparedStatement {
    const cached = this.cache.get(sql);
    if (cached) {
      this.cache.delete(sql);
      this.cache.set(sql, cached);
      return cached;
    }
    const statement = this.db.prepare(sql);
    this.cache.set(sql, statement);
    if (this.cache.size > this.capacity) {
      const [oldest, old] = this.cache.entries().next().value as [string, PreparedStatement];
      this.cache.delete(oldest);
      old.finalize();
    }
    return statement;
  }

  /** Runs a statement for its effect. */
  run(sql: string, bind: Bind): void {
    const statement = this.get(sql);
    try {
      if (bind.length > 0) statement.bind(bind);
      statement.step();
    } finally {
      statement.reset(true);
    }
  }

  /** The first column of the first row, or undefined when there is no row. */
  value(sql: string, bind: Bind): number | string | null | undefined {
    const statement = this.get(sql);
    try {
      if (bind.length > 0) statement.bind(bind);
      return statement.step() ? (statement.get(0) as number | string | null) : undefined;
    } finally {
      statement.reset(true);
    }
  }

  /** Every row, as arrays of its columns. */
  rows(sql: string, bind: Bind): (number | string | null)[][] {
    const statement = this.get(sql);
    const out: (number | string | null)[][] = [];
    try {
      if (bind.length > 0) statement.bind(bind);
      while (statement.step()) out.push(statement.get([]) as (number | string | null)[]);
    } finally {
      statement.reset(true);
    }
    return out;
  }

  /** Rows changed by the last statement run. */
  changes(): number {
    return this.db.changes();
  }

  /** Before the schema is dropped (clear) or the database closed. */
  finalizeAll(): void {
    for (const statement of this.cache.values()) statement.finalize();
    this.cache.clear();
  }
}
