import { useEffect, useRef, useState } from 'react';

interface Handlers {
  /** Images pasted with Ctrl+V anywhere on the page. */
  onPasteFiles: (files: File[]) => void;
  /** Text pasted outside any text field (a text field takes its own paste). */
  onPasteText: (text: string) => void;
  /** Files dropped anywhere on the page that no drop zone took. */
  onDropFiles: (files: File[]) => void;
}

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && target.type !== 'file') ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** The files of a paste: `clipboardData.files`, or the file items (some sources fill only those). */
function pastedFiles(data: DataTransfer): File[] {
  if (data.files.length > 0) return [...data.files];
  return [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.getAsFile())
    .filter((file): file is File => file !== null);
}

/**
 * Paste and drag-and-drop for the whole page while `enabled`: a pasted image or a file dropped
 * anywhere is imported (and never opened by the browser in place of the page). Reports whether
 * files are being dragged over the page, so a drop zone can invite the drop.
 */
export function usePageFiles(enabled: boolean, handlers: Handlers): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    let depth = 0;
    const onPaste = (event: ClipboardEvent) => {
      if (!event.clipboardData) return;
      const files = pastedFiles(event.clipboardData);
      if (files.length > 0) {
        event.preventDefault();
        latest.current.onPasteFiles(files);
        return;
      }
      const text = event.clipboardData.getData('text/plain');
      if (text.trim() && !isTextField(event.target)) {
        event.preventDefault();
        latest.current.onPasteText(text);
      }
    };
    const onDragEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the browser would open the dropped file in place of the page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!hasFiles(event)) return;
      const taken = event.defaultPrevented;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (!taken && files.length > 0) latest.current.onDropFiles(files);
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('dragenter', onDragEnter);
    document.addEventListener('dragleave', onDragLeave);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('drop', onDrop);
    return () => {
      setDragging(false);
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('dragenter', onDragEnter);
      document.removeEventListener('dragleave', onDragLeave);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
    };
  }, [enabled]);

  return { dragging };
}
