// How dist/main.js loaded the activation bundle (client/src/main.ts writes it, extension.ts logs it).

export interface LoadReport {
  file: string;
  ms: number;
  codeCache: 'used' | 'rejected' | 'none' | 'failed';
}

const KEY = Symbol.for('tidb-toolkit.load-report');

export function setLoadReport(report: LoadReport): void {
  (globalThis as Record<symbol, LoadReport>)[KEY] = report;
}

export function loadReport(): LoadReport | undefined {
  return (globalThis as Record<symbol, LoadReport | undefined>)[KEY];
}
