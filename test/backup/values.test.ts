// The logical backup's row formatter: text-protocol row payloads in, VALUES tuples out,
// byte for byte. The round trip through a real server is in test/db/backup.test.ts; these
// cases pin the protocol's length forms and the escapes, which a small table would not reach.
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { test } from 'node:test';
import { HashWorker } from '../../client/src/backup/logical/hashWorker';
import { quote, TableChecksum, TupleWriter, ValueKind, valueKind } from '../../client/src/backup/logical/values';

const { Text: T, Binary: B, Number: N } = ValueKind;

/** A text-protocol row payload: each value length-encoded, 0xfb for NULL. */
function payload(values: Array<Buffer | string | null>): Buffer {
  const parts: Buffer[] = [];
  for (const v of values) {
    if (v === null) {
      parts.push(Buffer.from([0xfb]));
      continue;
    }
    const b = typeof v === 'string' ? Buffer.from(v) : v;
    const n = b.length;
    if (n < 251) parts.push(Buffer.from([n]));
    else if (n < 1 << 16) parts.push(Buffer.from([0xfc, n & 255, n >> 8]));
    else if (n < 1 << 24) parts.push(Buffer.from([0xfd, n & 255, (n >> 8) & 255, n >> 16]));
    else {
      const h = Buffer.alloc(9);
      h[0] = 0xfe;
      h.writeBigUInt64LE(BigInt(n), 1);
      parts.push(h);
    }
    parts.push(b);
  }
  return Buffer.concat(parts);
}

function tuple(kinds: ValueKind[], values: Array<Buffer | string | null>): string {
  const w = new TupleWriter(kinds);
  // the payload sits inside a bigger buffer, as a packet does in a socket chunk
  const p = Buffer.concat([Buffer.from('junk'), payload(values), Buffer.from('more')]);
  w.addPayload(p, 4, p.length - 4);
  return w.lastRow().toString('latin1');
}

test('NULL, empty strings, the text NULL; numbers bare, as the server printed them', () => {
  assert.equal(
    tuple(
      [T, T, T, N, N, N, N],
      [null, '', 'NULL', '18446744073709551615', '-0.000000000000000000000000000001', '1.7976931348623157e308', null],
    ),
    "(NULL,'','NULL',18446744073709551615,-0.000000000000000000000000000001,1.7976931348623157e308,NULL)",
  );
  assert.deepEqual(['BIGINT', 'decimal', 'double', 'float', 'year', 'bit', 'varbinary', 'json', 'enum', 'datetime'].map(valueKind), [
    N,
    N,
    N,
    N,
    T,
    B,
    B,
    T,
    T,
    T,
  ]);
});

test('strings escaped the way quote() escapes them, for every byte that needs it', () => {
  const hostile = 'a\'b"c\\d\0e\nf\rg\bh\ti\x1aj%_';
  assert.equal(tuple([T], [hostile]), `(${quote(hostile)})`);
  assert.equal(tuple([T], [hostile]), "('a\\'b\\\"c\\\\d\\0e\\nf\\rg\\bh\\ti\\Zj%_')");
});

test('UTF-8 passes through untouched (no byte of a multi-byte character is escaped)', () => {
  const s = "😀 naïve 中文 ' Ω";
  const out = new TupleWriter([T]);
  const p = payload([s]);
  out.addPayload(p, 0, p.length);
  assert.equal(out.lastRow().toString('utf8'), `(${quote(s)})`);
});

test('binary columns as lower-case hex, empty ones as an empty string, NULL as NULL', () => {
  assert.equal(tuple([B, B, B], [Buffer.from([0x00, 0x27, 0x5c, 0xff]), Buffer.alloc(0), null]), "(0x00275cff,'',NULL)");
});

