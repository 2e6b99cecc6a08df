import { useCallback, useEffect, useRef, useState } from 'react';
import { sendMessage } from '../messaging';

const FEEDBACK_MS = 1500;

/** Copies a code (digits only) and remembers which row to thank for a moment. */
export function useCopy() {
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(async (id: string, code: string) => {
    try {
      await navigator.clipboard.writeText(code.replace(/\s/g, ''));
    } catch {
      // The browser refuses when the page is not focused; say so rather than pretend.
      setFailed(true);
      return;
    }
    setFailed(false);
    setCopiedId(id);
    void sendMessage('clipboard.copied', { code: code.replace(/\s/g, '') });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopiedId(null), FEEDBACK_MS);
  }, []);

  return { copiedId, copyFailed: failed, copy };
}
