// The stdio frame guard: well-formed frames pass byte for byte however the bytes are
// chunked; a frame without Content-Length is dropped and the stream resynchronises.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameGuard } from '../../server/src/frameGuard';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

function through(input: Buffer, chunkSizes: number[]): { out: Buffer; dropped: string[] } {
  const dropped: string[] = [];
  const g = new FrameGuard((why) => dropped.push(why));
  const out: Buffer[] = [];
  g.on('data', (d: Buffer) => out.push(d));
  let i = 0;
  for (let k = 0; i < input.length; k++) {
    const n = chunkSizes[k % chunkSizes.length];
    g.write(input.subarray(i, i + n));
    i += n;
  }
  return { out: Buffer.concat(out), dropped };
}

test('frames pass through unchanged for every chunking, including a 1 MB body in 64 KB reads', () => {
  const good =
    frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"x":"é✓"}}') + frame('') + frame('{"jsonrpc":"2.0","method":"exit"}');
  for (const sizes of [[1], [2], [3], [7], [64], [1, 5, 13]]) {
    const r = through(Buffer.from(good), sizes);
    assert.equal(r.out.toString(), good, `chunks ${sizes}`);
    assert.deepEqual(r.dropped, []);
  }
  const big = frame(`{"text":"${'x'.repeat(1 << 20)}"}`);
  assert.equal(through(Buffer.from(big), [65536]).out.toString(), big);
});

test('a frame without Content-Length is dropped, with its body, and the next frame comes through', () => {
  const next = frame('{"jsonrpc":"2.0","id":2,"method":"shutdown"}');
  const input = `X-Bogus: 1\r\n\r\n{"jsonrpc":"2.0","method":"noise"}${next}`;
  for (const sizes of [[1], [4], [1000]]) {
    const r = through(Buffer.from(input), sizes);
    assert.equal(r.out.toString(), next, `chunks ${sizes}`);
    assert.deepEqual(r.dropped, ['a message without a Content-Length header']);
  }
});
