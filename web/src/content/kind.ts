// How an item is shown: by its file name's extension in the manifest, else by
// its first bytes; anything else is text.

export type ItemKind = { kind: 'image' | 'audio' | 'video'; mime: string } | { kind: 'text'; text: string };

const BY_EXTENSION: Record<string, { kind: 'image' | 'audio' | 'video'; mime: string }> = {
  png: { kind: 'image', mime: 'image/png' },
  jpg: { kind: 'image', mime: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg' },
  gif: { kind: 'image', mime: 'image/gif' },
  webp: { kind: 'image', mime: 'image/webp' },
  mp3: { kind: 'audio', mime: 'audio/mpeg' },
  wav: { kind: 'audio', mime: 'audio/wav' },
  ogg: { kind: 'audio', mime: 'audio/ogg' },
  flac: { kind: 'audio', mime: 'audio/flac' },
  mp4: { kind: 'video', mime: 'video/mp4' },
  webm: { kind: 'video', mime: 'video/webm' },
};

/** Magic numbers of the media kinds above, for items named without an extension. */
const SIGNATURES: Array<[number[], { kind: 'image' | 'audio' | 'video'; mime: string }]> = [
  [[0x89, 0x50, 0x4e, 0x47], BY_EXTENSION.png],
  [[0xff, 0xd8, 0xff], BY_EXTENSION.jpg],
  [[0x47, 0x49, 0x46, 0x38], BY_EXTENSION.gif],
  [[0x49, 0x44, 0x33], BY_EXTENSION.mp3],
  [[0x4f, 0x67, 0x67, 0x53], BY_EXTENSION.ogg],
  [[0x66, 0x4c, 0x61, 0x43], BY_EXTENSION.flac],
  [[0x1a, 0x45, 0xdf, 0xa3], BY_EXTENSION.webm],
];

export function itemKind(name: string, bytes: Uint8Array): ItemKind {
  // A line of a JSON lines file is text whatever the file's name.
  const extension = name.includes('#') ? '' : (name.split('.').pop() ?? '').toLowerCase();
  const known = BY_EXTENSION[extension] ?? SIGNATURES.find(([magic]) => magic.every((byte, i) => bytes[i] === byte))?.[1];
  if (known) return known;
  return { kind: 'text', text: textOf(new TextDecoder().decode(bytes)) };
}

/** A JSON line's `text` field when it has one (how text data sets are kept), else the text as it is. */
function textOf(text: string): string {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && typeof value.text === 'string') return value.text;
  } catch {
    // Not JSON: plain text.
  }
  return text;
}
