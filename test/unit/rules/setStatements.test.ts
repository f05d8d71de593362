import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, at, only } from '../../helpers';
import { mine } from './onlyRulesOf';

test('optimizer-trace: SET optimizer_trace[_*] and information_schema.OPTIMIZER_TRACE', () => {
  const a = "SET SESSION optimizer_trace = 'enabled=on,one_line=on';";
  assert.equal(at(a, only(a, 'optimizer-trace')[0]), "SESSION optimizer_trace = 'enabled=on,one_line=on'");
  assert.deepEqual(mine('set @@optimizer_trace_max_mem_size = 1000000;'), ['optimizer-trace']);
  const b = 'SELECT QUERY, TRACE FROM INFORMATION_SCHEMA.`OPTIMIZER_TRACE`;';
  assert.equal(at(b, only(b, 'optimizer-trace')[0]), 'INFORMATION_SCHEMA.`OPTIMIZER_TRACE`');
  assert.deepEqual(mine('USE information_schema;\nSELECT trace FROM optimizer_trace;'), ['optimizer-trace']);
  // a SET GLOBAL of it is reported by optimizer-trace only
  assert.deepEqual(mine("SET GLOBAL optimizer_trace = 'enabled=on';"), ['optimizer-trace']);
});

test('optimizer-trace: reads, other schemas and user tables named like it are fine', () => {
  assert.deepEqual(mine('SELECT @@optimizer_trace;'), []);
  assert.deepEqual(mine('SELECT trace FROM app.optimizer_trace WHERE id = 1;'), []);
  assert.deepEqual(mine('SELECT trace FROM optimizer_trace WHERE id = 1;'), []);
  assert.deepEqual(mine("SET @optimizer_trace = 'x';"), []);
});

test('set-persist: SET PERSIST / PERSIST_ONLY / @@PERSIST.x and RESET PERSIST, with a SET GLOBAL fix', () => {
  const a = 'SET PERSIST long_query_time = 2, slow_query_log = ON;';
  const fa = only(a, 'set-persist');
  assert.equal(fa.length, 1);
  assert.equal(at(a, fa[0]), 'PERSIST long_query_time = 2');
  assert.equal(fa[0].fix?.safe, true);
  assert.equal(applyFix(a, fa[0]), 'SET GLOBAL long_query_time = 2, slow_query_log = ON;');

  const b = 'set persist_only innodb_buffer_pool_size = 8589934592;';
  const fb = only(b, 'set-persist');
  assert.equal(fb[0].fix?.safe, false);
  assert.equal(applyFix(b, fb[0]), 'set global innodb_buffer_pool_size = 8589934592;');

  const c = 'SET @@PERSIST.long_query_time = 2, @@persist_only.`sort_buffer_size` = 1;';
  const fc = only(c, 'set-persist');
  assert.deepEqual(
    fc.map((x) => at(c, x)),
    ['@@PERSIST.long_query_time', '@@persist_only.`sort_buffer_size`'],
  );
  assert.equal(applyFix(c, fc[0]), 'SET @@GLOBAL.long_query_time = 2, @@persist_only.`sort_buffer_size` = 1;');
  assert.equal(applyFix(c, fc[1]), 'SET @@PERSIST.long_query_time = 2, @@global.`sort_buffer_size` = 1;');

  // instance-local variables: SET GLOBAL does not persist them, so the fix is not applied automatically
  const d = 'SET PERSIST max_connections = 500;';
  const fd = only(d, 'set-persist');
  assert.equal(fd[0].fix?.safe, false);
  assert.match(fd[0].message, /configuration file/);

  const e = 'RESET PERSIST IF EXISTS long_query_time;';
  assert.equal(at(e, only(e, 'set-persist')[0]), 'RESET PERSIST');
  assert.deepEqual(mine('SET PERSIST x = 1;'), ['set-persist']);
});

test('set-persist: SET GLOBAL/SESSION and user variables named persist are fine', () => {
  assert.deepEqual(mine('SET SESSION long_query_time = 2;\nSET @persist = 1;\nSELECT @@persist_only_x;'), []);
});

