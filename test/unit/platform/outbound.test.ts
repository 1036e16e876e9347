import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { embeddedIpv4, isLoopbackAddress, isPublicAddress, OutboundRefused, outboundFetch } from '../../../functions/platform/outbound';
import { closeServer, listen } from '../../../local/http-util';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::ffff:10.0.0.1',
    '0:0:0:0:0:ffff:c0a8:0101',
    '::127.0.0.1',
    '64:ff9b::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    'fe80::1',
    'fe80::1%eth0',
    'fd00:ec2::254',
    'fc00::1',
    'ff02::1',
    '2002:7f00:1::',
    '2001:db8::1',
    '2001::1',
    'not-an-address',
    '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001:82a::200e', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('reads the IPv4 address inside mapped and NAT64 addresses', () => {
    expect(embeddedIpv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIpv4('::ffff:192.168.0.1')).toBe('192.168.0.1');
    expect(embeddedIpv4('64:ff9b::a9fe:a9fe')).toBe('169.254.169.254');
    expect(embeddedIpv4('2606:4700::1')).toBeUndefined();
  });
});

describe('isLoopbackAddress', () => {
  it('is 127/8, ::1 and their mapped forms only', () => {
    for (const a of ['127.0.0.1', '127.9.9.9', '::1', '[::1]', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.1', '169.254.169.254', '::', '::2', '8.8.8.8', 'fe80::1', '64:ff9b::127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(false);
  });
});

describe('outboundFetch', () => {
  it('refuses a loopback or private IP literal for the public rule, before sending anything', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('secret');
    });
    const port = await listen(server, 0);
    try {
      for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '169.254.169.254', '10.1.2.3']) {
        await expect(outboundFetch(new URL(`http://${host}:${port}/`), { addresses: 'public' }), host).rejects.toMatchObject({
          name: 'OutboundRefused',
          reason: 'PrivateAddress',
        });
      }
      // a name is checked after it is resolved: localhost resolves to loopback
      await expect(outboundFetch(new URL(`http://localhost:${port}/`), { addresses: 'public' })).rejects.toBeInstanceOf(OutboundRefused);
      expect(hits).toBe(0);
      // the loopback rule reaches it, and nothing but loopback
      const res = await outboundFetch(new URL(`http://localhost:${port}/`), { addresses: 'loopback' });
      expect(await res.text()).toBe('secret');
      await expect(outboundFetch(new URL('http://93.184.216.34/'), { addresses: 'loopback' })).rejects.toMatchObject({ reason: 'PrivateAddress' });
    } finally {
      await closeServer(server);
    }
  });

  it('never follows a redirect', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/go') {
        res.writeHead(302, { location: '/secret' });
        res.end();
      } else res.end('secret');
    });
    const port = await listen(server, 0);
    try {
      const res = await outboundFetch(new URL(`http://localhost:${port}/go`), { addresses: 'loopback' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/secret');
    } finally {
      await closeServer(server);
    }
  });

  it('refuses schemes other than http(s)', async () => {
    await expect(outboundFetch(new URL('file:///etc/passwd'), { addresses: 'public' })).rejects.toMatchObject({ reason: 'NotHttps' });
  });
});
