import { describe, expect, it } from 'vitest';
import { emailTags, parseMailFeedback } from '../../../functions/domain/mail-feedback';
import { feedbackEvents } from '../../../local/ses-feedback';

const RECIPIENT = 'bounce@simulator.amazonses.com';
const tags = emailTags({
  kind: 'processor_task',
  controllerId: 'demo-association',
  requestId: 'b7d7c1a0-1111-4222-8333-944445555666',
  processorId: 'bookkeeping',
});
const sent = (to: string) => ({ messageId: 'm-1', from: 'privacy@demo.example', recipients: [to], configurationSetName: 'dsr-sending', tags });
const event = (to = RECIPIENT) => feedbackEvents(sent(to), new Set(['BOUNCE', 'COMPLAINT'] as const), { region: 'us-east-1', accountId: '000000000000' })[0]!;

describe('the SES events MailFeedback reads', () => {
  it('reads a hard bounce back to what was sent, by its tags, keeping no address', () => {
    const parsed = parseMailFeedback(event());
    expect(parsed).toMatchObject({
      ok: true,
      feedback: {
        type: 'bounce',
        bounce: 'Permanent',
        subType: 'General',
        messageId: 'm-1',
        tag: { kind: 'processor_task', controllerId: 'demo-association', processorId: 'bookkeeping' },
      },
    });
    expect(JSON.stringify(parsed)).not.toContain('@simulator');
  });

  it('reads a complaint and a bounce off the suppression list', () => {
    expect(parseMailFeedback(event('complaint@simulator.amazonses.com'))).toMatchObject({ ok: true, feedback: { type: 'complaint', feedbackType: 'abuse' } });
    expect(parseMailFeedback(event('suppressionlist@simulator.amazonses.com'))).toMatchObject({
      ok: true,
      feedback: { type: 'bounce', bounce: 'Permanent', subType: 'OnAccountSuppressionList' },
    });
  });

  it('drops, with a reason and never a throw, what it cannot read', () => {
    const good = event() as any;
    const without = (mutate: (e: any) => void) => {
      const copy = structuredClone(good);
      mutate(copy);
      return copy;
    };
    const cases: [unknown, string][] = [
      [null, 'not_an_object'],
      ['text', 'not_an_object'],
      [[good], 'not_an_object'],
      [without((e) => (e.source = 'aws.s3')), 'not_ses'],
      [without((e) => (e['detail-type'] = 'Email Delivered')), 'unsupported_type'],
      [without((e) => delete e.detail.bounce), 'malformed'],
      [without((e) => (e.detail.bounce.bounceType = 'Soft')), 'malformed'],
      [without((e) => delete e.detail.mail.messageId), 'malformed'],
      [without((e) => (e.time = 'yesterday')), 'malformed'],
      [without((e) => (e.detail = 'x')), 'malformed'],
      [without((e) => delete e.detail.mail.tags['dsr-kind']), 'untagged'],
      [without((e) => (e.detail.mail.tags['dsr-kind'] = ['marketing'])), 'untagged'],
      [without((e) => (e.detail.mail.tags['dsr-controller'] = ['a b'])), 'untagged'],
    ];
    for (const [input, reason] of cases) expect(parseMailFeedback(input), reason).toEqual({ ok: false, reason });
  });

  it('reads a transient bounce as one', () => {
    const soft = structuredClone(event()) as any;
    soft.detail.bounce.bounceType = 'Transient';
    soft.detail.bounce.bounceSubType = 'MailboxFull';
    expect(parseMailFeedback(soft)).toMatchObject({ ok: true, feedback: { bounce: 'Transient', subType: 'MailboxFull' } });
  });

  it('leaves out of the tags a value SES would refuse, rather than failing the send', () => {
    expect(emailTags({ kind: 'dpo', controllerId: 'demo', requestId: 'not valid!' })).toEqual([
      { Name: 'dsr-kind', Value: 'dpo' },
      { Name: 'dsr-controller', Value: 'demo' },
    ]);
  });

  it('is published locally only for the simulator, and only for the event types the destination asks for', () => {
    const account = { region: 'us-east-1', accountId: '000000000000' };
    expect(feedbackEvents(sent('someone@example.org'), new Set(['BOUNCE'] as const), account)).toEqual([]);
    expect(feedbackEvents(sent('complaint@simulator.amazonses.com'), new Set(['BOUNCE'] as const), account)).toEqual([]);
    expect(feedbackEvents({ ...sent(RECIPIENT), configurationSetName: undefined }, new Set(['BOUNCE'] as const), account)).toEqual([]);
  });
});
