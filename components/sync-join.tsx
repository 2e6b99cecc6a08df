import type { ReactNode } from 'react';
import { SyncJoinOffer } from './sync-join-offer';
import { useSyncOffer } from '../lib/hooks/use-sync-offer';
import { errorText, type Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  /** After joining: the vault is unlocked with the synced accounts. */
  onJoined: () => Promise<void>;
  /** The usual first run (create a vault), shown when nothing is synced or the user skips. */
  children: ReactNode;
}

/** The first run, preceded by the offer to open synced accounts when a synced vault exists. */
export function SyncJoin({ t, onJoined, children }: Props) {
  const offer = useSyncOffer();
  if (!offer.available) return <>{children}</>;
  return (
    <SyncJoinOffer
      t={t}
      busy={offer.busy}
      error={offer.error && errorText(t, offer.error)}
      onJoin={(data) =>
        void offer.join(data).then(async (joined) => {
          if (joined) await onJoined();
        })
      }
      onSwitch={offer.clearError}
      onSkip={offer.dismiss}
    />
  );
}
