// Who signs: the accounts of a browser extension that injects the standard
// interface (Polkadot.js extension, Talisman, SubWallet), and on a
// development chain the well-known dev accounts.

import { web3Accounts, web3Enable, web3FromSource } from '@polkadot/extension-dapp';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Signer } from '@polkadot/types/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export interface Account {
  address: string;
  name: string;
  source: string;
  /** A dev account's key, held by the page. */
  pair?: KeyringPair;
  /** An extension's signer: the key never leaves the extension. */
  signer?: Signer;
}

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/** The dev accounts (`//Alice` …): for development chains only, their keys are public. */
export async function devAccounts(): Promise<Account[]> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return DEV_NAMES.map((name) => {
    const pair = keyring.addFromUri(`//${name}`, { name });
    return { address: pair.address, name, source: 'dev', pair };
  });
}

export class NoExtension extends Error {
  constructor() {
    super('no wallet extension answered: install the Polkadot.js extension, Talisman or SubWallet, allow this page in it, and connect again');
    this.name = 'NoExtension';
  }
}

/** The accounts of every extension that lets this page in. */
export async function extensionAccounts(): Promise<Account[]> {
  const extensions = await web3Enable('LabelChain');
  if (extensions.length === 0) throw new NoExtension();
  const accounts = await web3Accounts({ ss58Format: 42 });
  return Promise.all(accounts.map(async (account) => ({
    address: account.address,
    name: account.meta.name ?? account.address.slice(0, 8),
    source: account.meta.source,
    signer: (await web3FromSource(account.meta.source)).signer,
  })));
}
