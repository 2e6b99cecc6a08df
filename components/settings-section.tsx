import { useEffect, useRef, useState } from 'react';
import type { Translate } from '../lib/i18n';
import {
  AUTO_LOCK_CHOICES,
  CLIPBOARD_CHOICES,
  cleanDeviceName,
  DEVICE_NAME_MAX,
  type Settings,
} from '../lib/settings';
import { ClipboardPermissionNote } from './clipboard-permission-note';
import { ManageSection } from './manage-section';
import { SettingField } from './setting-field';

interface Props {
  t: Translate;
  settings: Settings;
  /** The setting just stored, for 「保存しました」 beside it. */
  saved: keyof Settings | null;
  /** 「PC Authenticator (Chrome)」: what an empty device name becomes. */
  automaticDeviceName: string;
  onChange: <K extends keyof Settings>(key: K, value: Settings[K]) => void;
  /** Whether the optional `clipboardRead` is granted (null: not known yet). */
  clipboardAllowed?: boolean | null;
  onAllowClipboard?: () => void;
}

const TYPING_MS = 500;

/** 「設定」: every change is stored at once, with a short 「保存しました」 beside it. */
export function SettingsSection({
  t,
  settings,
  saved,
  automaticDeviceName,
  onChange,
  clipboardAllowed = null,
  onAllowClipboard = () => undefined,
}: Props) {
  const [deviceName, setDeviceName] = useState(settings.deviceName);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);
  // Follow a change made elsewhere, unless the user is typing here.
  useEffect(() => {
    if (typing.current) return;
    setDeviceName((shown) =>
      cleanDeviceName(shown) === settings.deviceName ? shown : settings.deviceName,
    );
  }, [settings.deviceName]);
  const saveDeviceName = (value: string) => {
    clearTimeout(typing.current);
    typing.current = undefined;
    onChange('deviceName', value);
  };

  const savedText = (key: keyof Settings) => (saved === key ? t('settings_saved') : null);
  const lockChoices: number[] = (AUTO_LOCK_CHOICES as readonly number[]).includes(
    settings.autoLockMinutes,
  )
    ? [...AUTO_LOCK_CHOICES]
    : [settings.autoLockMinutes, ...AUTO_LOCK_CHOICES];
  const minutes = (m: number) =>
    m === 0
      ? t('settings_autolock_never')
      : m === 1
        ? t('settings_minute_one')
        : t('settings_minutes', [`${m}`]);
  const toggle = (key: 'autoFill' | 'submitAfterFill', testId: string) => (
    <input
      type="checkbox"
      data-testid={testId}
      checked={settings[key]}
      onChange={(e) => onChange(key, e.target.checked)}
    />
  );

  return (
    <ManageSection
      id="settings"
      title={t('manage_settings_title')}
      intro={t('manage_settings_intro')}
    >
      <SettingField
        label={t('settings_autolock')}
        hint={t('settings_autolock_hint')}
        savedText={savedText('autoLockMinutes')}
      >
        <select
          data-testid="settings-autolock"
          value={settings.autoLockMinutes}
          onChange={(e) => onChange('autoLockMinutes', Number(e.target.value))}
        >
          {lockChoices.map((m) => (
            <option key={m} value={m}>
              {minutes(m)}
            </option>
          ))}
        </select>
      </SettingField>
      <SettingField
        label={t('settings_clipboard')}
        hint={t('settings_clipboard_hint')}
        savedText={savedText('clipboardSeconds')}
      >
        <select
          data-testid="settings-clipboard"
          value={settings.clipboardSeconds}
          onChange={(e) => onChange('clipboardSeconds', Number(e.target.value))}
        >
          {CLIPBOARD_CHOICES.map((s) => (
            <option key={s} value={s}>
              {s === 0 ? t('settings_clipboard_off') : t('settings_seconds', [`${s}`])}
            </option>
          ))}
        </select>
      </SettingField>
      {clipboardAllowed === false && settings.clipboardSeconds > 0 && (
        <ClipboardPermissionNote t={t} onAllow={onAllowClipboard} />
      )}
      <SettingField
        toggle
        label={t('settings_autofill')}
        hint={t('settings_autofill_hint')}
        savedText={savedText('autoFill')}
      >
        {toggle('autoFill', 'settings-autofill')}
      </SettingField>
      <SettingField
        toggle
        label={t('settings_submit')}
        hint={t('settings_submit_hint')}
        savedText={savedText('submitAfterFill')}
      >
        {toggle('submitAfterFill', 'settings-submit')}
      </SettingField>
      <SettingField
        label={t('settings_device_name')}
        hint={t('settings_device_name_hint', [automaticDeviceName])}
        savedText={savedText('deviceName')}
      >
        <input
          data-testid="settings-device-name"
          value={deviceName}
          maxLength={DEVICE_NAME_MAX}
          placeholder={automaticDeviceName}
          onChange={(e) => {
            const value = e.target.value;
            setDeviceName(value);
            clearTimeout(typing.current);
            typing.current = setTimeout(() => saveDeviceName(value), TYPING_MS);
          }}
          onBlur={() => typing.current && saveDeviceName(deviceName)}
        />
      </SettingField>
    </ManageSection>
  );
}
