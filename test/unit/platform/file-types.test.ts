import { describe, expect, it } from 'vitest';
import { attachmentDisposition, checkFile } from '../../../functions/platform/file-types';

const b = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s));

describe('checkFile', () => {
  it('accepts documents, data and images by extension and first bytes, with its own content type', () => {
    expect(checkFile('a.pdf', b('%PDF-1.7\n'))).toEqual({ accepted: true, contentType: 'application/pdf' });
    expect(checkFile('a.ZIP', b([0x50, 0x4b, 0x03, 0x04, 1]))).toEqual({ accepted: true, contentType: 'application/zip' });
    expect(checkFile('a.xlsx', b([0x50, 0x4b, 0x03, 0x04]), 'application/octet-stream')).toMatchObject({ accepted: true });
    expect(checkFile('a.png', b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({ accepted: true, contentType: 'image/png' });
    expect(checkFile('a.jpg', b([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ accepted: true });
    expect(checkFile('a.csv', b('\uFEFFname,amount\n'), 'application/vnd.ms-excel')).toEqual({ accepted: true, contentType: 'text/csv; charset=utf-8' });
    expect(checkFile('a.json', b('[{"a":1}]'))).toMatchObject({ accepted: true });
    // a head cut inside a character is still text
    expect(checkFile('a.txt', b('å').slice(0, 1))).toMatchObject({ accepted: true });
  });

  it('refuses active and unknown kinds, whatever they contain', () => {
    for (const name of ['a.html', 'a.htm', 'a.svg', 'a.xhtml', 'a.xml', 'a.js', 'a.mjs', 'a.exe', 'a.docm', 'a', 'a.pdf.html']) {
      expect(checkFile(name, b('%PDF-')), name).toEqual({ accepted: false, reason: 'type_not_accepted' });
    }
    for (const type of ['text/html', 'TEXT/HTML; charset=utf-8', 'image/svg+xml', 'application/xhtml+xml', 'application/javascript', 'text/xml']) {
      expect(checkFile('a.csv', b('a,b'), type), type).toEqual({ accepted: false, reason: 'type_not_accepted' });
    }
  });

  it('refuses a file whose content is not what its name says', () => {
    expect(checkFile('a.pdf', b('<html>'))).toEqual({ accepted: false, reason: 'content_does_not_match' });
    expect(checkFile('a.png', b('GIF89a'))).toEqual({ accepted: false, reason: 'content_does_not_match' });
    expect(checkFile('a.txt', b('  \n<script>alert(1)</script>'))).toEqual({ accepted: false, reason: 'content_does_not_match' });
    expect(checkFile('a.csv', b('\uFEFF<svg onload=alert(1)>'))).toEqual({ accepted: false, reason: 'content_does_not_match' });
    expect(checkFile('a.json', b([0xff, 0xfe, 0x00]))).toEqual({ accepted: false, reason: 'content_does_not_match' });
    expect(checkFile('a.txt', b([0x61, 0x00, 0x62]))).toEqual({ accepted: false, reason: 'content_does_not_match' });
  });

  it('names a stored file for download, never inline', () => {
    expect(attachmentDisposition('Utdrag å.pdf')).toBe("attachment; filename*=UTF-8''Utdrag%20%C3%A5.pdf");
  });
});
