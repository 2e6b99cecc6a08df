import { useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  /** The file chooser's `accept`. */
  accept: string;
  /** Files are being dragged somewhere over the page: invite the drop here. */
  pageDragging: boolean;
  onFiles: (files: File[]) => void;
}

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Where files are dropped, with the file chooser inside it. The chooser is a real, focusable
 * `<input type=file>` laid over the big button, so the keyboard and screen readers reach it.
 */
export function DropZone({ t, accept, pageDragging, onFiles }: Props) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  const onDragEnter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth.current += 1;
    setOver(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    depth.current = 0;
    setOver(false);
    if (!hasFiles(event)) return;
    // Taken here: the page-wide drop handler sees `defaultPrevented` and leaves it alone.
    event.preventDefault();
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared so that choosing the same file again is a new import.
    event.target.value = '';
    if (files.length > 0) onFiles(files);
  };

  const inviting = over || pageDragging;
  return (
    <div
      className={`drop-zone${inviting ? ' inviting' : ''}${over ? ' over' : ''}`}
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <svg className="drop-zone-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M19 13v5a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-5H3v5a3 3 0 0 0 3 3h12a3 3 0 0 0 3-3v-5h-2zM11 5.8V16h2V5.8l3.6 3.6L18 8l-6-6-6 6 1.4 1.4L11 5.8z" />
      </svg>
      <p className="drop-zone-text">
        {inviting ? t('manage_import_drop_active') : t('manage_import_drop')}
      </p>
      <p className="drop-zone-or">{t('manage_import_or')}</p>
      <label className="file-button">
        <input type="file" multiple accept={accept} data-testid="import-file" onChange={onChange} />
        <span aria-hidden="true">＋</span>
        {t('manage_import_choose')}
      </label>
      <p className="hint">{t('manage_import_formats')}</p>
    </div>
  );
}
