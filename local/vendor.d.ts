// Types for the untyped packages the local runtime and the acceptance test use, as far as they use them.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    verbose?: boolean;
    debug?: boolean;
  }
  function dynalite(options?: DynaliteOptions): Server;
  export default dynalite;
}

declare module 's3rver' {
  import type { Server } from 'node:http';
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }
  class S3rver {
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    httpServer?: Server;
  }
  export default S3rver;
}

declare module 'aws-ses-v2-local/dist/store.js' {
  export function clearStore(): void;
}

declare module 'mailparser' {
  /** An address header: its addresses, as mailparser gives them. */
  interface AddressObject {
    value: { address?: string; name: string }[];
    text: string;
  }
  interface ParsedMail {
    subject?: string;
    text?: string;
    html?: string | false;
    to?: AddressObject | AddressObject[];
    cc?: AddressObject | AddressObject[];
    from?: AddressObject;
  }
  export function simpleParser(source: Buffer | string): Promise<ParsedMail>;
}
