// A synthetic EXPLAIN ANALYZE table of n operators (nested hash joins over readers and
// scans), for the plan viewer's scale test and the benchmark.
export function synthPlan(n: number): string {
  const rows: string[] = [];
  let id = 1;
  // a left-deep chain of joins: each join's Build side is a reader over a scan, the Probe side continues
  const joins = Math.max(1, Math.floor((n - 1) / 3));
  const pad = (d: number, last: boolean, label = '') => ({ prefix: d === 0 ? '' : `${'  '.repeat(d - 1)}${last ? '└─' : '├─'}`, label });
  let depth = 0;
  for (let j = 0; j < joins && rows.length < n - 2; j++) {
    const p = pad(depth, true);
    rows.push(
      `| ${p.prefix}HashJoin_${id++}${depth ? '(Probe)' : ''} | ${1000 * (j + 1)}.00 | ${900 * (j + 1)} | root | | time:${(joins - j) * 3}ms, loops:${j + 2}, build_hash_table:{total:1ms, fetch:1ms, build:0s} | inner join, equal:[eq(t${j}.id, t${j + 1}.id)] | ${j + 1}.5 MB | N/A |`,
    );
    const b = `${'  '.repeat(depth)}├─`;
    rows.push(
      `| ${b}TableReader_${id++}(Build) | 100.00 | ${90 + j} | root | | time:1ms, loops:2, cop_task: {num: 1, max: 1ms, p95: 1ms} | data:TableFullScan_${id} | 1 KB | N/A |`,
    );
    rows.push(
      `| ${'  '.repeat(depth)}│ └─TableFullScan_${id++} | 100.00 | ${90 + j} | cop[tikv] | table:t${j} | tikv_task:{time:1ms, loops:1} | keep order:false | N/A | N/A |`,
    );
    depth++;
  }
  rows.push(
    `| ${'  '.repeat(depth - 1)}└─TableReader_${id++}(Probe) | 10.00 | 10 | root | | time:1ms, loops:2 | data:TableFullScan_${id} | 1 KB | N/A |`,
  );
  rows.push(
    `| ${'  '.repeat(depth)}└─TableFullScan_${id++} | 10.00 | 10 | cop[tikv] | table:last | tikv_task:{time:1ms, loops:1} | keep order:false | N/A | N/A |`,
  );
  const header = '| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |';
  return `${header}\n${rows.join('\n')}\n`;
}
