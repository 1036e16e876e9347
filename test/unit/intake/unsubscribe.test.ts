import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  Object.assign(process.env, {
    REQUESTS_TABLE: 'unit-requests',
    STATE_MACHINE_ARN: 'arn:aws:states:eu-north-1:000000000000:stateMachine:unit',
  });
});

import { readUnsubscribeLink, unsubscribePath, unsubscribeSignature } from '../../../functions/intake/unsubscribe';
import { configure } from '../../../functions/platform/config';
import { serveSecrets } from '../../harness/secrets';

const served = await serveSecrets({ UNSUBSCRIBE_KEY_SECRET: 'unit-unsubscribe-key-'.padEnd(64, 'x') });
await configure((await import('../../../functions/platform/aws/secrets')).secrets, 'UNSUBSCRIBE_KEY_SECRET');
await served.stop();

/** The query of a link as the controller's mailer makes it. */
function queryOf(path: string): { address: string; sig: string } {
  const q = new URL(path, 'https://dsr.example.org').searchParams;
  return { address: q.get('address')!, sig: q.get('sig')! };
}

describe('a one-click unsubscribe link', () => {
  const good = queryOf(unsubscribePath('demo-association', 'newsletter', 'Ada@Example.org'));

  it('names the address and purpose it was signed for', () => {
    const link = readUnsubscribeLink('demo-association', 'newsletter', good.address, good.sig);
    expect(link?.email).toBe('ada@example.org');
    expect(link?.purpose.id).toBe('newsletter');
    expect(link?.controller.id).toBe('demo-association');
  });

  it('is refused for another address, purpose or controller, or with a wrong or missing signature', () => {
    const other = Buffer.from('bo@example.org').toString('base64url');
    expect(readUnsubscribeLink('demo-association', 'newsletter', other, good.sig)).toBeUndefined();
    expect(readUnsubscribeLink('demo-organising-platform', 'newsletter', good.address, good.sig)).toBeUndefined();
    expect(readUnsubscribeLink('demo-association', 'members', good.address, good.sig)).toBeUndefined();
    expect(readUnsubscribeLink('demo-association', 'newsletter', good.address, `${good.sig.slice(0, -1)}A`)).toBeUndefined();
    expect(readUnsubscribeLink('demo-association', 'newsletter', good.address, undefined)).toBeUndefined();
    expect(readUnsubscribeLink('demo-association', 'newsletter', Buffer.from('not an address').toString('base64url'), good.sig)).toBeUndefined();
  });

  it('signs the normalised address, so the same person gets the same signature whatever the case', () => {
    expect(unsubscribeSignature('demo-association', 'newsletter', ' ADA@example.org ')).toBe(
      unsubscribeSignature('demo-association', 'newsletter', 'ada@example.org'),
    );
    expect(unsubscribeSignature('demo-association', 'newsletter', 'ada@example.org')).not.toBe(
      unsubscribeSignature('demo-association', 'newsletter', 'bo@example.org'),
    );
  });
});
