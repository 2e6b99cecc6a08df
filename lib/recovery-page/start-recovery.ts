import type { Scope } from '../content/scope';
import type { Translate } from '../i18n';
import type { RecoveryFillDeps } from './fill-controller';
import { startRecoveryFill } from './fill-controller';
import type { RecoverySaveDeps } from './save-controller';
import { startRecoverySave } from './save-controller';

/** What both recovery code controllers need from the content script. */
export type RecoveryDeps = Pick<RecoverySaveDeps, 'save'> &
  Pick<RecoveryFillDeps, 'offer' | 'fill' | 'submitted' | 'settle'> & {
    doc: Document;
    t: Translate;
    lang: string;
    hostname: string;
    openUnlock: () => Promise<unknown>;
    waitForUnlock: (scope: Scope, then: () => void) => void;
  };

/**
 * Keycloak's recovery codes: the save button on the setup page and the fill control on the
 * login page that asks for a code (each does nothing on other pages). One `stop()` for both.
 */
export function startRecoveryCodes(deps: RecoveryDeps): { stop: () => void } {
  const save = startRecoverySave(deps);
  const fill = startRecoveryFill(deps);
  return {
    stop: () => {
      fill.stop();
      save.stop();
    },
  };
}
