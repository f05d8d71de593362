// Compare Schema… in VS Code: two sides (a database on a connection, or a folder of .sql files), the
// result as a tree (only in source / only in target / different), each table's CREATE TABLE side by
// side in VS Code's diff editor, and the sync script as a SQL document on the target's connection
// (linted like any other, run through the production guard).
import * as vscode from 'vscode';
import { diffSchemas, isEmpty, migration, migrationScript, type SchemaDiff } from '../../../core/schemaDiff/diff';
import type { SchemaModel, SequenceModel, TableModel, ViewModel } from '../../../core/schemaDiff/model';
import type { Unreplayed } from '../../../core/schemaDiff/replay';
import type { CommandTable } from '../commandTable';
import type { ConnectionManager } from '../connections/manager';
import { listDatabases } from '../explorer/catalog';
import type { DdlDocuments } from '../explorer/commands';
import type { DocumentConnections } from '../query/documentConnection';
import { type ApplyOutcome, applyStatements, describeJob, scriptStatements } from './apply';
import { readSide } from './cli';
import { liveSchema, rowCounts } from './load';

export const VIEW_ID = 'tidb.schemaCompare';
const DDL_SCHEME = 'tidb-ddl';

interface Side {
  label: string;
  model: SchemaModel;
  connectionId?: string;
  flavor?: 'tidb' | 'mysql' | 'mariadb';
  rows?: Map<string, number>;
  unreplayed?: Unreplayed[];
}

type Element =
  | {
      kind: 'group';
      which: 'source' | 'target' | 'changed';
      tables: TableModel[];
      views: ViewModel[];
      sequences: SequenceModel[];
      label: string;
    }
  | { kind: 'table'; which: 'source' | 'target' | 'changed'; table: { name: string }; detail: string; object?: 'view' | 'sequence' };

