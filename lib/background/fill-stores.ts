import type { Settings } from '../settings';
import {
  loginUsersItem,
  settingsItem,
  submissionsItem,
  usedStepsItem,
  type LoginUser,
  type Submissions,
  type UsedStep,
} from '../storage';
import { memoItem, type HeldValue } from './memo-item';

/**
 * The stored values a login page's code request reads: the settings, the used steps, the user
 * names login forms sent and the submits waiting for an outcome. Handlers take them as one set,
 * so the worker can hand every handler the same copies held in memory ({@link heldFillStores}).
 */
export interface FillStores {
  settings: Pick<HeldValue<Settings>, 'getValue'>;
  usedSteps: HeldValue<Record<string, UsedStep>>;
  loginUsers: HeldValue<Record<string, LoginUser>>;
  submissions: HeldValue<Submissions>;
}

/** Straight from storage at every read (the default; unit tests reset storage between cases). */
export const storedFillStores: FillStores = {
  settings: settingsItem,
  usedSteps: usedStepsItem,
  loginUsers: loginUsersItem,
  submissions: submissionsItem,
};

/**
 * The same values held in the worker's memory, kept current by their writes and change events
 * (memoItem): a fill request during a page load makes no storage round trip for them. One set
 * per worker, shared by every handler that reads or writes them.
 */
export function heldFillStores(): FillStores {
  return {
    settings: memoItem(settingsItem),
    usedSteps: memoItem(usedStepsItem),
    loginUsers: memoItem(loginUsersItem),
    submissions: memoItem(submissionsItem),
  };
}
