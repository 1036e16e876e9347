/** The file name an OpenDSR processor's non-JSON results are kept under in the access package. */

const EXTENSIONS: Record<string, string> = {
  'application/json': 'json',
  'application/zip': 'zip',
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'application/x-ndjson': 'ndjson',
};

/** A safe file name for the attachment: from Content-Disposition, else the URL's last segment, else `results`. */
export function attachmentName(url: string, contentType: string, disposition: string | null): string {
  const fromHeader = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '')?.[1];
  let raw = fromHeader ? decodeURIComponent(fromHeader) : '';
  if (!raw) {
    try {
      raw = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
    } catch {
      raw = '';
    }
  }
  let name =
    raw
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 100) || 'results';
  const ext = EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()];
  if (!/\.[A-Za-z0-9]{1,8}$/.test(name) && ext) name = `${name}.${ext}`;
  return name;
}
