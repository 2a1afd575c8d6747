// `npm run fuzz`: the seeded UI fuzz at length, on the build in dist/ (or E2E_DIST): 10,000 events unless
// FUZZ_EVENTS says otherwise, as two runs of 5,000 from two seeds side by side (FUZZ_RUNS), or one run from
// FUZZ_SEED (to replay one).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, FUZZ_EVENTS: process.env.FUZZ_EVENTS ?? '10000', FUZZ_RUNS: process.env.FUZZ_RUNS ?? '2' };
const r = spawnSync('node', ['scripts/e2e.mjs', 'tests/e2e/fuzz.spec.ts', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
