/**
 * The Demo Campaign Office's own app, as its in-house Lambda and its volunteer portal's webhook
 * both answer for it (config/register.json: `campaign-app`, `volunteer-portal`). It knows every
 * address; by the demo's convention an address tagged `+unknown` is nobody it holds, and one
 * tagged `+hold` is a donor whose bookkeeping records it must keep. An export answers at once;
 * anything else is a job that answers later, by the callback.
 */

/** Version 1 of the event the service sends (README, "In-house systems"), the parts the demo reads. */
export interface DemoEvent {
  version: string;
  /** `withdrawal` on the notice that the subject withdrew the request (the event itself has none). */
  type?: string;
  requestId: string;
  action: string;
  subject: { email: string; name?: string };
  callback: { url: string; token?: string };
}

export interface DemoAnswer {
  answer: { outcome: 'done' | 'not_found' } | { outcome: 'retained'; basis: string; until: string };
  records?: Record<string, unknown>[];
}

const tagged = (email: string, tag: string) => email.split('@')[0]!.split('+').slice(1).includes(tag);

/** What the app answers: `now` at once, or `later` by the callback. */
export function demoAnswer(event: DemoEvent, source: string): { when: 'now' | 'later'; answer: DemoAnswer } {
  const { email, name } = event.subject;
  if (tagged(email, 'unknown')) return { when: event.action === 'export' ? 'now' : 'later', answer: { answer: { outcome: 'not_found' } } };
  if (event.action === 'export') {
    return {
      when: 'now',
      answer: {
        answer: { outcome: 'done' },
        records: [
          { source, record: 'volunteer', email, ...(name ? { name } : {}), signedUpAt: '2025-03-01' },
          { source, record: 'action', action: 'Door-knocking, Södermalm', date: '2025-09-06' },
        ],
      },
    };
  }
  if (event.action === 'erase' && tagged(email, 'hold')) {
    const until = new Date(Date.UTC(new Date().getUTCFullYear() + 7, 11, 31)).toISOString().slice(0, 10);
    return { when: 'later', answer: { answer: { outcome: 'retained', basis: 'Bookkeeping Act (1999:1078): records of donations', until } } };
  }
  return { when: 'later', answer: { answer: { outcome: 'done' } } };
}
