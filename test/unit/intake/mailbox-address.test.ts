import { describe, expect, it } from 'vitest';
import { canonicalMailbox, mailDomain } from '../../../functions/intake/mailbox-address';

describe('the mailbox an address reaches', () => {
  it('counts case and a +tag as one mailbox', () => {
    for (const spelling of ['victim@example.net', ' Victim@Example.NET ', 'victim+1@example.net', 'VICTIM+a+b@example.net'])
      expect(canonicalMailbox(spelling)).toBe('victim@example.net');
  });

  it('keeps dots outside Gmail, where they can name another mailbox', () => {
    expect(canonicalMailbox('v.ictim@example.net')).toBe('v.ictim@example.net');
    expect(canonicalMailbox('v.ictim+x@example.net')).toBe('v.ictim@example.net');
  });

  it('drops dots at Gmail, under either of its domains', () => {
    for (const spelling of ['v.i.c.t.i.m@gmail.com', 'Victim+news@googlemail.com', 'vic.tim+1@GMAIL.com'])
      expect(canonicalMailbox(spelling)).toBe('victim@gmail.com');
  });

  it('keeps a local part that starts with + as it is (no tag to strip)', () => {
    expect(canonicalMailbox('+tag@example.net')).toBe('+tag@example.net');
  });

  it('names the domain mail goes to, lower-cased', () => {
    expect(mailDomain('Ada+x@Example.ORG')).toBe('example.org');
    expect(mailDomain('ada@googlemail.com')).toBe('gmail.com');
  });
});
