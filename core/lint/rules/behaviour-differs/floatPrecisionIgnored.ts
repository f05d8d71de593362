import { columnSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const FLOATS = new Set(['FLOAT', 'DOUBLE', 'REAL', 'FLOAT4', 'FLOAT8']);

export default defineRule({
  id: 'float-precision-ignored',
  category: 'behaviour-differs',
  severity: 'hint',
  versions: 'all',
  explanation:
    'The docs list precision for floating-point types as unsupported; it is deprecated in MySQL 8.0. Per the TiDB source, values are truncated/rounded to (M,D) on the cast path much like MySQL, so the practical risk is the deprecation and edge-case rounding differences rather than wholesale different results (not verified on a live cluster).',
  fix: 'Quick fix: use DECIMAL(M,D).',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote:
    'Specifying precision for floating-point types. MySQL 8.0 deprecates this feature, and it is recommended to use the `DECIMAL` type instead.',
  quoteStatus: 'verified',
  tags: ['deprecated'],
  examples: {
    flagged: [
      'ALTER TABLE sensors ADD COLUMN h FLOAT(5,2) NULL;',
      'CREATE TABLE measurements (id BIGINT AUTO_RANDOM PRIMARY KEY, temperature FLOAT(5,2), pressure DOUBLE(10,4));',
      'CREATE TABLE m (id BIGINT PRIMARY KEY, t FLOAT(5,2) UNSIGNED, p double precision(10, 4), r real(12,6), ok FLOAT(24), d DOUBLE);',
    ],
    clean: ["CREATE TABLE t (id BIGINT PRIMARY KEY, c VARCHAR(10) DEFAULT '(x)');"],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    for (const { col } of columnSites(ctx)) {
      const t = col.type;
      if (!t || !FLOATS.has(t.name) || t.args.length !== 2 || !t.argsRange) continue;
      const [open, close] = t.argsRange;
      const m = Number(t.args[0]);
      const d = Number(t.args[1]);
      const shown = s.text(t.tok, close);
      let fix;
      if (Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 65 && d >= 0 && d <= 30 && d <= m) {
        const dec = `${s.word(t.tok) === s.text(t.tok) ? 'DECIMAL' : 'decimal'}(${m},${d})`;
        fix = { title: l10n.t('Use {0}', dec.toUpperCase()), edits: [ctx.replaceTokens(t.tok, close, dec)], safe: false };
      }
      void open;
      ctx.report(
        [t.tok, close],
        l10n.t(
          'Column {0} {1}: TiDB documents precision for floating-point types as unsupported (MySQL 8.0 deprecates it), and rounding can differ from MySQL. Use DECIMAL({2},{3}) for exact values, or plain {4}.',
          col.name,
          shown,
          t.args[0],
          t.args[1],
          t.name === 'REAL' ? 'DOUBLE' : t.name,
        ),
        fix,
      );
    }
  },
});
