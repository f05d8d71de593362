// Offsets <-> line/column, in one place. Lines and columns are 0-based here;
// the CLI adds 1 where its formats want 1-based positions.

export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    // Lines end as editors and LSP end them: at \r\n, \n or a lone \r.
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      let i = text.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    } else {
      const eol = /\r\n?|\n/g;
      for (let m = eol.exec(text); m; m = eol.exec(text)) starts.push(m.index + m[0].length);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): { line: number; character: number } {
    const line = this.lineAt(offset);
    return { line, character: offset - this.starts[line] };
  }

  offsetAt(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line] + character, line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length);
  }

  lineStart(line: number): number {
    return this.starts[Math.min(line, this.starts.length - 1)];
  }
}
