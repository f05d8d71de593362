/** The English bundle of the sources (every l10n.t / vscode.l10n.t string), keys sorted. */
export function englishBundle(root?: string): Promise<Record<string, string | { message: string; comment: string[] }>>;
export const SOURCE_DIRS: string[];
