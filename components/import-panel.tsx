import type { FormEvent, RefObject } from 'react';
import type { Translate } from '../lib/i18n';
import { DropZone } from './drop-zone';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  /** The file chooser's `accept`. */
  accept: string;
  pageDragging: boolean;
  text: string;
  /** Shown under the text box (e.g. nothing was pasted). */
  textError: string | null;
  textRef?: RefObject<HTMLTextAreaElement | null>;
  onFiles: (files: File[]) => void;
  /** A password to try on an encrypted file chosen next (asked again if it is wrong). */
  filePassword: string;
  onFilePasswordChange: (password: string) => void;
  onTextChange: (text: string) => void;
  onSubmitText: () => void;
}

/** Adding accounts from QR images (chosen, dropped or pasted) and from pasted URIs. */
export function ImportPanel({
  t,
  accept,
  pageDragging,
  text,
  textError,
  textRef,
  onFiles,
  filePassword,
  onFilePasswordChange,
  onTextChange,
  onSubmitText,
}: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmitText();
  };
  return (
    <div className="import-panel">
      <DropZone t={t} accept={accept} pageDragging={pageDragging} onFiles={onFiles} />
      <label className="import-file-password">
        {t('manage_file_password')}
        <input
          type="password"
          autoComplete="off"
          data-testid="import-password"
          value={filePassword}
          onChange={(e) => onFilePasswordChange(e.target.value)}
        />
      </label>
      <form className="import-text" onSubmit={submit}>
        <label>
          {t('manage_import_text_label')}
          <textarea
            ref={textRef}
            data-testid="import-text"
            className="mono"
            rows={4}
            spellCheck={false}
            autoComplete="off"
            placeholder="otpauth://totp/…"
            value={text}
            onChange={(e) => onTextChange(e.target.value)}
          />
        </label>
        <ErrorMessage text={textError} />
        <div className="import-text-actions">
          <button type="submit" className="primary" data-testid="import-submit">
            {t('manage_import_submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