export class SchemaCompareView implements vscode.TreeDataProvider<Element>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  source?: Side;
  target?: Side;
  diff?: SchemaDiff;

  set(source: Side, target: Side): SchemaDiff {
    this.source = source;
    this.target = target;
    this.diff = diffSchemas(source.model, target.model);
    this.changed.fire(undefined);
    return this.diff;
  }

  getTreeItem(e: Element): vscode.TreeItem {
    if (e.kind === 'group') {
      const n = e.tables.length + e.views.length + e.sequences.length;
      const item = new vscode.TreeItem(`${e.label} (${n})`, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(e.which === 'source' ? 'diff-added' : e.which === 'target' ? 'diff-removed' : 'diff-modified');
      return item;
    }
    const item = new vscode.TreeItem(e.table.name, vscode.TreeItemCollapsibleState.None);
    item.description = e.detail;
    item.iconPath = new vscode.ThemeIcon(e.object === 'view' ? 'eye' : e.object === 'sequence' ? 'symbol-number' : 'table');
    item.command = { command: 'tidb.schema.showDiff', title: vscode.l10n.t('Show Difference'), arguments: [e] };
    item.contextValue = 'schemaTable';
    return item;
  }

  getChildren(e?: Element): Element[] {
    const d = this.diff;
    if (!d || !this.source || !this.target) return [];
    if (!e) {
      if (isEmpty(d)) return [];
      const groups: Element[] = [];
      const v = d.views;
      const q = d.sequences;
      const group = (
        which: 'source' | 'target' | 'changed',
        tables: TableModel[],
        views: ViewModel[],
        sequences: SequenceModel[],
        label: string,
      ) => {
        if (tables.length || views.length || sequences.length) groups.push({ kind: 'group', which, tables, views, sequences, label });
      };
      group('source', d.onlyInSource, v.onlyInSource, q.onlyInSource, vscode.l10n.t('Only in {0}', this.source.label));
      group('target', d.onlyInTarget, v.onlyInTarget, q.onlyInTarget, vscode.l10n.t('Only in {0}', this.target.label));
      group(
        'changed',
        d.changed.map((c) => this.target!.model.tables.get(c.name.toLowerCase())!),
        v.changed,
        q.changed.map((c) => c.to),
        vscode.l10n.t('Different'),
      );
      return groups;
    }
    if (e.kind !== 'group') return [];
    const views = [
      ...e.views.map((view): Element => ({ kind: 'table', which: e.which, table: view, detail: vscode.l10n.t('view'), object: 'view' })),
      ...e.sequences.map(
        (seq): Element => ({ kind: 'table', which: e.which, table: seq, detail: vscode.l10n.t('sequence'), object: 'sequence' }),
      ),
    ];
    return [
      ...e.tables.map((table): Element => {
        const c = d.changed.find((x) => x.name.toLowerCase() === table.name.toLowerCase());
        const detail = c
          ? [
              c.addColumns.length ? vscode.l10n.t('+{0} columns', c.addColumns.length) : '',
              c.dropColumns.length ? vscode.l10n.t('−{0} columns', c.dropColumns.length) : '',
              c.modifyColumns.length ? vscode.l10n.t('{0} changed', c.modifyColumns.length) : '',
              c.addIndexes.length || c.dropIndexes.length ? vscode.l10n.t('indexes') : '',
              c.options ? vscode.l10n.t('options') : '',
              c.partition ? vscode.l10n.t('partitions') : '',
            ]
              .filter(Boolean)
              .join(', ')
          : vscode.l10n.t('{0} columns', table.columns.length);
        return { kind: 'table', which: e.which, table, detail };
      }),
      ...views,
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Scripted use (tests, tasks): a side named instead of picked. */
export type SideArg = { connectionId: string; database: string } | { folder: string };

async function sideOf(manager: ConnectionManager, a: SideArg): Promise<Side> {
  if ('folder' in a) {
    const s = await readSide(a.folder);
    return { label: a.folder, model: s.model, unreplayed: s.unreplayed };
  }
  const session = await manager.connect(a.connectionId);
  return {
    label: `${session.profile.name}/${a.database}`,
    model: await session.withMeta((q) => liveSchema(q as never, a.database)),
    connectionId: a.connectionId,
    flavor: session.server.flavor,
    rows: await session.withMeta((q) => rowCounts(q as never, a.database)),
  };
}

/** A side picked by the user: a database on a connection, or a folder of .sql files. */
async function pickSide(manager: ConnectionManager, role: 'source' | 'target'): Promise<Side | undefined> {
  const items = [
    ...manager.profiles().map((p) => ({ label: p.name, description: `${p.host}:${p.port}`, id: p.id as string | undefined })),
    { label: vscode.l10n.t('$(folder) Folder of .sql files…'), description: vscode.l10n.t('the DDL the repository holds'), id: undefined },
  ];
  const pick = await vscode.window.showQuickPick(items, {
    title:
      role === 'source'
        ? vscode.l10n.t('Compare Schema: the source (what the target should look like)')
        : vscode.l10n.t('Compare Schema: the target (what would change)'),
  });
  if (!pick) return;
  if (!pick.id) {
    const folder = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: true,
      filters: { SQL: ['sql'] },
      openLabel: role === 'source' ? vscode.l10n.t('Use as source') : vscode.l10n.t('Use as target'),
    });
    if (!folder?.[0]) return;
    const s = await readSide(folder[0].fsPath);
    return { label: vscode.workspace.asRelativePath(folder[0]), model: s.model, unreplayed: s.unreplayed };
  }
  const session = await manager.connect(pick.id);
  const dbs = await session.withMeta((q) => listDatabases(q));
  const db =
    dbs.length === 1 ? dbs[0] : await vscode.window.showQuickPick(dbs, { title: vscode.l10n.t('Which database on {0}?', pick.label) });
  if (!db) return;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0}', `${pick.label}/${db}`) },
    async () => ({
      label: `${pick.label}/${db}`,
      model: await session.withMeta((q) => liveSchema(q as never, db)),
      connectionId: pick.id,
      flavor: session.server.flavor,
      rows: await session.withMeta((q) => rowCounts(q as never, db)),
    }),
  );
}