test('read-only-sysvar-set: read_only, super_read_only, offline_mode, sql_auto_is_null set to ON', () => {
  const sql = 'SET GLOBAL read_only = ON;\nset @@global.super_read_only = 1;\nSET GLOBAL offline_mode = TRUE;\nSET sql_auto_is_null = 1;';
  const f = only(sql, 'read-only-sysvar-set');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['GLOBAL read_only = ON', '@@global.super_read_only = 1', 'GLOBAL offline_mode = TRUE', 'sql_auto_is_null = 1'],
  );
  assert.match(f[0].message, /tidb_super_read_only/);
  assert.match(f[3].message, /LAST_INSERT_ID/);
  // not also set-global-persisted: the statement fails
  assert.deepEqual(mine("SET GLOBAL read_only = 'ON';"), ['read-only-sysvar-set']);
});

test("read-only-sysvar-set: OFF, reads and TiDB's own switches are fine", () => {
  assert.deepEqual(mine('SET GLOBAL read_only = OFF;\nSET GLOBAL super_read_only = 0;\nSET sql_auto_is_null = FALSE;'), []);
  assert.deepEqual(
    mine('SET GLOBAL tidb_super_read_only = ON;\nSET GLOBAL tidb_restricted_read_only = ON;\nSELECT @@read_only, @@super_read_only;'),
    [],
  );
  assert.deepEqual(mine('SET @read_only = 1;'), []);
});

test('optimizer-switch-ignored: SET [SESSION|GLOBAL] optimizer_switch', () => {
  const a = "set optimizer_switch='derived_merge=off';";
  assert.equal(at(a, only(a, 'optimizer-switch-ignored')[0]), "optimizer_switch='derived_merge=off'");
  assert.deepEqual(mine("SET @@SESSION.optimizer_switch = 'mrr=on';"), ['optimizer-switch-ignored']);
  assert.deepEqual(mine("SET GLOBAL optimizer_switch = 'mrr=on';"), ['optimizer-switch-ignored']);
  assert.deepEqual(mine("SELECT @@optimizer_switch;\nSET @optimizer_switch = 'x';"), []);
});

test('set-global-persisted: SET GLOBAL / @@GLOBAL. of MySQL variables', () => {
  const a = "SET GLOBAL time_zone = '+00:00', innodb_lock_wait_timeout = 120;";
  const fa = only(a, 'set-global-persisted');
  assert.deepEqual(
    fa.map((x) => at(a, x)),
    ["GLOBAL time_zone = '+00:00'", 'innodb_lock_wait_timeout = 120'],
  );
  assert.match(fa[0].message, /time_zone/);
  assert.deepEqual(mine('set @@global.max_execution_time = 30000;'), ['set-global-persisted']);
  assert.deepEqual(mine("SET GLOBAL transaction_isolation = 'READ-COMMITTED';"), ['set-global-persisted']);
  assert.deepEqual(mine('SET GLOBAL TRANSACTION ISOLATION LEVEL READ COMMITTED;'), ['set-global-persisted']);
});

test('set-global-persisted: session scope, tidb_*, instance-local and no-op variables are fine', () => {
  assert.deepEqual(
    mine("SET SESSION time_zone = '+00:00';\nSET time_zone = '+00:00';\nSET @@time_zone = 'UTC';\nSET @@session.sql_mode = '';"),
    [],
  );
  assert.deepEqual(mine("SET GLOBAL tidb_txn_mode = 'pessimistic';\nSET @@GLOBAL.TiDB_slow_log_threshold = 2000;"), []);
  assert.deepEqual(mine('SET GLOBAL max_connections = 2000;\nSET GLOBAL ddl_slow_threshold = 500;'), []);
  assert.deepEqual(mine("SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/ 'b2c4a1de-1f2e-11ef-9a4c-0242ac120002:1-88231';"), []);
  // reported by the rule for the failing statement instead
  assert.deepEqual(mine('SET GLOBAL TRANSACTION ISOLATION LEVEL SERIALIZABLE;'), ['unsupported-isolation-level']);
  assert.deepEqual(mine('SET GLOBAL TRANSACTION READ ONLY;'), ['read-only-transaction']);
  assert.deepEqual(mine("/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;"), []);
});
