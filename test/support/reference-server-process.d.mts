/** A port free on `host` (default 127.0.0.1) right now. */
export function freePort(host?: string): Promise<number>;

export interface ReferenceServerOptions {
  /** Relative to the repository root: server/main.ts (the default, run through tsx) or scripts/start.mjs. */
  entry?: string;
  /** Added to the server's environment (after the simulated eligibility provider, before the port, host and data settings). */
  env?: Record<string, string>;
  /** Loopback address to listen on; 127.0.0.1 by default. */
  host?: string;
  /** How long to wait for the server's "IOP Widgets demo center:" line; 60 s by default. */
  timeoutMs?: number;
}

export interface ReferenceServerProcess {
  /** http://host:port, as the server printed it. */
  readonly origin: string;
  readonly port: number;
  /** Kills the server and removes its data directory. */
  stop(): void;
  /** Everything the server printed so far (e.g. the console's one-time setup link). */
  output(): string;
}

export function startReferenceServer(options?: ReferenceServerOptions): Promise<ReferenceServerProcess>;
