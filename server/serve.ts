/**
 * `npm run serve`: the production server. It refuses to start without DATABASE_URL and the data
 * key (IOP_DATA_KEY or IOP_DATA_KEYS), applies migrations under an advisory lock, never seeds demo
 * data and serves the API, /healthz, /readyz and the CDN bundle (no demo pages).
 */
import { exitOnStartFailure, runServer } from './run-server.js';

runServer({ production: true }).catch(exitOnStartFailure);
