// How loud a finding is: the LSP's four diagnostic severities.
export type Severity = 'error' | 'warning' | 'info' | 'hint';
