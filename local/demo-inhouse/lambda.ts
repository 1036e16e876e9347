/**
 * The Demo Campaign Office's in-house Lambda handler (`campaign-app`), served by the local
 * runtime's Lambda Invoke API for the organisations' own functions. An export is answered in the
 * return value; anything else is accepted and answered later with the event's one-time token.
 */
import { type DemoEvent, demoAnswer } from './app.ts';

/** How long the demo's jobs take before they call back (`DEMO_INHOUSE_DELAY_MS`, default 2 s). */
const delayMs = () => Number(process.env.DEMO_INHOUSE_DELAY_MS ?? 2000);

export async function handler(event: DemoEvent) {
  // The subject withdrew the request: the demo's jobs are timers that cannot be stopped, and the
  // service refuses their late answer.
  if (event.type === 'withdrawal') return {};
  const { when, answer } = demoAnswer(event, 'campaign-app');
  if (when === 'now') return answer;
  // In AWS a Lambda freezes once it returns: a real app hands the callback to a queue or a job.
  // The local runtime keeps running, so the demo's "job" is a timer.
  setTimeout(() => {
    void fetch(event.callback.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${event.callback.token}` },
      body: JSON.stringify(answer),
    }).catch(() => undefined);
  }, delayMs()).unref();
  return { accepted: true };
}
