import { afterEach, describe, expect, it } from 'vitest';
import { outboundFetch } from '../../../../functions/platform/outbound';
import type { OpendsrProcessor } from '../../../../functions/platform/register';
import { checkProcessorUrl } from '../../../../functions/processors/opendsr/http';

const processor = (url: string) => ({ id: 'vendor', url }) as OpendsrProcessor;
const vendor = processor('https://dsr.vendor.example/v1');
const reason = (p: OpendsrProcessor, url: string) => {
  try {
    checkProcessorUrl(p, url);
    return 'allowed';
  } catch (err) {
    return (err as { reason?: string }).reason;
  }
};

afterEach(() => {
  delete process.env.OPENDSR_LOCAL_ORIGINS;
});

describe("an OpenDSR processor's URLs", () => {
  it('may be on the register URL host or a subdomain of it, over https, at its port', () => {
    expect(reason(vendor, 'https://dsr.vendor.example/v1/results/1')).toBe('allowed');
    expect(reason(vendor, 'https://files.dsr.vendor.example/r/1')).toBe('allowed');
    expect(reason(vendor, 'https://DSR.Vendor.Example/x')).toBe('allowed');
    expect(checkProcessorUrl(vendor, 'https://dsr.vendor.example/x').addresses).toBe('public');
  });

  it('may not be elsewhere: a parent or sibling domain, a look-alike, another port, http, credentials', () => {
    expect(reason(vendor, 'https://vendor.example/r')).toBe('OtherHost');
    expect(reason(vendor, 'https://cdn.vendor.example/r')).toBe('OtherHost');
    expect(reason(vendor, 'https://evildsr.vendor.example/r')).toBe('OtherHost');
    expect(reason(vendor, 'https://dsr.vendor.example.evil.example/r')).toBe('OtherHost');
    expect(reason(vendor, 'https://dsr.vendor.example:8443/r')).toBe('OtherHost');
    expect(reason(vendor, 'http://dsr.vendor.example/r')).toBe('NotHttps');
    expect(reason(vendor, 'https://user:pw@dsr.vendor.example/r')).toBe('Malformed');
    expect(reason(vendor, 'not a url')).toBe('Malformed');
    expect(reason(vendor, 'https://169.254.169.254/latest')).toBe('OtherHost');
  });

  it('on an IP literal host allow that address only, no "subdomains"', () => {
    const byIp = processor('https://203.0.113.7/v1');
    expect(reason(byIp, 'https://203.0.113.7/r')).toBe('allowed');
    expect(reason(byIp, 'https://203.0.113.7.nip.io/r')).toBe('OtherHost');
    expect(reason(byIp, 'https://203.0.113.8/r')).toBe('OtherHost');
  });

  it('are refused locally too unless the local runtime lists the processor’s own origin', () => {
    const demo = processor('http://localhost:8090/v1');
    expect(reason(demo, 'http://localhost:8090/v1/results/1')).toBe('NotHttps');
    process.env.OPENDSR_LOCAL_ORIGINS = 'http://localhost:8090';
    expect(checkProcessorUrl(demo, 'http://localhost:8090/v1/results/1').addresses).toBe('loopback');
    // the mailbox is on this machine too, but not the processor's origin
    expect(reason(demo, 'http://localhost:8005/store')).toBe('NotHttps');
    // a listed origin is no use to a processor that is not at it
    expect(reason(vendor, 'http://localhost:8090/v1/results/1')).toBe('NotHttps');
  });

  it('reach a listed origin at loopback addresses only, whatever host it names', async () => {
    process.env.OPENDSR_LOCAL_ORIGINS = 'http://10.0.0.5:8090';
    const target = checkProcessorUrl(processor('http://10.0.0.5:8090/v1'), 'http://10.0.0.5:8090/v1/x');
    expect(target.addresses).toBe('loopback');
    await expect(outboundFetch(target.url, { addresses: target.addresses })).rejects.toMatchObject({ name: 'OutboundRefused', reason: 'PrivateAddress' });
  });

  it('refuse an OPENDSR_LOCAL_ORIGINS entry that is more than an origin', () => {
    process.env.OPENDSR_LOCAL_ORIGINS = 'http://localhost:8090/v1';
    expect(() => checkProcessorUrl(processor('http://localhost:8090/v1'), 'http://localhost:8090/v1/x')).toThrow(/OPENDSR_LOCAL_ORIGINS/);
  });
});
