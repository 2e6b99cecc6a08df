// Pure detection of where a one-time code goes: takes a Document or ParentNode, runs in jsdom.
export { codeFitsTarget, detectOtpTarget } from './detect-otp-target';
export { isEmailOtpForm, isVisibleByMarkup } from './exclusions';
export { splitCode } from './split';
export type { DetectOptions, IsVisible, OtpTarget } from './types';
