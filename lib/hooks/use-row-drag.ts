import { useState, type DragEvent } from 'react';

/**
 * HTML5 drag and drop between the rows of one list: `onMove(id, toIndex)` when a row is dropped
 * on another. Only rows of this list are accepted (a dragged file or text is ignored).
 */
export function useRowDrag(onMove: (id: string, toIndex: number) => void) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const reset = () => {
    setDragged(null);
    setOver(null);
  };

  return (id: string, index: number, label: string) => ({
    dragging: dragged === id,
    over: over === id && dragged !== null && dragged !== id,
    onStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', label);
      setDragged(id);
    },
    onOver: (event: DragEvent) => {
      if (!dragged) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOver(id);
    },
    onDrop: (event: DragEvent) => {
      if (!dragged) return;
      event.preventDefault();
      // The page's own drop handler (importing files) must not see a row being moved.
      event.stopPropagation();
      onMove(dragged, index);
      reset();
    },
    onEnd: reset,
  });
}
