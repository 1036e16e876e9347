// zip-stream ships no types; this is the part of its API the access package uses.
declare module 'zip-stream' {
  import { type Readable, Transform } from 'node:stream';
  export interface EntryData {
    name: string;
    date?: Date;
    store?: boolean;
  }
  export default class ZipStream extends Transform {
    constructor(options?: { zlib?: { level?: number }; forceZip64?: boolean });
    entry(source: Buffer | string | Readable | null, data: EntryData, callback: (err?: Error | null) => void): this;
    finish(): void;
  }
}
