/**
 * The queue's search words as an index: for every start of a word up to KEPT letters, the rows
 * that have a word starting so. A search then looks only at the rows its words' starts name
 * instead of every row's words: at 100,000 cases a keystroke scanned 15 million characters. With
 * only one- and two-letter starts kept, a typed «2026» or «8501» still read the words of nearly
 * every row (every case number starts «20…»); with four, a query word of up to four letters is
 * answered by the index alone and a longer one is checked against the few rows its first four
 * name. Same answers as the scan (a query word matches when it starts a word of the row), which
 * stays the fallback while the index is being built.
 */

/** What the index needs of a row: its place among the rows of one load and its search words. */
export interface Searchable {
  /** Position in the rows the index was made for (0 … size-1). */
  readonly ordinal: number;
  /** ' word word … ', as queueModel builds it. */
  haystack?: string;
}

/** The longest word start the index keeps. */
export const KEPT = 4;

type Postings = Map<string, number[]>;

const EMPTY: readonly number[] = [];

export class SearchIndex {
  private readonly postings: Postings = new Map();
  private readonly haystacks: Array<string | undefined>;
  private indexed = 0;

  constructor(readonly size: number) {
    this.haystacks = new Array<string | undefined>(size);
  }

  get complete(): boolean {
    return this.indexed === this.size;
  }

  /** Adds a row (once; a second call for the same row does nothing). */
  add(ordinal: number, haystack: string): void {
    if (this.haystacks[ordinal] !== undefined) return;
    this.haystacks[ordinal] = haystack;
    this.indexed += 1;
    for (const word of haystack.split(' ')) {
      const longest = Math.min(word.length, KEPT);
      for (let n = 1; n <= longest; n++) this.post(word.slice(0, n), ordinal);
    }
  }

  private post(key: string, ordinal: number): void {
    const list = this.postings.get(key);
    // Rows are added one at a time, so a row's second word with the same start is the list's last.
    if (!list) this.postings.set(key, [ordinal]);
    else if (list[list.length - 1] !== ordinal) list.push(ordinal);
  }

  /**
   * Marks (1) the rows every query word starts a word of; undefined while the index is incomplete.
   * The words are taken fewest rows first, and each later word looks only at its own rows that the
   * earlier ones left marked, so the work is the size of the words' row lists, not of the queue.
   */
  match(words: readonly string[]): Uint8Array | undefined {
    if (!this.complete) return undefined;
    const lists = words
      .map((word) => ({ word, rows: this.postings.get(word.slice(0, KEPT)) ?? EMPTY }))
      .sort((a, b) => a.rows.length - b.rows.length);
    let marks: Uint8Array | undefined;
    for (const { word, rows } of lists) {
      const next = new Uint8Array(this.size);
      const needle = ` ${word}`;
      const checked = word.length > KEPT;
      for (const ordinal of rows) {
        if (marks && marks[ordinal] === 0) continue;
        if (!checked || (this.haystacks[ordinal] as string).includes(needle)) next[ordinal] = 1;
      }
      marks = next;
    }
    return marks;
  }
}
