import { createRoot } from 'react-dom/client';
import { keepAutoFocus } from '../../lib/auto-focus';
import type { VaultState } from '../../lib/vault-state';
import { App } from './app';

/** Renders the popup into `root` once the vault's state (asked for by main.ts) is known. */
export async function mount(
  root: HTMLElement,
  initial: Promise<Partial<VaultState> | undefined>,
): Promise<void> {
  // Shown later, a form or question with `autoFocus` takes the focus, as it would with React.
  keepAutoFocus();
  const state = await initial;
  // The first paint's picture of the codes goes in the same task the app draws them.
  root.replaceChildren();
  createRoot(root).render(<App initial={state} />);
}
