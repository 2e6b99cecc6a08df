import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { ImportPanel } from '../../components/import-panel';
import { ImportPreviewPanel } from '../../components/import-preview';
import { ImportResults } from '../../components/import-results';
import { ManageFooter } from '../../components/manage-footer';
import { ManageHeader } from '../../components/manage-header';
import { ManageSection } from '../../components/manage-section';
import { PasswordSetup } from '../../components/password-setup';
import { t } from '../../lib/browser-i18n';
import { IMPORT_ACCEPT } from '../../lib/import-files';
import { useFocusNext } from '../../lib/hooks/use-focus-next';
import { useImport } from '../../lib/hooks/use-import';
import { useImportFocus } from '../../lib/hooks/use-import-focus';
import { usePageFiles } from '../../lib/hooks/use-page-files';
import { useVault } from '../../lib/hooks/use-vault';
import { errorText } from '../../lib/i18n';
import { BackupSections } from './backup-sections';
import { AccountsPanel, SettingsPanels } from './panels';
import { LockedView } from './locked-view';
import { RecoveryPanel } from './recovery-panel';
import type { ImportOutcome } from '../../lib/import/types';

/** Outcomes after which the pasted text has done its job and the box can be emptied. */
const SETTLED: ImportOutcome['kind'][] = ['added', 'duplicate', 'batch'];

/** The manage page (a full tab): unlock, then the sections — for now, importing. */
export function App() {
  const vault = useVault();
  const { status, busy, error } = vault.state;
  const [filePassword, setFilePassword] = useState('');
  const filePasswordRef = useRef(filePassword);
  useEffect(() => {
    filePasswordRef.current = filePassword;
  }, [filePassword]);
  const imports = useImport({
    onAdded: vault.refresh,
    presetPassword: () => filePasswordRef.current,
  });
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const unlocked = status === 'unlocked';
  const focusNext = useFocusNext();
  useImportFocus(imports.current?.step ?? null, focusNext);
  // Once the vault opens, the focus goes to the first section, not back to the page's top.
  const opened = (ok: boolean) =>
    ok && focusNext(() => document.querySelector<HTMLElement>('.manage-main h2[tabindex]'));
  const errorMessage = error ? errorText(t, error) : null;

  const { dragging } = usePageFiles(unlocked, {
    onPasteFiles: (files) => imports.addFiles(files, 'pasted-image'),
    onPasteText: (pasted) => {
      setText((current) => (current.trim() ? `${current.trimEnd()}\n${pasted}` : pasted));
      setTextError(null);
      textRef.current?.focus();
    },
    onDropFiles: (files) => imports.addFiles(files),
  });

  const submitText = () => {
    if (!text.trim()) {
      setTextError(t('error_uri_empty'));
      return;
    }
    setTextError(null);
    const submitted = text;
    imports.addText(submitted, (outcomes) => {
      const settled =
        outcomes !== null &&
        outcomes.length > 0 &&
        outcomes.every((outcome) => SETTLED.includes(outcome.kind));
      // Text that was not (all) imported stays, so it can be corrected.
      if (settled) setText((current) => (current === submitted ? '' : current));
    });
  };

  const lock = () => {
    imports.clear();
    setText('');
    void vault.lock();
  };

  let content;
  if (status === 'loading') {
    content = <div className="manage-card" aria-busy="true" />;
  } else if (status === 'none') {
    content = (
      <div className="manage-card narrow">
        {location.hash === '#restore' && (
          <p className="notice" data-testid="restore-next">
            {t('restore_next')}
          </p>
        )}
        <PasswordSetup
          t={t}
          busy={busy}
          error={errorMessage}
          onCreate={(password) => void vault.create(password).then(opened)}
        />
      </div>
    );
  } else if (status === 'locked') {
    content = (
      <div className="manage-card narrow">
        <LockedView
          busy={busy}
          error={errorMessage}
          onUnlock={(password) => void vault.unlock(password).then(opened)}
          refresh={vault.refresh}
        />
      </div>
    );
  } else {
    content = (
      <>
        <ErrorMessage text={errorMessage} />
        <AccountsPanel
          list={vault.state.list}
          refresh={vault.refresh}
          imported={imports.entries.filter((entry) => entry.state === 'done').length}
        />
        <ManageSection
          id="import"
          title={t('manage_import_title')}
          intro={t('manage_import_intro')}
        >
          {imports.current ? (
            <ImportPreviewPanel
              t={t}
              current={imports.current}
              onPassword={imports.submitPassword}
              onCommit={() => void imports.commit()}
              onCancel={imports.cancel}
            />
          ) : (
            <ImportPanel
              t={t}
              accept={IMPORT_ACCEPT}
              pageDragging={dragging}
              text={text}
              textError={textError}
              textRef={textRef}
              onFiles={(files) => imports.addFiles(files)}
              filePassword={filePassword}
              onFilePasswordChange={setFilePassword}
              onTextChange={(value) => {
                setText(value);
                setTextError(null);
              }}
              onSubmitText={submitText}
            />
          )}
          <ImportResults t={t} entries={imports.entries} onClear={imports.clear} />
        </ManageSection>
        <BackupSections t={t} />
        <RecoveryPanel />
        <SettingsPanels refresh={vault.refresh} />
      </>
    );
  }

  return (
    <>
      <ManageHeader t={t} {...(unlocked ? { onLock: lock } : {})} />
      <main className="manage-main">{content}</main>
      <ManageFooter t={t} />
    </>
  );
}
