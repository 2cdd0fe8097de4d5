/** Why the hub's database cannot take a request just now, in words for the person and the log. */
export type DbTrouble = 'locked' | 'disk_full' | 'unreachable';

const MESSAGES: Record<DbTrouble, string> = {
  locked: 'The hub’s database is locked by another program (database locked); try again in a moment.',
  disk_full: 'The hub’s disk is full (disk full): nothing was saved; ask your administrator to free space.',
  unreachable: 'The hub cannot reach its database just now; try again in a moment.',
};

/** A database failure that is nobody's input mistake: the hub answers 503 and logs the cause. */
export class DbUnavailable extends Error {
  constructor(
    readonly trouble: DbTrouble,
    override readonly cause: unknown,
    where = '',
  ) {
    super(MESSAGES[trouble] + (where ? ` [${where}]` : ''));
    this.name = 'DbUnavailable';
  }

  /** What the person sees (never the file path). */
  get advice(): string {
    return MESSAGES[this.trouble];
  }
}

/** SQLite's and PostgreSQL's codes for the troubles above; anything else stays a plain error. */
export function troubleOf(err: unknown): DbTrouble | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_LOCKED_'))
    return 'locked';
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === '53100' || code === 'ENOSPC') return 'disk_full';
  if (code === 'ECONNREFUSED' || code === '57P03' || code === '53300') return 'unreachable';
  return null;
}
