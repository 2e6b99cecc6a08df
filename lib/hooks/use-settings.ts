import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings';
import { settingsItem } from '../storage';

const SAVED_MS = 2000;

/**
 * The settings in `storage.local`, read and written by the page itself (nothing secret, so no
 * trip through the background). A change shows at once and is written in order after the ones
 * before it; `saved` names the setting just stored, for a brief 「保存しました」.
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState<keyof Settings | null>(null);
  const latest = useRef<Settings>(DEFAULT_SETTINGS);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    const show = (value: Settings) => {
      latest.current = value;
      setSettings(value);
    };
    void settingsItem.getValue().then((value) => {
      show(value);
      setLoaded(true);
    });
    // Another tab may change them too; our own writes in flight are newer than their echo.
    const unwatch = settingsItem.watch((value) => {
      if (pending.current === 0) show(value);
    });
    return () => {
      unwatch();
      clearTimeout(timer.current);
    };
  }, []);

  const save = useCallback(<K extends keyof Settings>(key: K, value: Settings[K]) => {
    const next = parseSettings({ ...latest.current, [key]: value });
    latest.current = next;
    setSettings(next);
    pending.current += 1;
    queue.current = queue.current
      .then(() => settingsItem.setValue(next))
      .then(() => {
        setSaved(key);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setSaved(null), SAVED_MS);
      })
      .catch(() => undefined)
      .finally(() => {
        pending.current -= 1;
      });
    return queue.current;
  }, []);

  return { settings, loaded, saved, save };
}
