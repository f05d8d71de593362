// Text that goes into a SQL comment (names of databases and tables, server versions,
// connection names) must not be able to end it: a newline would end a `--` comment and
// put the rest of a hostile name on a line of its own as SQL; `*/` would end a block
// comment. Line breaks and other control characters become visible escapes.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `s` made safe inside a `-- …` or `/* … *\/` comment. */
export function commentSafe(s: string): string {
  return s.replace(CONTROL, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`).replace(/\*\//g, '* /');
}
