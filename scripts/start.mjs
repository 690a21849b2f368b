// `npm start`: build the CDN bundle when it is missing or stale, then run the reference server with the demo
// center site. Works on a fresh clone with no environment variables.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const bundle = 'dist/cdn/iop-widgets.js';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Newest modification time under a folder: a bundle older than its sources is rebuilt. */
function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < newestIn('src');
if (stale) {
  console.log(`${bundle} is missing or older than src/: running npm run build ...`);
  const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(bundle)) {
    console.error(
      `\nCould not build ${bundle} (npm run build ${build.status === 0 ? 'did not produce it' : 'failed'}).\n` +
        'Starting the server anyway: the API works, but the demo pages will show no widgets until the bundle exists.\n',
    );
  }
}

// The demo shows every insurance outcome with fake payer answers unless told otherwise.
const env = { ...process.env, IOP_ELIGIBILITY_PROVIDER: process.env.IOP_ELIGIBILITY_PROVIDER ?? 'simulated' };
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
