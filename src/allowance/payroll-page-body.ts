import { Transform, TransformCallback } from 'node:stream';

/** Binary COPY file signature (PostgreSQL docs, "Binary Format"), then 32-bit flags and header-extension length. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;
const COMMA = Buffer.from(',');
/** Items are sent in chunks of about this size: pg-copy-streams hands over one row at a time. */
const CHUNK = 64 * 1024;

export interface PayrollPageFrame {
  /** Everything before the first item, e.g. `{"month":"2026-03","status":"OPEN","items":[`. */
  head: string;
  limit: number;
  /** Everything after the last item; `lastNip` is the NIP of the page's last item when a next page exists. */
  tail(lastNip: string | null): string;
}

/**
 * The JSON body of a payroll page, written as the rows arrive. Reads a binary COPY of (nip, item)
 * tuples — item is the line's JSON text built by PostgreSQL — and passes each item's bytes through
 * between the head and the tail: no decoding, no string, no re-serialisation, and only the rows in
 * flight in memory. Of `limit + 1` tuples the last only says that a next page exists.
 */
export class PayrollPageBody extends Transform {
  private pending: Buffer | null = null;
  private headerRead = false;
  private trailerRead = false;
  private rows = 0;
  private lastNip: string | null = null;
  private out: Buffer[] = [];
  private outBytes = 0;

  constructor(private readonly frame: PayrollPageFrame) {
    super({ highWaterMark: 256 * 1024 });
    this.push(Buffer.from(frame.head));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    let off = 0;
    if (!this.headerRead) {
      if (buf.length < HEADER || buf.length < HEADER + buf.readUInt32BE(HEADER - 4)) {
        this.pending = buf;
        done();
        return;
      }
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
        done(new Error('not a binary COPY stream'));
        return;
      }
      off = HEADER + buf.readUInt32BE(HEADER - 4);
      this.headerRead = true;
    }
    while (!this.trailerRead && buf.length - off >= 2) {
      const fields = buf.readInt16BE(off);
      if (fields === -1) {
        this.trailerRead = true;
        off += 2;
        break;
      }
      if (fields !== 2) {
        done(new Error(`binary COPY: ${fields} fields, expected 2`));
        return;
      }
      let p = off + 2;
      if (buf.length - p < 4) break;
      const nipLength = buf.readInt32BE(p);
      p += 4;
      if (nipLength < 0) {
        done(new Error('binary COPY: null nip'));
        return;
      }
      if (buf.length - p < nipLength + 4) break;
      const nipAt = p;
      p += nipLength;
      const itemLength = buf.readInt32BE(p);
      p += 4;
      if (itemLength < 0) {
        done(new Error('binary COPY: null item'));
        return;
      }
      if (buf.length - p < itemLength) break;
      if (this.rows < this.frame.limit) {
        if (this.rows > 0) this.out.push(COMMA);
        this.out.push(buf.subarray(p, p + itemLength));
        this.outBytes += itemLength + 1;
        this.lastNip = buf.toString('latin1', nipAt, nipAt + nipLength);
      }
      this.rows++;
      off = p + itemLength;
    }
    this.pending = off < buf.length ? buf.subarray(off) : null;
    if (this.outBytes >= CHUNK) this.pushOut();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.trailerRead || this.pending) {
      done(new Error('binary COPY stream ended early'));
      return;
    }
    this.out.push(Buffer.from(this.frame.tail(this.rows > this.frame.limit ? this.lastNip : null)));
    this.pushOut();
    done();
  }

  private pushOut(): void {
    this.push(Buffer.concat(this.out));
    this.out = [];
    this.outBytes = 0;
  }
}
