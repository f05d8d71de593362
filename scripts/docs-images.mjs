// npm run docs:images: runs the real-VS-Code tests (which take the screenshots) and
// copies the ones README's tour shows into docs/images/. Nothing here is drawn by hand.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'test-artifacts', 'e2e');
const to = path.join(root, 'docs', 'images');
// tour picture <- screenshot the e2e test saves
const pictures = {
  'quick-fix.png': 'quick-fix-menu.png',
  'plan-viewer.png': 'plan-viewer.png',
  'explorer.png': 'explorer.png',
  'results-grid.png': 'results-grid.png',
  'backup.png': 'backup.png',
  'performance.png': 'performance-kill-confirmation.png',
  'schema-compare.png': 'schema-compare.png',
  'zh-cn-problems.png': 'zh-cn-problems.png',
  'zh-cn-plan-viewer.png': 'zh-cn-plan-viewer.png',
  'zh-cn-explorer.png': 'zh-cn-explorer.png',
  'zh-cn-results-grid.png': 'zh-cn-results-grid.png',
};
for (const shot of Object.values(pictures)) fs.rmSync(path.join(from, shot), { force: true });
const r = spawnSync(process.execPath, ['test/run.mjs', 'e2e/e2e'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('docs:images: the e2e tests failed; docs/images/ is unchanged.');
  process.exit(r.status ?? 1);
}
fs.mkdirSync(to, { recursive: true });
for (const [picture, shot] of Object.entries(pictures)) {
  const src = path.join(from, shot);
  if (!fs.existsSync(src)) {
    console.error(`docs:images: the e2e tests did not save ${shot}`);
    process.exit(1);
  }
  fs.copyFileSync(src, path.join(to, picture));
  console.log(`docs/images/${picture} <- test-artifacts/e2e/${shot} (${Math.round(fs.statSync(src).size / 1024)} KB)`);
}
