import type { Identifiers } from '../domain/identifiers';
import type { Localised } from '../domain/register-schema';
import type { Branch, DsrRequest } from '../domain/request';
import type { ExportWriter } from '../platform/package-bucket';
import type { Controller, Processor } from '../platform/register';

/** Who the request is about, as the processor needs to find them. Personal data: never logged. */
export interface Subject {
  email: string;
  name?: string;
  /** What else the request gave to find them by (a phone number, a customer number), normalised. */
  identifiers?: Identifiers;
}

/** What an erasure did at a store: items erased, and items kept under a legal hold or suppressed. */
export interface ErasureOutcome {
  recordCount: number;
  /** Rows kept with their identifying columns masked (a database table whose rows others refer to). */
  maskedCount?: number;
  heldCount?: number;
  holdUntil?: string;
  /** The register's text of the law that requires keeping them, as the subject reads it (per language where given). */
  holdBasis?: Localised;
  suppressedUntil?: string;
}

/** What a rectification or restriction did at a store: the items it changed. */
export interface ChangeOutcome {
  recordCount: number;
}

/** A correction the subject asked for (Art. 16): which attribute, and its correct value. Personal data: never logged. */
export interface Correction {
  attribute: string;
  corrected: string;
}

/** Everything a processor kind may need about the branch it acts for. */
export interface BranchContext {
  request: DsrRequest;
  controller: Controller;
  branch: Branch;
  /**
   * An earlier attempt began sending and never recorded the outcome (a crash between the two): what
   * it sent may have arrived, so an email says it is sent again.
   */
  repeat?: boolean;
}

/** A processor the workflow acts on directly and that answers at once (the controller's own stores). */
export interface SyncProcessorKind<P extends Processor = Processor> {
  readonly mode: 'sync';
  /** Writes every record the processor holds on the subject to `out`. */
  exportData(processor: P, subject: Subject, out: ExportWriter, ctx: BranchContext): Promise<void>;
  /** Erases as the register declares; running it again does no more. */
  erase(processor: P, subject: Subject, ctx: BranchContext): Promise<ErasureOutcome>;
  /** Sets a declared attribute to its corrected value on each of the subject's items (Art. 16); safe to run twice. */
  rectify(processor: P, subject: Subject, correction: Correction, ctx: BranchContext): Promise<ChangeOutcome>;
  /** Marks each of the subject's items restricted for this request (Art. 18): kept, used for nothing else; safe to run twice. */
  restrict(processor: P, subject: Subject, ctx: BranchContext): Promise<ChangeOutcome>;
}

/**
 * A processor that answers later: the request goes out once, the branch waits on a task token,
 * and the answer (a callback, a vendor's link, a staff member's note) completes it.
 */
export interface AsyncProcessorKind<P extends Processor = Processor> {
  readonly mode: 'async';
  /**
   * Sends the request out. Called until `submittedAt` is recorded, so it must be safe to repeat; an
   * email cannot be taken back, so with `ctx.repeat` it says that it may be a second copy.
   */
  submit(processor: P, ctx: BranchContext): Promise<void>;
  /** Called by the sweep while the branch waits: poll, remind, escalate. */
  watch?(processor: P, ctx: BranchContext, now: Date): Promise<void>;
  /** The request was cancelled: withdraw it at the processor. */
  cancel?(processor: P, ctx: BranchContext): Promise<void>;
}

export type ProcessorKind<P extends Processor = Processor> = SyncProcessorKind<P> | AsyncProcessorKind<P>;

/** Raised with a message that carries no personal data; its name is what the workflow records. */
export class ProcessorError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}
