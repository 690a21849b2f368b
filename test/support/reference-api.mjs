// The reference API server for browser tests: started fresh (new data directory, seeded demo
// center, simulated eligibility: the stand-in clearinghouse over HTTP) when the test runner starts, and reached through the dev server
// at /api/iop/ so pages under test talk to it same-origin, as a center's own site would.
import { request } from 'node:http';
import { startReferenceServer } from './reference-server-process.mjs';

/** Staff token for tests that read what the server stored. */
export const testStaffToken = 'test-staff-token-0123456789abcdef';

export function createReferenceApi() {
  let ready;

  return {
    plugin: {
      name: 'reference-api',
      async serverStart() {
        ready = startReferenceServer({
          env: {
            IOP_STAFF_TOKEN: testStaffToken,
            // Component tests write far more than a person would.
            IOP_RATE_LIMIT_WRITES_PER_MINUTE: '100000',
          },
        });
        // Surface a failed start on the first request rather than as an unhandled rejection. Browsers
        // start only once the server listens: on a busy machine its start-up outlasts a test's timeout.
        await ready.catch(() => {});
      },
      async serverStop() {
        (await ready?.catch(() => undefined))?.stop();
      },
    },
    async middleware(ctx, next) {
      if (!ctx.path.startsWith('/api/iop/') || !ready) return next();
      const { port } = await ready;
      ctx.respond = false;
      await new Promise((resolve) => {
        const upstream = request(
          { host: '127.0.0.1', port, method: ctx.req.method, path: ctx.req.url, headers: { ...ctx.req.headers, host: `127.0.0.1:${port}` } },
          (response) => {
            ctx.res.writeHead(response.statusCode ?? 502, response.headers);
            response.pipe(ctx.res);
            response.once('end', resolve);
          },
        );
        upstream.once('error', () => {
          if (!ctx.res.headersSent) ctx.res.writeHead(502);
          ctx.res.end();
          resolve();
        });
        ctx.req.pipe(upstream);
      });
    },
  };
}
