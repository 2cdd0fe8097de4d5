/** One data layer, two real backends. SQL is written once with `?` placeholders. */
export type SqlValue = string | number | null | bigint;
export type Dialect = 'sqlite' | 'postgres';

export interface Queryable {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * Only inside a PostgreSQL transaction: sends a write nobody reads the answer to without waiting
   * for that answer, so it travels with the COMMIT; if it fails, the transaction rolls back and
   * rejects with its failure. See closingWrites.
   */
  writeBeforeCommit?(sql: string, params: readonly SqlValue[]): void;
}

export interface Db extends Queryable {
  /** Runs `work` in one transaction; it rolls back if `work` throws. */
  tx<T>(work: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** A human description (file path or database and schema) for logs. */
  readonly describe: string;
}
