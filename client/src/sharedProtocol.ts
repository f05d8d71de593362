// The one copy of the language-server protocol types the three extension bundles use: this bundle's
// (the language client's own), published for features.js and kube.js (see esbuild.mjs, sharedProtocol).
import * as protocol from 'vscode-languageserver-protocol';

(globalThis as Record<symbol, unknown>)[Symbol.for('tidb-toolkit.vscode-languageserver-protocol')] = protocol;
