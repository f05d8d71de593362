// BR through SQL: statements, storage URLs, redaction; progress rows from the TiDB docs
// (TiDB cannot run here, so SHOW BACKUPS and the BACKUP result are the docs' outputs).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  backupSql,
  hasCredentials,
  LOCAL_WARNING,
  parseBackupResult,
  parseShowBrie,
  redactUrl,
  restoreSql,
  storageUrl,
} from '../../client/src/backup/br/brSql';
import { BackupHistory } from '../../client/src/backup/history';
import { readFixtureTable } from '../helpers/mysqlTable';

const fixture = (f: string) => readFixtureTable(path.join(import.meta.dirname, '../fixtures/tidb-docs', f));

test('storage URLs: S3-compatible with endpoint and path style, gcs, azure, local (absolute only)', () => {
  assert.equal(
    storageUrl({ kind: 's3', bucket: 'backups', prefix: '/2026/12/', endpoint: 'http://minio:9000', accessKey: 'AK', secretKey: 's/e+c' }),
    's3://backups/2026/12?endpoint=http%3A%2F%2Fminio%3A9000&force-path-style=true&access-key=AK&secret-access-key=s%2Fe%2Bc',
  );
  assert.equal(storageUrl({ kind: 's3', bucket: 'my-bucket', prefix: 'x', region: 'us-west-2' }), 's3://my-bucket/x?region=us-west-2');
  assert.equal(storageUrl({ kind: 'gcs', bucket: 'b', prefix: 'p', credentialsFile: '/k.json' }), 'gcs://b/p?credentials-file=%2Fk.json');
  assert.equal(
    storageUrl({ kind: 'azure', container: 'c', prefix: 'p', accountName: 'acct', accountKey: 'KEY' }),
    'azure://c/p?account-name=acct&account-key=KEY',
  );
  assert.equal(storageUrl({ kind: 'local', path: '/mnt/backup/2020/04/' }), 'local:///mnt/backup/2020/04/');
  assert.throws(() => storageUrl({ kind: 'local', path: 'relative' }), /must be absolute/);
  assert.throws(() => storageUrl({ kind: 's3', bucket: 'Bad_Bucket', prefix: '' }), /not a valid S3 bucket/);
  assert.match(LOCAL_WARNING, /each TiKV node/);
});

test('credentials never shown: redacted in every place a URL is displayed', () => {
  const url = storageUrl({
    kind: 's3',
    bucket: 'backups',
    prefix: 'p',
    endpoint: 'https://s3.example',
    accessKey: 'AKIAXXXX',
    secretKey: 'topsecret',
  });
  const r = redactUrl(url);
  assert.ok(!r.includes('AKIAXXXX') && !r.includes('topsecret'));
  assert.match(r, /access-key=\*\*\*&secret-access-key=\*\*\*/);
  assert.match(r, /endpoint=https%3A%2F%2Fs3.example/);
  assert.equal(
    redactUrl('azure://c/p?account-name=a&account-key=K&sas-token=T'),
    'azure://c/p?account-name=a&account-key=***&sas-token=***',
  );
});

