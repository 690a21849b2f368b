/**
 * `GET /api/iop/origin-check`: tells a widget on any page whether the API accepts that page's
 * origin. It answers every origin (`Access-Control-Allow-Origin: *`, no credentials), so a widget
 * on a site that is not yet allowed (console > settings > embedding, or IOP_ALLOWED_ORIGINS) can say so in words its web admin understands
 * instead of failing like a lost connection. It returns the origin and a yes or no: nothing else.
 */
import type { Context, Hono } from 'hono';
import { OriginCheck } from '../../src/api/schemas.js';
import type { AppEnv } from './app-env.js';

export function mountOriginCheck(app: Hono<AppEnv>, basePath: string, allowedOrigins: (c: Context<AppEnv>) => Promise<ReadonlySet<string>>): void {
  app.get(`${basePath}origin-check`, async (c) => {
    const allowed = await allowedOrigins(c);
    c.set('route', 'GET origin-check');
    const origin = c.req.header('origin') ?? null;
    // No Origin: a same-origin request (or not a browser), which needs no entry.
    const body = OriginCheck.parse({ origin, allowed: origin === null || allowed.has(origin) });
    return c.json(body, 200, { 'access-control-allow-origin': '*', 'cache-control': 'no-store', vary: 'origin' });
  });
}
