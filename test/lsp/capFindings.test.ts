// A document past MAX_DIAGNOSTICS shows the most severe findings, in document order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../core/lint/engine';
import type { Severity } from '../../core/lint/rule';
import { capFindings, MAX_DIAGNOSTICS } from '../../server/src/features/diagnostics';

const f = (i: number, severity: Severity): Finding => ({ ruleId: 'r', severity, message: String(i), start: i, end: i + 1 });

test('past the cap: every error, then warnings in document order up to the cap, nothing less severe', () => {
  const sev: Severity[] = ['hint', 'warning', 'error', 'info'];
  const all = Array.from({ length: MAX_DIAGNOSTICS * 2 }, (_, i) => f(i, sev[i % 4]));
  const shown = capFindings(all);
  assert.equal(shown.length, MAX_DIAGNOSTICS);
  const errors = all.filter((x) => x.severity === 'error');
  const warnings = all.filter((x) => x.severity === 'warning').slice(0, MAX_DIAGNOSTICS - errors.length);
  assert.deepEqual(
    shown.map((x) => x.start),
    [...errors, ...warnings].map((x) => x.start).sort((a, b) => a - b),
  );
  assert.equal(capFindings(all.slice(0, 10)).length, 10);
});
