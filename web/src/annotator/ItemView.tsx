// One item, shown by what it holds: an image, a sound, a video or text.

import { useEffect, useState } from 'preact/hooks';

import { itemKind } from '../content/kind';

export function ItemView({ name, bytes }: { name: string; bytes: Uint8Array }) {
  const kind = itemKind(name, bytes);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (kind.kind === 'text') return undefined;
    const objectUrl = URL.createObjectURL(new Blob([bytes as BlobPart], { type: kind.mime }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes, name]);
  switch (kind.kind) {
    case 'text': return <p class="item-text" data-testid="item-text">{kind.text}</p>;
    case 'image': return url ? <img class="item-media" src={url} alt={name} /> : null;
    case 'audio': return url ? <audio class="item-media" src={url} controls autoplay /> : null;
    case 'video': return url ? <video class="item-media" src={url} controls autoplay /> : null;
  }
}
