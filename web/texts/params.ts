/** What the texts that name a controller, a processor or a request are given. */

/** A message naming the controller. */
export type C = { controller: string };
/** A message about one processor's part of one request. */
export type R = { controller: string; processor: string; reference: string };
/** What a legal hold kept: how many items, until when, under which law. */
export type Held = { count?: number; date?: string; basis?: string };
/** What a processor kept on a legal basis, and until when if it said; the basis in its own words. */
export type Retained = { basis: string; date?: string };
/** What a processor did in part: what it kept and why, in its own words, and until when if it said. */
export type Partly = { kept: string; reason: string; date?: string };
/** A request named by what it asks for ("to erase personal data"), or by what the person asked of whom. */
export type RW = R & { what: string };
export type RA = R & { asked: string };
/** A refusal template's context: the controller, and the customer the data is held for when the subject named one. */
export type Den = { controller: string; customer?: string };
