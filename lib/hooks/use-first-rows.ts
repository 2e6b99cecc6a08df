import { useEffect, useState } from 'react';

/**
 * How many rows of a long list to render: the first `first` (about a screenful) in the first
 * paint, then every row once that paint is done (a frame, then a task), so 200 accounts show
 * their first codes as fast as 8 would. Search and ↑/↓ work on the whole list a frame later.
 * The backup timer covers a page whose frames do not run (a hidden tab).
 */
export function useFirstRows(total: number, first: number): number {
  const [all, setAll] = useState(false);
  const needed = !all && total > first;
  useEffect(() => {
    if (!needed) return;
    let done = false;
    const show = () => {
      if (done) return;
      done = true;
      setAll(true);
    };
    let after: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (after = setTimeout(show, 0)));
    const backup = setTimeout(show, 100);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(after);
      clearTimeout(backup);
    };
  }, [needed]);
  return all ? total : Math.min(total, first);
}
