// Download the sealed labels and their salts as a file, or restore one: how
// pending reveals move to another browser, and survive a cleared profile.

import { useState } from 'preact/hooks';

import { download } from '../download';
import type { SaltStore } from '../salts';

export function SaltBackupPanel({ store }: { store: SaltStore }) {
  const [status, setStatus] = useState<string>();
  const saveBackup = async () => {
    const backup = await store.backup();
    download('labelchain-salts.json', JSON.stringify(backup, null, 2), 'application/json');
    setStatus(`${backup.labels.length} sealed label(s) saved`);
  };
  const restore = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { added, conflicting } = await store.restore(JSON.parse(await file.text()));
      setStatus(`${added} label(s) restored${conflicting.length ? `; ${conflicting.length} differ from the ones kept here and were left alone` : ''}`);
    } catch (error) {
      setStatus(`not restored: ${(error as Error).message}`);
    }
  };
  return (
    <section class="backup">
      <h2>Salt backup</h2>
      <p class="note">Your labels stay sealed until revealed; without their salts they cannot be revealed and the commits are slashed.</p>
      <button onClick={() => void saveBackup()} data-testid="backup-download">Download backup</button>
      <label class="file">Restore a backup <input type="file" accept="application/json" onChange={(e) => void restore((e.target as HTMLInputElement).files?.[0])} data-testid="backup-restore" /></label>
      {status && <p class="note" data-testid="backup-status">{status}</p>}
    </section>
  );
}
