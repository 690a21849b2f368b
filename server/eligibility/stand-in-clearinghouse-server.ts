/**
 * Serves the STAND-IN clearinghouse (stand-in-clearinghouse.ts) over real HTTP on 127.0.0.1, for the
 * demo (`IOP_ELIGIBILITY_PROVIDER=simulated`) and tests. Node only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createStandInClearinghouse, type StandInOptions } from './stand-in-clearinghouse.js';

const DOCUMENTS_DIR = fileURLToPath(new URL('./stand-in-documents/', import.meta.url));

/** Every recorded response document by file name. */
export function standInDocumentsFromDisk(dir = DOCUMENTS_DIR): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(`${dir}${name}`, 'utf8')]));
}

export interface RunningStandIn {
  /** Base URL to configure the clearinghouse provider with. */
  readonly url: string;
  close(): Promise<void>;
}

/** Port 0 picks a free port. */
export function startStandInClearinghouse(options: Omit<StandInOptions, 'documents'> & { port?: number }): Promise<RunningStandIn> {
  const standIn = createStandInClearinghouse({ ...options, documents: standInDocumentsFromDisk() });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request) => standIn.fetch(request), port: options.port ?? 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            standIn.close();
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
