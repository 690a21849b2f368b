// `npm start`: build the CDN bundle when it is missing, then run the reference server with the demo
// center site. Works on a fresh clone with no environment variables.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const bundle = 'dist/cdn/iop-widgets.js';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(bundle)) {
  console.log(`${bundle} is missing: running npm run build ...`);
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
