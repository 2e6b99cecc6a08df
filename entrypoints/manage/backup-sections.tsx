import { useEffect, useRef } from 'react';
import { BackupPanel } from '../../components/backup-panel';
import { ExportPanel } from '../../components/export-panel';
import { ManageSection } from '../../components/manage-section';
import { useBackup } from '../../lib/hooks/use-backup';
import { useBackupStatus } from '../../lib/hooks/use-backup-status';
import { useExport } from '../../lib/hooks/use-export';
import { errorText, type Translate } from '../../lib/i18n';

/** `manage.html#backup` (the popup's reminder) scrolls to the backup section once it is drawn. */
function useScrollToHash(id: string) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (location.hash !== `#${id}` || !ref.current) return;
    ref.current.scrollIntoView({ block: 'start' });
    ref.current.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }, [id]);
  return ref;
}

/** The manage page's 「バックアップ」 and 「エクスポート」 sections (shown while unlocked). */
export function BackupSections({ t }: { t: Translate }) {
  const backup = useBackup();
  const status = useBackupStatus();
  const exports = useExport();
  const backupRef = useScrollToHash('backup');

  return (
    <>
      <div ref={backupRef} id="backup" className="section-anchor">
        <ManageSection
          id="backup"
          title={t('manage_backup_title')}
          intro={t('manage_backup_intro')}
        >
          <BackupPanel
            t={t}
            status={status}
            busy={backup.busy}
            error={backup.error ? errorText(t, backup.error) : null}
            done={backup.done}
            onCreate={backup.create}
          />
        </ManageSection>
      </div>
      <div id="export" className="section-anchor">
        <ManageSection
          id="export"
          title={t('manage_export_title')}
          intro={t('manage_export_intro')}
        >
          <ExportPanel
            t={t}
            data={exports.data}
            view={exports.view}
            busy={exports.busy}
            error={exports.error ? errorText(t, exports.error) : null}
            onOpen={exports.open}
            onChoose={exports.choose}
            onClose={exports.close}
          />
        </ManageSection>
      </div>
    </>
  );
}