test('redaction by a normalised key set: a table of tricky URLs and connection strings', () => {
  // every key, token and password below is a made-up placeholder (AK1, SK1, PLACEHOLDER…), never a real credential
  const cases: Array<[string, string[]]> = [
    ['s3://b/p?access_key=AK1&secret_access_key=SK1', ['AK1', 'SK1']],
    ['s3://b/p?Access%2DKey=AK2&secret%5Faccess%5Fkey=SK2', ['AK2', 'SK2']],
    ['s3://b/p?AccessKey=AK3&SecretAccessKey=SK3&SessionToken=ST3', ['AK3', 'SK3', 'ST3']],
    ['s3://b/p?session_token=ST4&region=us-east-1', ['ST4']],
    ['s3://b/p? access-key = AK5 & secret-access-key = SK5', ['AK5', 'SK5']],
    ['s3://b/p;access-key=AK6;secret-access-key=SK6', ['AK6', 'SK6']],
    ['azure://c/p?account_name=acct&account_key=AZK7&sas_token=SAS7', ['AZK7', 'SAS7']],
    ['azblob://c/p?sv=2021&sig=SIG8&se=2030', ['SIG8']],
    ['DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=AZK9;EndpointSuffix=core.windows.net', ['AZK9']],
    ['s3://PLACEHOLDERUSER:PLACEHOLDERPW10@bucket/p', ['PLACEHOLDERPW10']],
    ["BACKUP DATABASE `d` TO 's3://PLACEHOLDERUSER:PLACEHOLDERPW12@bucket/p'", ['PLACEHOLDERPW12']],
    ["BACKUP failed: stat 's3://b/p?access-key=AK13&secret-access-key=SK13': forbidden", ['AK13', 'SK13']],
    ['https://b.s3.amazonaws.com/k?X-Amz-Credential=CRED11&X-Amz-Signature=SIG11&X-Amz-Security-Token=TOK11', ['CRED11', 'SIG11', 'TOK11']],
  ];
  for (const [url, secrets] of cases) {
    const r = redactUrl(url);
    for (const sec of secrets) assert.ok(!r.includes(sec), `${url} -> ${r} still shows ${sec}`);
    assert.ok(hasCredentials(url), url);
    assert.ok(!hasCredentials(r), `redacted ${r} still has credentials`);
  }
  // what is not a secret stays readable
  assert.equal(
    redactUrl('s3://b/p?region=us-east-1&endpoint=http%3A%2F%2Fminio%3A9000&force-path-style=true'),
    's3://b/p?region=us-east-1&endpoint=http%3A%2F%2Fminio%3A9000&force-path-style=true',
  );
  assert.equal(redactUrl('azure://c/p?account_name=acct'), 'azure://c/p?account_name=acct');
});

test('the backups view refuses a record whose location still carries a credential, in any spelling', async () => {
  const h = new BackupHistory({ get: (_k: string, d: unknown) => d, update: async () => undefined } as never);
  const rec = (location: string) => ({
    id: '1',
    method: 'br' as const,
    createdAt: '2026-01-01',
    connection: 'c',
    server: 's',
    databases: ['d'],
    location,
  });
  for (const bad of ['s3://b/p?secret_access_key=X', 's3://b/p?Secret%2DAccess%2DKey=X', 'azure://c/p;AccountKey=X', 's3://u:pw@b/p'])
    await assert.rejects(h.add(rec(bad)), /credentials/, bad);
  await h.add(rec(redactUrl('s3://b/p?secret_access_key=X')));
});

test('BACKUP and RESTORE statements with options, identifiers escaped, the URL as a string literal', () => {
  assert.equal(
    backupSql({ databases: ['test'] }, 'local:///mnt/backup/2020/04/'),
    "BACKUP DATABASE `test` TO 'local:///mnt/backup/2020/04/'",
  );
  assert.equal(
    backupSql({ databases: '*' }, 's3://b/p', { rateLimitMB: 120, concurrency: 8, checksum: false }),
    "BACKUP DATABASE * TO 's3://b/p' RATE_LIMIT = 120 MB/SECOND CONCURRENCY = 8 CHECKSUM = FALSE",
  );
  assert.equal(
    backupSql({ tables: [{ database: 'shop', table: 'or`ders' }] }, 's3://b/p', { snapshot: { ago: 36, unit: 'HOUR' } }),
    "BACKUP TABLE `shop`.`or``ders` TO 's3://b/p' SNAPSHOT = 36 HOUR AGO",
  );
  assert.equal(
    backupSql({ databases: ['a'] }, "s3://b/it's", { snapshot: '2020-04-01 12:00:00' }),
    "BACKUP DATABASE `a` TO 's3://b/it\\'s' SNAPSHOT = '2020-04-01 12:00:00'",
  );
  assert.equal(
    backupSql({ databases: ['a'] }, 's3://b/p', { snapshot: 415685305958400 }),
    "BACKUP DATABASE `a` TO 's3://b/p' SNAPSHOT = 415685305958400",
  );
  assert.equal(
    restoreSql({ databases: ['test'] }, 's3://b/p', { concurrency: 4, snapshot: '2020-01-01' }),
    "RESTORE DATABASE `test` FROM 's3://b/p' CONCURRENCY = 4",
    'SNAPSHOT is backup-only',
  );
  assert.throws(() => backupSql({ databases: [] }, 's3://b/p'), /No databases/);
  assert.throws(() => backupSql({ databases: ['a'] }, 's3://b/p', { rateLimitMB: 1.5 }), /RATE_LIMIT/);
});