export function schemaCompareCommands(
  manager: ConnectionManager,
  view: SchemaCompareView,
  ddl: DdlDocuments,
  docs: DocumentConnections,
): CommandTable {
  return {
    'tidb.schema.compare': async (args?: { source: SideArg; target: SideArg }) => {
      try {
        const source = args ? await sideOf(manager, args.source) : await pickSide(manager, 'source');
        if (!source) return;
        const target = args ? await sideOf(manager, args.target) : await pickSide(manager, 'target');
        if (!target) return;
        const d = view.set(source, target);
        await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
        warnUnreplayed([...(source.unreplayed ?? []), ...(target.unreplayed ?? [])]);
        const n =
          d.onlyInSource.length +
          d.onlyInTarget.length +
          d.changed.length +
          d.views.onlyInSource.length +
          d.views.onlyInTarget.length +
          d.views.changed.length +
          d.sequences.onlyInSource.length +
          d.sequences.onlyInTarget.length +
          d.sequences.changed.length;
        if (!args)
          void vscode.window
            .showInformationMessage(
              n === 1
                ? vscode.l10n.t('{0} object differs between {1} and {2}.', n, source.label, target.label)
                : n
                  ? vscode.l10n.t('{0} objects differ between {1} and {2}.', n, source.label, target.label)
                  : vscode.l10n.t('{0} matches {1}.', target.label, source.label),
              ...(n ? [vscode.l10n.t('Generate Sync Script')] : []),
            )
            .then((a) => a && vscode.commands.executeCommand('tidb.schema.generateSync'));
        return d;
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Compare Schema failed: {0}', (e as Error).message));
      }
    },
    'tidb.schema.showDiff': async (e?: Element) => {
      if (e?.kind !== 'table' || !view.source || !view.target) return;
      const uri = (side: Side, text: string) => {
        const u = vscode.Uri.from({
          scheme: DDL_SCHEME,
          path: `/compare/${encodeURIComponent(side.label)}/${encodeURIComponent(e.table.name)}.sql`,
        });
        ddl.set(u, text);
        return u;
      };
      const of = (side: Side) =>
        (e.object === 'view' ? side.model.views : e.object === 'sequence' ? side.model.sequences : side.model.tables).get(
          e.table.name.toLowerCase(),
        )?.createSql;
      const missing = (side: Side) => `-- ${vscode.l10n.t('{0} is not in {1}', e.table.name, side.label)}\n`;
      const left = uri(view.target, of(view.target) ? `${of(view.target)};\n` : missing(view.target));
      const right = uri(view.source, of(view.source) ? `${of(view.source)};\n` : missing(view.source));
      await vscode.commands.executeCommand('vscode.diff', left, right, `${e.table.name}: ${view.target.label} ↔ ${view.source.label}`);
    },
    /** Applies a sync script (the active editor's, on its connection): statement by statement, production asks first, DDL jobs followed on TiDB. */
    'tidb.schema.applySync': (args?: ApplyArgs) => applySync(manager, docs, args),
    'tidb.schema.generateSync': async (opts?: { drop?: boolean; assertInstant?: boolean }) => {
      if (!view.diff || !view.source || !view.target)
        return void vscode.window.showInformationMessage(vscode.l10n.t('Compare two schemas first (TiDB: Compare Schema…).'));
      let choice = opts;
      if (!choice) {
        const picks = await vscode.window.showQuickPick(
          [
            {
              label: vscode.l10n.t('Drop what the source lacks'),
              description: vscode.l10n.t('tables and columns only in the target (else listed as comments)'),
              key: 'drop',
            },
            {
              label: vscode.l10n.t('Assert ALGORITHM=INSTANT'),
              description: vscode.l10n.t('TiDB refuses a cheap step that would rewrite data'),
              key: 'assertInstant',
            },
          ],
          { canPickMany: true, title: vscode.l10n.t('Sync script options') },
        );
        if (!picks) return;
        choice = { drop: picks.some((p) => p.key === 'drop'), assertInstant: picks.some((p) => p.key === 'assertInstant') };
      }
      const steps = migration(view.diff, {
        flavor: view.target.flavor ?? 'tidb',
        drop: choice.drop,
        assertInstant: choice.assertInstant,
        rows: view.target.rows,
      });
      const content = migrationScript(steps, vscode.l10n.t('makes {0} like {1}', view.target.label, view.source.label));
      const doc = await vscode.workspace.openTextDocument({ language: 'sql', content });
      if (view.target.connectionId) await docs.set(doc.uri, view.target.connectionId);
      await vscode.window.showTextDocument(doc);
      return content;
    },
  };
}

