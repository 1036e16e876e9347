import type { ExportWriter } from '../lib/exports';
import type { Processor } from '../lib/register';

/** Who the request is about, as the processor needs to find them. Personal data: never logged. */
export interface Subject {
  email: string;
  name?: string;
}

/** What an erasure did at a processor. */
export interface ErasureOutcome {
  recordCount: number;
}

/** One kind of processor (a DynamoDB store now; OpenDSR, email and manual join later). */
export interface ProcessorKind<P extends Processor = Processor> {
  /** Writes every record the processor holds on the subject to `out`. */
  exportData(processor: P, subject: Subject, out: ExportWriter): Promise<void>;
  /** Deletes or anonymises as the register declares; running it again does no more. */
  erase(processor: P, subject: Subject): Promise<ErasureOutcome>;
}

/** Raised with a message that carries no personal data; its name is what the workflow records. */
export class ProcessorError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}