test('SHOW BACKUPS rows from the TiDB docs (show_backups.txt) and the BACKUP result (backup_result.txt)', () => {
  const [task] = parseShowBrie(fixture('show_backups.txt'));
  assert.deepEqual(task, {
    destination: 's3://example-bucket/backup-01/',
    state: 'Backup',
    progress: 98.38,
    queueTime: '2020-04-12 23:09:03',
    executionTime: '2020-04-12 23:09:25',
    finishTime: null,
    connection: 4,
    message: null,
  });
  const done = parseBackupResult(fixture('backup_result.txt')[0]);
  assert.deepEqual(done, {
    destination: 'local:///mnt/backup/2020/04/',
    size: 248665063,
    backupTs: '416099531454472',
    queueTime: '2020-04-12 23:09:48',
    executionTime: '2020-04-12 23:09:48',
  });
});

test('a BR run: progress from SHOW BACKUPS matched by connection id, the result read, cancel sends KILL TIDB QUERY, credentials redacted in errors', async () => {
  const { runBr, restoreConflicts } = await import('../../client/src/backup/br/brRunner');
  const shown = fixture('show_backups.txt');
  const sent: string[] = [];
  let finish!: (rows: Array<Record<string, unknown>>) => void;
  const progress: number[] = [];
  const run = runBr({
    kind: 'backup',
    sql: "BACKUP DATABASE `test` TO 's3://b/p?secret-access-key=S3CRET'",
    task: {
      threadId: 4,
      query: (sql) => {
        sent.push(sql);
        return new Promise((res) => (finish = res));
      },
    },
    control: {
      query: async (sql) => {
        sent.push(sql);
        return [{ ...shown[0], Connection: '9', Progress: '1' }, ...shown];
      },
    },
    pollMs: 10,
    onProgress: (t) => progress.push(t.progress),
  });
  await new Promise((r) => setTimeout(r, 50));
  finish(fixture('backup_result.txt'));
  const res = await run;
  assert.deepEqual(res, { size: 248665063, backupTs: '416099531454472', destination: 'local:///mnt/backup/2020/04/' });
  assert.ok(progress.length >= 1 && progress.every((p) => p === 98.38), `only connection 4's task: ${progress}`);
  assert.ok(sent.includes('SHOW BACKUPS'));
  // cancel
  const ac = new AbortController();
  const killed: unknown[] = [];
  const p2 = runBr({
    kind: 'restore',
    sql: 'RESTORE DATABASE `test` FROM ...',
    task: {
      threadId: 7,
      query: () =>
        new Promise((_, rej) =>
          ac.signal.addEventListener('abort', () =>
            setTimeout(() => rej(new Error('Query execution was interrupted, storage s3://b/p?secret-access-key=S3CRET')), 5),
          ),
        ),
    },
    control: {
      query: async (sql, values) => {
        killed.push([sql, values]);
        return [];
      },
    },
    pollMs: 1000,
    signal: ac.signal,
  });
  ac.abort();
  await assert.rejects(p2, (e: Error & { cancelled: boolean }) => {
    assert.equal(e.cancelled, true);
    assert.match(e.message, /^Cancelled: the restore task was killed/);
    assert.ok(!e.message.includes('S3CRET'));
    return true;
  });
  assert.deepEqual(killed, [['KILL TIDB QUERY ?', [7]]]);
  const conflicts = await restoreConflicts({ query: async (_s, v) => ((v as string[])[0] === 'shop' ? [{ t: 'orders' }] : []) }, [
    'shop',
    'empty',
  ]);
  assert.deepEqual(conflicts, ['shop.orders']);
});
