/**
 * Which website origins may embed the widgets and call the API: the saved `embedding` settings, or
 * IOP_ALLOWED_ORIGINS when it is set (the environment wins, and the settings API says so). Read
 * through a short cache so CORS does not cost a query per request; a save on this instance clears it
 * at once, other instances see it within `ttlMs`. No restart either way.
 */
import type { Queryable } from '../db/database.js';

export class OriginPolicy {
  private cached: { origins: ReadonlySet<string>; until: number } | undefined;

  constructor(
    private readonly db: Queryable,
    /** IOP_ALLOWED_ORIGINS (or a test's list): when given, it is the whole answer. */
    private readonly override: readonly string[] | undefined,
    private readonly ttlMs = 5_000,
  ) {}

  get fromEnvironment(): boolean {
    return this.override !== undefined;
  }

  async current(): Promise<ReadonlySet<string>> {
    if (this.override) return (this.cached ??= { origins: new Set(this.override), until: Infinity }).origins;
    const now = Date.now();
    if (this.cached && this.cached.until > now) return this.cached.origins;
    let origins: ReadonlySet<string> = new Set();
    try {
      const [row] = await this.db.query<{ allowed_origins: string[] }>('SELECT allowed_origins FROM center WHERE id = 1');
      origins = new Set(row?.allowed_origins ?? []);
    } catch {
      // A database that does not answer allows no other origin: the API calls would fail anyway.
      return origins;
    }
    this.cached = { origins, until: now + this.ttlMs };
    return origins;
  }

  /** After a save on this instance. */
  invalidate(): void {
    if (!this.override) this.cached = undefined;
  }
}
