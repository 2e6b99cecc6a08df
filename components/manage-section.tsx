import type { ReactNode } from 'react';

interface Props {
  /** Used for the heading's id, so the section is named by its heading. */
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}

/** One card of the manage page (import, and later accounts, settings, backup). */
export function ManageSection({ id, title, intro, children }: Props) {
  const headingId = `${id}-title`;
  return (
    <section className="manage-section" aria-labelledby={headingId}>
      {/* Focusable from script only: where the focus lands once the page opens (after unlock). */}
      <h2 id={headingId} tabIndex={-1}>
        {title}
      </h2>
      {intro && <p className="lead">{intro}</p>}
      {children}
    </section>
  );
}
