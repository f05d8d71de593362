// Runs every test/**/*.test.ts with Node's test runner (TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import { glob } from 'tinyglobby';

const filter = process.argv.slice(2);
let files = (await glob('test/**/*.test.ts', { ignore: ['**/node_modules/**'] })).sort();
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('test/run.mjs: no test files matched');
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
