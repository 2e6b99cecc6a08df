import type { RefObject } from 'react';
import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

export function SearchBox({ t, value, onChange, inputRef }: Props) {
  return (
    <div className="search">
      <input
        ref={inputRef}
        type="search"
        // Kept out of the browser's session-restore files, like every field of account data.
        autoComplete="off"
        data-testid="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('search_placeholder')}
        aria-label={t('search_placeholder')}
      />
    </div>
  );
}
