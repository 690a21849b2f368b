// A fault-injecting stand-in for the center's API, served by the test runner's dev server over
// real HTTP. Tests address it with an api-base of `/fault/<scenario>/<run>/`, where <run> is a
// fresh id per test so counters never leak between tests.
//
//   ok                 valid answers (GET programs, GET payers, POST intakes, POST callback-requests)
//   seq-500-500-200    answers the statuses in turn, then the last one for ever
//   retry-after-1      429 with `Retry-After: 1`, then ok
//   in-progress        a write's first attempt gets 409 `idempotency-in-progress` with `Retry-After: 1`
//                      (as the reference server answers while the first request runs), then ok
//   slow-<ms>          waits <ms> before answering
//   malformed          200 with a body that is not JSON
//   wrong-shape        200 with JSON that breaks the contract
//   conflict           409 problem, code slot-taken
//   invalid            422 problem, code validation
//   switch             ok, or a dropped connection while `POST /fault/control/<run>?offline=1` is set
//   held               ok, but no answer until `POST /fault/control/<run>?release=1` (what shows before the network answers)
//
// `GET /fault/stats/<run>` reports requests seen and deliveries per Idempotency-Key: a write is
// "delivered" the first time its key is seen; repeats are replayed, as the reference server does.

const runs = new Map();

function runState(run) {
  if (!runs.has(run)) runs.set(run, { requests: 0, offline: false, released: false, held: [], keys: new Map(), bodies: [], keysSeen: [] });
  return runs.get(run);
}

const center = { name: 'Juniper Ridge Recovery', phone: '+1 303 555 0100', timeZone: 'America/Denver' };
const programs = {
  center,
  programs: [
    {
      id: 'iop-evening',
      name: 'Evening IOP',
      kind: 'iop',
      tracks: [
        {
          id: 'evening',
          name: 'Evening track',
          audience: 'general',
          meetings: [
            { day: 1, start: '18:00', end: '21:00' },
            { day: 3, start: '18:00', end: '21:00' },
            { day: 4, start: '18:00', end: '21:00' },
          ],
          timeZone: 'America/Denver',
          weeks: 10,
          hoursPerWeek: 9,
          format: 'hybrid',
          languages: ['en', 'es'],
          startDates: ['2026-12-07'],
          seatsLeft: 4,
        },
      ],
    },
  ],
};
const payers = { payers: [{ id: 'aetna', name: 'Aetna', aliases: [], memberIdRule: 'generic', inNetwork: true }] };

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function problem(res, status, code, headers) {
  json(res, status, { type: 'about:blank', title: `Test problem ${status}`, status, code }, headers);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function answerOk(req, res, path, state, body) {
  if (req.method === 'GET' && path === 'programs') return json(res, 200, programs);
  if (req.method === 'GET' && path === 'payers') return json(res, 200, payers);
  if (req.method === 'POST' && (path === 'intakes' || path === 'callback-requests')) {
    const key = req.headers['idempotency-key'];
    if (!key) return problem(res, 400, 'validation');
    const known = state.keys.get(key);
    if (known) {
      known.replays += 1;
      return json(res, 201, known.response);
    }
    const response = { id: `r${state.keys.size + 1}`, status: 'received', receivedAt: new Date().toISOString() };
    state.keys.set(key, { response, replays: 0 });
    state.bodies.push(body);
    return json(res, 201, response);
  }
  return problem(res, 404, 'not-found');
}

/** Koa middleware for the test runner's dev server (`middleware` runs before static files). */
export async function faultApiMiddleware(ctx, next) {
  const match = /^\/fault\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)\/?(.*)$/.exec(ctx.path);
  if (!match) return next();
  const [, scenario, run, path] = match;
  const { req, res } = ctx;
  ctx.respond = false;

  if (scenario === 'stats') {
    const state = runState(run);
    const deliveries = Object.fromEntries([...state.keys].map(([key, v]) => [key, { replays: v.replays }]));
    return json(res, 200, { requests: state.requests, delivered: state.keys.size, deliveries, bodies: state.bodies, keysSeen: state.keysSeen });
  }
  if (scenario === 'control') {
    const state = runState(run);
    if (ctx.query.release === '1') {
      state.released = true;
      for (const answer of state.held.splice(0)) answer();
    } else state.offline = ctx.query.offline === '1';
    return json(res, 200, { offline: state.offline, released: state.released });
  }

  const state = runState(run);
  state.requests += 1;
  const body = req.method === 'POST' ? await readBody(req) : '';
  const attempt = state.requests;
  const key = req.headers['idempotency-key'];
  if (req.method === 'POST') state.keysSeen.push(key ?? null);

  if (scenario === 'switch' && state.offline) return req.socket.destroy();
  if (scenario === 'held' && !state.released) await new Promise((resolve) => state.held.push(resolve));
  if (scenario.startsWith('seq-')) {
    const statuses = scenario.slice(4).split('-').map(Number);
    const status = statuses[Math.min(attempt, statuses.length) - 1];
    if (status >= 400) return problem(res, status, status >= 500 ? 'internal' : 'validation');
    return answerOk(req, res, path, state, body);
  }
  if (scenario.startsWith('retry-after-')) {
    if (attempt === 1) return problem(res, 429, 'rate-limited', { 'retry-after': scenario.slice(12) });
    return answerOk(req, res, path, state, body);
  }
  if (scenario.startsWith('slow-')) {
    await new Promise((resolve) => setTimeout(resolve, Number(scenario.slice(5))));
    if (res.destroyed) return;
    return answerOk(req, res, path, state, body);
  }
  if (scenario === 'malformed') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"center": {"name": "Juniper');
  }
  if (scenario === 'wrong-shape') return json(res, 200, { center: { name: 42 }, programs: 'none' });
  if (scenario === 'in-progress' && req.method === 'POST' && state.keysSeen.filter((seen) => seen === key).length === 1) {
    return problem(res, 409, 'idempotency-in-progress', { 'retry-after': '1' });
  }
  if (scenario === 'conflict') return problem(res, 409, 'slot-taken');
  if (scenario === 'invalid') return problem(res, 422, 'validation');
  return answerOk(req, res, path, state, body);
}
