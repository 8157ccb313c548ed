// Text appended as UTF-8 straight into a growing byte buffer: a chunk's rows
// then never form a long JavaScript string (a rope of hundreds of pieces that
// survives garbage collections and is copied twice more to be encoded).
const utf8 = new TextEncoder();

export class ByteSink {
  private buf: Uint8Array<ArrayBuffer>;
  private used = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  append(text: string): void {
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    const need = this.used + 3 * text.length;
    if (need > this.buf.length) {
      const bigger = new Uint8Array(Math.max(need, 2 * this.buf.length));
      bigger.set(this.buf.subarray(0, this.used));
      this.buf = bigger;
    }
    this.used += utf8.encodeInto(text, this.buf.subarray(this.used)).written;
  }

  /** The bytes so far, on a buffer of their own (to transfer); the sink starts again, as large. */
  take(): Uint8Array<ArrayBuffer> {
    const out = this.buf.slice(0, this.used);
    this.used = 0;
    return out;
  }
}
