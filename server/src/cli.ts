// Entry point of the tidb-lint command (and of its worker threads, which run this same file).
import { runCli, runWorker } from './cli/run';
import { workerSetup } from './cli/workers';

function readStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

const setup = workerSetup();
if (setup) {
  void runWorker(setup);
} else {
  // Write everything before exiting: process.exit() can cut off piped stdout.
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  }).then((code) => {
    process.exitCode = code;
  });
}
