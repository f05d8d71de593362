// Before creating a local cluster: a reachable Docker daemon (`docker info` works,
// not merely `docker` on PATH) and `kind` on PATH. Each missing piece gets a message
// that says what to install or start, with a link. No VS Code imports.
import * as l10n from '@vscode/l10n';
import { CommandNotFoundError, type ProcessRunner } from './processRunner';

export interface Prerequisites {
  ok: boolean;
  dockerVersion?: string;
  kindVersion?: string;
  tiupVersion?: string;
  problems: Array<{ what: 'docker' | 'kind'; message: string; link: string }>;
}

export const LINKS = {
  docker: 'https://docs.docker.com/get-started/get-docker/',
  kind: 'https://kind.sigs.k8s.io/docs/user/quick-start/#installation',
  tiup: 'https://docs.pingcap.com/tidb/stable/tiup-overview',
};

const firstLine = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean) ?? '';

export async function checkPrerequisites(run: ProcessRunner): Promise<Prerequisites> {
  const out: Prerequisites = { ok: false, problems: [] };
  try {
    const d = await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 20_000 });
    const version = d.stdout.trim();
    if (d.code === 0 && version && !/error/i.test(version)) out.dockerVersion = version;
    else {
      const why = firstLine(d.stderr || d.stdout);
      out.problems.push({
        what: 'docker',
        message: why
          ? l10n.t(
              'Docker is installed but its daemon is not reachable ({0}). Start Docker Desktop, or run "sudo systemctl start docker" and make sure your user may use it ("docker info" must work).',
              why,
            )
          : l10n.t(
              'Docker is installed but its daemon is not reachable. Start Docker Desktop, or run "sudo systemctl start docker" and make sure your user may use it ("docker info" must work).',
            ),
        link: LINKS.docker,
      });
    }
  } catch (e) {
    if (!(e instanceof CommandNotFoundError)) throw e;
    out.problems.push({
      what: 'docker',
      message: l10n.t(
        'Docker is not installed (no "docker" on PATH). kind runs Kubernetes in Docker containers: install Docker Desktop or Docker Engine.',
      ),
      link: LINKS.docker,
    });
  }
  try {
    const k = await run('kind', ['version'], { timeoutMs: 10_000 });
    const m = /kind (v[\w.+-]+)/.exec(k.stdout);
    if (k.code === 0 && m) out.kindVersion = m[1];
    else
      out.problems.push({
        what: 'kind',
        message: l10n.t('"kind version" failed ({0}). Reinstall kind.', firstLine(k.stderr || k.stdout) || `exit ${k.code}`),
        link: LINKS.kind,
      });
  } catch (e) {
    if (!(e instanceof CommandNotFoundError)) throw e;
    out.problems.push({
      what: 'kind',
      message: l10n.t(
        'kind is not installed (no "kind" on PATH). Install it (for example "go install sigs.k8s.io/kind@latest" or the release binary) and try again.',
      ),
      link: LINKS.kind,
    });
  }
  try {
    const t = await run('tiup', ['--version'], { timeoutMs: 10_000 });
    if (t.code === 0) out.tiupVersion = firstLine(t.stdout);
  } catch {
    // tiup is optional
  }
  out.ok = out.problems.length === 0;
  return out;
}
