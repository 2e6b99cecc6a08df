import { useEffect, useRef } from 'react';
import { RecoverySection } from '../../components/recovery-section';
import { t } from '../../lib/browser-i18n';
import { openEmergencyKit, useRecovery } from '../../lib/hooks/use-recovery';
import { errorText } from '../../lib/i18n';

/** 「回復キーと緊急キット」 of the unlocked manage page (`#recovery`: the popup's reminder). */
export function RecoveryPanel() {
  const recovery = useRecovery(true);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (location.hash !== '#recovery' || !ref.current) return;
    ref.current.scrollIntoView({ block: 'start' });
    ref.current.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }, []);
  return (
    <div ref={ref} id="recovery" className="section-anchor">
      <RecoverySection
        t={t}
        info={recovery.info}
        pending={recovery.pending}
        busy={recovery.busy}
        error={recovery.error && errorText(t, recovery.error)}
        onCreate={recovery.create}
        onConfirm={() => void recovery.confirm()}
        onOpenKit={openEmergencyKit}
      />
    </div>
  );
}
