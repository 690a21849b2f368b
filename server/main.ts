/**
 * `npm start` runs this (through scripts/start.mjs): the API under /api/iop/ and the demo center
 * site at /, on one port, on PGlite unless DATABASE_URL is set, seeded with the demo center.
 * Configuration is environment variables only (see config.ts).
 */
import { exitOnStartFailure, runServer } from './run-server.js';

runServer({ production: false }).catch(exitOnStartFailure);
