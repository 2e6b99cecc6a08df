import type { Translate } from './i18n';

/** 「95 秒」, 「12 分」, 「3 時間」, 「238 日」: a clock can be off by much more than seconds. */
export function durationText(t: Translate, ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return t('duration_seconds', [`${seconds}`]);
  if (seconds < 2 * 3600) return t('duration_minutes', [`${Math.round(seconds / 60)}`]);
  if (seconds < 2 * 86_400) return t('duration_hours', [`${Math.round(seconds / 3600)}`]);
  return t('duration_days', [`${Math.round(seconds / 86_400)}`]);
}
