/**
 * The kinds of file the service keeps for an access package from outside (a vendor's or staff
 * member's upload, an OpenDSR processor's results that are not JSON records): documents, data
 * and images that do nothing when opened. HTML, SVG, XML and scripts are refused: inside the
 * package's ZIP a file is opened by its extension on the subject's machine, so no header set on
 * the stored object could stop an `.html` from running in their browser.
 */

/** One accepted kind: its content type and, for binary formats, the bytes it must start with. */
interface FileKind {
  contentType: string;
  magic?: readonly (readonly number[])[];
}

const ZIP = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
] as const;
const bytes = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** By extension (lower case). Text kinds have no magic: they must be UTF-8 and not markup. */
const KINDS: Record<string, FileKind> = {
  pdf: { contentType: 'application/pdf', magic: [bytes('%PDF-')] },
  zip: { contentType: 'application/zip', magic: ZIP },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  png: { contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  jpg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  csv: { contentType: 'text/csv; charset=utf-8' },
  txt: { contentType: 'text/plain; charset=utf-8' },
  json: { contentType: 'application/json' },
  ndjson: { contentType: 'application/x-ndjson' },
  jsonl: { contentType: 'application/x-ndjson' },
};

/** The extensions accepted, for messages. */
export const ACCEPTED_EXTENSIONS = Object.keys(KINDS);

/** Declared types that run when opened, refused whatever the name says. */
const ACTIVE_TYPES =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/(x-)?javascript|application\/ecmascript)\b/i;

/** What a file was found to be. */
export type FileCheck = { accepted: true; contentType: string } | { accepted: false; reason: 'type_not_accepted' | 'content_does_not_match' };

function isPlainText(head: Uint8Array): boolean {
  let text: string;
  try {
    // `stream`: the head may end inside a character.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  // Markup is refused even under a text name: a browser given it by type would render it.
  return (
    !text.includes('\u0000') &&
    !text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<')
  );
}

/**
 * Checks a file by its name's extension (the allow-list), the type its sender declared (never
 * trusted to choose, only to refuse), and its first bytes (`head`, the whole file or its start).
 * Returns the content type to store it with: ours, not the sender's.
 */
export function checkFile(name: string, head: Uint8Array, declaredType?: string): FileCheck {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  const kind = ext ? KINDS[ext] : undefined;
  if (!kind || (declaredType && ACTIVE_TYPES.test(declaredType.trim()))) return { accepted: false, reason: 'type_not_accepted' };
  const fits = kind.magic ? kind.magic.some((m) => m.every((b, i) => head[i] === b)) : isPlainText(head);
  return fits ? { accepted: true, contentType: kind.contentType } : { accepted: false, reason: 'content_does_not_match' };
}

/** `Content-Disposition` for a stored file: always a download under its own name, never shown inline. */
export const attachmentDisposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