/** Statements of a folder the compare could not replay: said, with where they are, so the user knows what the tree may miss. */
function warnUnreplayed(u: Unreplayed[]): void {
  if (!u.length) return;
  const first = u[0];
  const where = `${vscode.workspace.asRelativePath(first.file)}:${first.line}`;
  void vscode.window
    .showWarningMessage(
      u.length === 1
        ? vscode.l10n.t('{0} statement was not replayed (the compare may miss what they change): {1} {2}.', u.length, where, first.why)
        : vscode.l10n.t(
            '{0} statements were not replayed (the compare may miss what they change): {1} {2}, ….',
            u.length,
            where,
            first.why,
          ),
      vscode.l10n.t('Open'),
    )
    .then((a) => {
      if (a)
        void vscode.window.showTextDocument(vscode.Uri.file(first.file), {
          selection: new vscode.Range(first.line - 1, 0, first.line - 1, 0),
        });
    });
}

export interface ApplyArgs {
  text?: string;
  connectionId?: string;
  /** false: no confirmation (scripted use) */
  confirm?: false;
}

async function applySync(manager: ConnectionManager, docs: DocumentConnections, args?: ApplyArgs): Promise<ApplyOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  const text = args?.text ?? editor?.document.getText();
  const profile = args?.connectionId ? manager.store.get(args.connectionId) : editor ? await docs.resolve(editor.document.uri) : undefined;
  if (!text || !profile)
    return void vscode.window.showInformationMessage(vscode.l10n.t('Open a sync script (Generate Sync Script…) on its connection.'));
  const statements = scriptStatements(text);
  if (!statements.length)
    return void vscode.window.showInformationMessage(
      vscode.l10n.t('The script has no statements to apply (drops stay comments unless you asked for them).'),
    );
  if (args?.confirm !== false) {
    const n = statements.length;
    const question = profile.production
      ? n === 1
        ? vscode.l10n.t('{0} is a production connection. Apply {1} statement to {0}?', profile.name, n)
        : vscode.l10n.t('{0} is a production connection. Apply {1} statements to {0}?', profile.name, n)
      : n === 1
        ? vscode.l10n.t('Apply {0} statement to {1}?', n, profile.name)
        : vscode.l10n.t('Apply {0} statements to {1}?', n, profile.name);
    const apply = vscode.l10n.t('Apply');
    const ok = await vscode.window.showWarningMessage(
      question,
      {
        modal: true,
        detail: statements.slice(0, 12).join(';\n') + (n > 12 ? `;\n${vscode.l10n.t('…and {0} more', n - 12)}` : ';'),
      },
      apply,
    );
    if (ok !== apply) return;
  }
  const session = await manager
    .connect(profile.id)
    .catch((e: unknown) => void vscode.window.showErrorMessage(vscode.l10n.t('Could not connect: {0}', (e as Error).message)));
  if (!session) return;
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying to {0}', profile.name), cancellable: true },
    (progress, token) => {
      const ac = new AbortController();
      token.onCancellationRequested(() => ac.abort());
      return applyStatements(session, statements, {
        signal: ac.signal,
        onStep: (i, sql) =>
          progress.report({
            message: vscode.l10n.t('{0} of {1}: {2}', i + 1, statements.length, sql.slice(0, 80)),
            increment: 100 / statements.length,
          }),
        onProgress: (jobs) => jobs[0] && progress.report({ message: describeJob(jobs[0]) }),
      });
    },
  );
  const applied = outcome.applied.length;
  const total = statements.length;
  if (outcome.failed)
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        '{0} of {1} applied; stopped at: {2} — {3}. Not run: {4}.',
        applied,
        total,
        outcome.failed.sql.slice(0, 200),
        outcome.failed.message,
        outcome.notRun.length,
      ),
    );
  else if (outcome.cancelled)
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} of {1} applied; cancelled before the other {2}.', applied, total, outcome.notRun.length),
    );
  else
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} of {1} applied to {2}. Compare again to check.', applied, total, profile.name),
    );
  return outcome;
}
