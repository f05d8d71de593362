import assert from 'node:assert/strict';
import { test } from 'node:test';
import { split } from '../../core/sql/splitter';
import { STATEMENT_KINDS, Stmt } from '../../core/sql/statement';

const kindOf = (sql: string) => {
  const { statements } = split(sql);
  assert.equal(statements.length, 1, sql);
  return new Stmt(sql, statements[0]).kind;
};

const SAMPLE: Record<string, string> = {
  '(': '(SELECT 1) UNION (SELECT 2)',
  WITH: 'WITH c AS (SELECT 1) SELECT * FROM c',
  VALUES: 'VALUES ROW(1)',
};

test('classify() produces every statement kind a rule may filter on (a kind no statement has would silently disable a rule)', () => {
  for (const kind of STATEMENT_KINDS) assert.equal(kindOf(SAMPLE[kind] ?? `${kind} x`), kind, kind);
});

test('statement kinds: SCHEMA reads as DATABASE, modifiers before the object are skipped, other words are their own kind', () => {
  assert.equal(kindOf('CREATE SCHEMA s'), 'CREATE DATABASE');
  assert.equal(kindOf('DROP TEMPORARY TABLE IF EXISTS t'), 'DROP TABLE');
  assert.equal(kindOf('CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`u`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1'), 'CREATE VIEW');
  assert.equal(kindOf('ALTER ONLINE TABLE t ADD c INT'), 'ALTER TABLE');
  assert.equal(kindOf('SHOW TABLES'), 'SHOW');
});
