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
        // The dev server awaits this hook, so no test starts before the API listens: on a busy machine the
        // first start (initdb of a fresh PGlite) can take longer than one test's timeout. A failed start
        // fails the run here, with the server's output, instead of as a timeout in whichever test came first.
        await ready;
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
