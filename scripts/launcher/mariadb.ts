// A real MySQL-protocol server for the tests and the `npm start` demo: Debian's
// MariaDB, started on a temporary data directory and a free loopback port,
// stopped (and the directory removed) afterwards.
import { execFileSync, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as mysql from 'mysql2/promise';
import { cleanEnv, freePort } from './env';

export interface MariaDb {
  port: number;
  /** a password-authenticated user with all privileges, created for the test run */
  user: string;
  password: string;
  /** root over the unix socket, for setup */
  admin(): Promise<mysql.Connection>;
  stop(): Promise<void>;
}

const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => fs.existsSync(p));
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((p) => fs.existsSync(p));

/** Why MariaDB cannot be started here, or undefined when it can. */
export function mariaDbMissing(): string | undefined {
  if (!MARIADBD || !INSTALL_DB) return 'MariaDB is not installed (Debian package mariadb-server)';
  return undefined;
}

export async function startMariaDb(): Promise<MariaDb> {
  if (!MARIADBD || !INSTALL_DB) throw new Error('MariaDB is not installed: apt-get install -y mariadb-server (.ci/run installs it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-maria-'));
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'mysqld.sock');
  const user = os.userInfo().username;
  execFileSync(
    INSTALL_DB,
    ['--no-defaults', `--datadir=${data}`, `--user=${user}`, '--auth-root-authentication-method=socket', '--skip-test-db'],
    { stdio: 'pipe', env: cleanEnv() },
  );
  const port = await freePort();
  const proc = spawn(
    MARIADBD,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${socket}`,
      `--user=${user}`,
      '--skip-name-resolve',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=32M',
      `--pid-file=${path.join(dir, 'mysqld.pid')}`,
      `--log-error=${path.join(dir, 'error.log')}`,
      '--max-connections=200',
      '--table-open-cache=2000',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_general_ci',
    ],
    { stdio: 'ignore', detached: true, env: cleanEnv() },
  );
  const admin = () => mysql.createConnection({ socketPath: socket, user: 'root' });
  // wait until it accepts connections (it writes the socket when ready)
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null)
      throw new Error(
        `mariadbd exited with ${proc.exitCode}: ${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8').slice(-2000) : ''}`,
      );
    try {
      const c = await admin();
      await c.end();
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('mariadbd did not accept connections within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const password = crypto.randomBytes(12).toString('base64url');
  const c = await admin();
  await c.query(`CREATE USER 'tk'@'%' IDENTIFIED BY ?`, [password]);
  await c.query(`GRANT ALL PRIVILEGES ON *.* TO 'tk'@'%' WITH GRANT OPTION`);
  await c.end();
  return {
    port,
    user: 'tk',
    password,
    admin,
    async stop() {
      await new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
        setTimeout(() => {
          try {
            process.kill(-proc.pid!, 'SIGKILL');
          } catch {
            // gone
          }
          resolve();
        }, 15_000).unref();
      });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