test('every length form of the protocol: 1 byte, 0xfc, 0xfd, 0xfe', () => {
  for (const n of [250, 251, 65535, 65536, (1 << 24) + 3]) {
    const v = Buffer.alloc(n, 0x61);
    v[n - 1] = 0x27;
    const w = new TupleWriter([T, B], Buffer.alloc(0), 16);
    const p = payload([v, Buffer.from([n & 255])]);
    w.addPayload(p, 0, p.length);
    const out = w.lastRow();
    assert.equal(out.length, 1 + 1 + (n - 1) + 2 + 1 + 1 + 4 + 1, `length ${n}`);
    assert.equal(out.subarray(out.length - 10).toString(), `a\\'',0x${(n & 255).toString(16).padStart(2, '0')})`);
  }
});

test('statements: head, rows joined by ",\\n", terminator; the writer starts over after take()', () => {
  const w = new TupleWriter([T], Buffer.from('INSERT INTO t (a) VALUES\n'));
  for (const v of ['1', '2', '3']) {
    const p = payload([v]);
    w.addPayload(p, 0, p.length);
  }
  assert.equal(w.rows, 3);
  assert.equal(w.body().toString(), "('1'),\n('2'),\n('3')");
  assert.equal(w.take(';\n').toString(), "INSERT INTO t (a) VALUES\n('1'),\n('2'),\n('3');\n");
  assert.equal(w.rows, 0);
  const p = payload(['4']);
  w.addPayload(p, 0, p.length);
  assert.equal(w.take(';\n').toString(), "INSERT INTO t (a) VALUES\n('4');\n");
});

test('a payload that does not match the columns is an error, not a wrong row', () => {
  const w = new TupleWriter([T, T]);
  const one = payload(['x']);
  assert.throws(() => w.addPayload(one, 0, one.length), /fewer than 2 values/);
  const three = payload(['x', 'y', 'z']);
  assert.throws(() => w.addPayload(three, 0, three.length), /more than 2 values/);
  const cut = payload(['xyz', 'abc']);
  assert.throws(() => w.addPayload(cut, 0, cut.length - 1), /shorter than its lengths/);
  assert.throws(() => w.addPayload(Buffer.from([0xff, 0x00]), 0, 2), /bad length byte 0xff/);
});

test('ordered checksum: SHA-1 over every tuple followed by ",\\n", however the rows are batched, here or on a worker thread', async () => {
  const rows = ['1', "it's", null, '😀'].map((v) => payload([v]));
  const expected = crypto.createHash('sha1').update("('1'),\n('it\\'s'),\n(NULL),\n('😀'),\n").digest('hex').slice(0, 16);
  const worker = new HashWorker();
  for (const [batch, where] of [
    [1, 'here'],
    [2, 'here'],
    [4, 'here'],
    [1, 'worker'],
    [3, 'worker'],
  ] as const) {
    const sum = new TableChecksum('ordered', where === 'worker' ? worker.stream() : undefined);
    const w = new TupleWriter([T]);
    rows.forEach((p, k) => {
      w.addPayload(p, 0, p.length);
      if ((k + 1) % batch === 0) {
        sum.addBody(w.body(), w.rows);
        w.take();
      }
    });
    sum.addBody(w.body(), w.rows);
    assert.throws(() => sum.value, /before finish/);
    await sum.finish();
    assert.equal(sum.rows, 4);
    assert.equal(sum.value, expected, `batches of ${batch}, ${where}`);
  }
  await worker.close();
});

test('order-free checksum: the same rows in any order give the same value, a changed row does not', () => {
  const sumOf = (values: string[]) => {
    const sum = new TableChecksum('sum64');
    const w = new TupleWriter([T]);
    for (const v of values) {
      const p = payload([v]);
      w.addPayload(p, 0, p.length);
      sum.add(w.lastRow());
    }
    return sum.value;
  };
  assert.equal(sumOf(['a', 'b', 'c']), sumOf(['c', 'a', 'b']));
  assert.notEqual(sumOf(['a', 'b', 'c']), sumOf(['a', 'b', 'd']));
  assert.notEqual(sumOf(['a', 'b']), sumOf(['a', 'b', 'b']));
});
