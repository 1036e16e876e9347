import { describe, expect, it } from 'vitest';
import { localVerdicts, receiptEvent, topHeaders } from '../../../local/smtp-receiver';

const raw = (headers: string) => Buffer.from(`${headers}\r\n\r\nPlease delete my data.\r\nX-SES-Spam-Verdict: FAIL\r\n`);

describe('the local stand-in for SES receiving', () => {
  it('gives PASS for every verdict unless the message says otherwise', () => {
    expect(localVerdicts(topHeaders(raw('From: a@example.org\r\nSubject: Hi')))).toEqual({
      spam: 'PASS',
      virus: 'PASS',
      spf: 'PASS',
      dkim: 'PASS',
      dmarc: 'PASS',
    });
  });

  it('reads failing SPF, DKIM and DMARC from Authentication-Results, folded or not', () => {
    const v = localVerdicts(
      topHeaders(
        raw('From: a@example.org\r\nAuthentication-Results: mx.local;\r\n spf=fail smtp.mailfrom=example.org;\r\n dkim=fail header.d=example.org; dmarc=fail'),
      ),
    );
    expect(v).toMatchObject({ spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL', spam: 'PASS' });
  });

  it('reads SES’s own spam and virus headers, and only in the message’s headers, not its body', () => {
    expect(localVerdicts(topHeaders(raw('From: a@example.org\r\nX-SES-Virus-Verdict: FAIL')))).toMatchObject({ virus: 'FAIL', spam: 'PASS' });
  });

  it('builds the receipt event SES’s Lambda action sends: message id, recipients, verdicts, no content', () => {
    const event = receiptEvent({
      messageId: 'abc123',
      raw: raw('From: Ada <ada@example.org>\r\nTo: requests@demo-association.example\r\nSubject: Delete'),
      mailFrom: 'ada@example.org',
      recipients: ['requests@demo-association.example'],
      functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:ReceiveEmail',
      at: new Date('2026-12-07T10:00:00Z'),
    }) as any;
    const { mail, receipt } = event.Records[0].ses;
    expect(event.Records[0].eventSource).toBe('aws:ses');
    expect(mail).toMatchObject({ messageId: 'abc123', source: 'ada@example.org', commonHeaders: { subject: 'Delete', from: ['Ada <ada@example.org>'] } });
    expect(receipt).toMatchObject({
      recipients: ['requests@demo-association.example'],
      spfVerdict: { status: 'PASS' },
      action: { type: 'Lambda', invocationType: 'Event' },
    });
    expect(JSON.stringify(event)).not.toContain('Please delete');
  });
});
