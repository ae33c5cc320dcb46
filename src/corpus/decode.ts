/**
 * Bytes → text. UTF-8 (with or without byte-order mark) is read as is; UTF-16
 * with a byte-order mark is decoded; bytes that are not valid UTF-8 are taken
 * for a legacy single-byte encoding (Windows-1252 / Latin-1 in practice),
 * detected with chardet and decoded with iconv-lite, and a note says so.
 * Binary files (a NUL byte) are refused.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Encoding used when chardet proposes nothing usable: a superset of Latin-1's printable range. */
const FALLBACK_ENCODING = 'windows-1252';

/** How much of the file chardet looks at: enough to tell encodings apart, bounded for huge files. */
const DETECTION_SAMPLE_BYTES = 64 * 1024;

/** Encodings chardet may name that are really one single-byte Western encoding for our purpose. */
const LATIN1_FAMILY = new Set(['iso-8859-1', 'windows-1252', 'iso-8859-15']);

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export interface DecodedText {
  text: string;
  /** Name of the encoding the bytes were read as. */
  encoding: string;
  /** What a reader of the build summary should know ("decoded as windows-1252 …"). */
  notes: string[];
}

/** A file that cannot be read as text; `reason` says why, for the skipped list. */
export class UndecodableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UndecodableError';
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Chooses the legacy encoding of bytes that are not UTF-8. */
function detectLegacyEncoding(bytes: Buffer): { encoding: string; detected: string | null } {
  const detected = chardet.detect(bytes.subarray(0, DETECTION_SAMPLE_BYTES));
  if (!detected) return { encoding: FALLBACK_ENCODING, detected };
  const name = detected.toLowerCase();
  // Latin-1 files almost always come from Windows, whose 0x80–0x9F are curly quotes and dashes, not controls.
  if (LATIN1_FAMILY.has(name)) return { encoding: FALLBACK_ENCODING, detected };
  if (name.startsWith('utf') || !iconv.encodingExists(name)) return { encoding: FALLBACK_ENCODING, detected };
  return { encoding: name, detected };
}

/**
 * Decodes the bytes of one article. Throws UndecodableError for a binary file
 * (NUL byte outside a UTF-16 file), naming the offset of the first NUL.
 */
export function decodeBytes(bytes: Buffer): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: iconv.decode(bytes, encoding), encoding, notes: [`decoded as ${encoding} (byte-order mark)`] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new UndecodableError(`binary (NUL at byte ${nul})`);
  if (startsWith(bytes, UTF8_BOM)) {
    const body = bytes.subarray(UTF8_BOM.length);
    if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8', notes: ['UTF-8 byte-order mark removed'] };
  } else if (isUtf8(bytes)) {
    return { text: bytes.toString('utf8'), encoding: 'utf-8', notes: [] };
  }
  const { encoding, detected } = detectLegacyEncoding(bytes);
  const why = detected ? `detected ${detected}` : 'no encoding detected';
  return {
    text: iconv.decode(bytes, encoding),
    encoding,
    notes: [`not valid UTF-8: decoded as ${encoding} (${why})`],
  };
}
