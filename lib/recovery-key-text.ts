import type { AppError } from './app-error';
import type { RecoveryKeyProblem } from './vault/recovery-key';

/**
 * The words for a mistyped recovery key — the group to look at, or how many characters came —
 * the same whether the page caught it as it was typed or the worker did.
 */
export function recoveryKeyProblemText(problem: RecoveryKeyProblem): AppError {
  if (problem.kind === 'group') {
    return { key: 'error_recovery_key_group', subs: [`${problem.group}`] };
  }
  if (problem.kind === 'length') {
    return { key: 'error_recovery_key_length', subs: [`${problem.count}`] };
  }
  return { key: 'error_recovery_key_empty' };
}
