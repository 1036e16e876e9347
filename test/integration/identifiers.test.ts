/**
 * Identifiers beyond the address, through the local runtime: the demo campaign office's form asks
 * for a phone number and its text-alert store finds people only by phone. A request with a phone
 * number (typed as people type it) is found there; one without is not searched there, and the
 * branch, the person's answer and the staff view say so, never "nothing held". The number stays
 * out of the workflow's payloads and the logs, and a number that cannot be E.164 is refused,
 * naming the field.
 */
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { captureOutput, mailbox, poll, postRequest, storedBranch, storedRequest, submitConfirmed, useRuntime, waitForFinal } from '../harness';

const CONTROLLER = 'demo-campaign-office';
const STORE = 'text-alerts';
const local = useRuntime({ environment: { DEMO_INHOUSE_DELAY_MS: '50' } });
const output = captureOutput();

const branchOf = (requestId: string) => storedBranch(local.db, requestId, STORE);

describe('a store that finds people by phone number', () => {
  it('finds the person by the phone number they typed, made E.164, and keeps it out of the workflow and the logs', async () => {
    const email = 'vera-phone@example.org';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      type: 'access',
      email,
      phone: '+46 (0)70 123 45 67',
      locale: 'en',
      controller: CONTROLLER,
    });
    expect((await storedRequest(local.db, requestId))?.identifiers).toEqual({ phone: '+46701234567' });
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const branch = await branchOf(requestId);
    expect(branch).toMatchObject({ status: 'completed', recordCount: 1 });
    expect(branch).not.toHaveProperty('notLookedUp');

    const sfn = new SFNClient({ endpoint: local.rt.urls.sfn });
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: local.rt.stateMachineArn }));
    const executionArn = executions!.find((e) => e.name === requestId)!.executionArn!;
    // The request reads completed once Finalize wrote it; the execution ends a moment later, under load later still.
    const described = await poll(
      async () => {
        const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        return d.status === 'SUCCEEDED' ? d : undefined;
      },
      { timeoutMs: 20_000, failure: () => 'the execution did not end' },
    );
    // Ids only in and out, as every execution (the local endpoint keeps no event history to read).
    expect(JSON.parse(described.input!)).toEqual({ requestId });
    expect(JSON.parse(described.output!)).toEqual({ requestId });
    for (const typed of ['701234567', '70 123 45 67']) {
      expect(output.join('')).not.toContain(typed);
    }
  });

  it('is not searched for a request without a phone number, and the answer says so rather than "no data"', async () => {
    const email = 'vera-nophone@example.org';
    // An erasure: its answer tells what was done in each system (an access answer is the package).
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email, locale: 'en', controller: CONTROLLER });
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    expect(await branchOf(requestId)).toMatchObject({ status: 'completed', recordCount: 0, notLookedUp: ['phone'] });
    const answer = await poll(
      async () => (await mailbox(local.rt)).find((m) => m.destination.to.includes(email) && m.body.text?.includes('Text message alerts')),
      { timeoutMs: 20_000, failure: () => 'no answer naming the text alerts' },
    );
    expect(answer.body.text).toMatch(/Text message alerts\W+not searched: this system finds people only by phone number, and you gave none/);
  });

  it('refuses a phone number without its country code, naming the field', async () => {
    const res = await postRequest(local.rt.urls.gateway, { type: 'access', email: 'vera-bad@example.org', phone: '070-123 45 67', controller: CONTROLLER });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Record<string, string> };
    expect(body.errors).toEqual({ phone: 'phone must be a phone number with its country code, e.g. +46 70 123 45 67' });
  });

  it('refuses a phone number at an organisation whose form does not ask for one', async () => {
    const res = await postRequest(local.rt.urls.gateway, {
      type: 'access',
      email: 'vera-else@example.org',
      phone: '+46701234567',
      controller: 'demo-association',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({ phone: 'phone: this organisation does not ask for it' });
  });

  it('asks for the phone number on the form, labelled in the page’s language', async () => {
    const sv = await (await fetch(`${local.rt.urls.gateway}/c/${CONTROLLER}/sv`)).text();
    expect(sv).toContain('<label for="phone">Ditt telefonnummer (frivilligt)</label>');
    expect(sv).toContain('autocomplete="tel"');
    const other = await (await fetch(`${local.rt.urls.gateway}/c/demo-association/en`)).text();
    expect(other).not.toContain('name="phone"');
  });
});
