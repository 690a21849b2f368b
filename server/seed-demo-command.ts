/**
 * `npm run seed-demo`: loads the fictional demo center (Juniper Ridge Recovery) into DATABASE_URL
 * (or the development PGlite directory), e.g. for a staging copy. A production start never seeds.
 *
 *   npm run seed-demo                  seeds an unconfigured database; refuses a configured center
 *   npm run seed-demo -- --replace     replaces a configured center's setup with the demo's, as an
 *                                      import would (one transaction, versioned, keeps the embedding
 *                                      origins; refused while bookings or RSVPs name what it removes)
 */
import { readServerConfig } from './config.js';
import { DEFAULT_RULES } from './app.js';
import { openConfiguredDatabase } from './node-runtime.js';
import { demoSetup, seedDemoCenter } from './seed/seed-demo-center.js';
import { applyImport, isConfigured, readSection, settingsOverview } from './settings/center-settings.js';
import { ProblemError } from './http/problem.js';

async function run(args: string[]): Promise<number> {
  const replace = args.includes('--replace');
  const unknown = args.filter((arg) => arg !== '--replace');
  if (unknown.length) {
    console.error('Usage: npm run seed-demo [-- --replace]');
    return 2;
  }
  const db = await openConfiguredDatabase(readServerConfig(process.env));
  try {
    if (!(await isConfigured(db))) {
      await seedDemoCenter(db);
      console.log('Seeded the demo center (Juniper Ridge Recovery).');
      return 0;
    }
    if (!replace) {
      console.error('This database already has a configured center: nothing changed. To overwrite its setup with the demo center, run: npm run seed-demo -- --replace');
      return 1;
    }
    const context = { defaultNoticeMinutes: DEFAULT_RULES.minimumNoticeMinutes };
    const now = new Date();
    const { revision } = await settingsOverview(db);
    const result = await applyImport(db, revision, demoSetup(now, await readSection(db, 'embedding', context)), context, { id: null, label: 'npm run seed-demo' }, now);
    console.log(`Replaced the center's setup with the demo center (${result.changes.length} changes, revision ${result.revision}).`);
    return 0;
  } catch (error) {
    if (error instanceof ProblemError) {
      console.error(`Refused: ${error.problem.detail ?? error.problem.code}`);
      for (const problem of error.problem.errors ?? []) console.error(`  ${problem.pointer}: ${problem.detail}`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
