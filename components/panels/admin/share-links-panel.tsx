'use client';

import { useShareLinks } from '../../hooks/use-share-links';
import { EmptyState } from '../../ui/empty-state';
import { useNow } from '../../ui/use-now';
import { AdminListState } from './admin-list-state';
import styles from './admin.module.css';
import { revokeShareLink } from '../share/share-link-requests';
import { ShareLinksTable } from './share-links-table';

/** /admin/shares: the tokens wikis embed panels and badges with, listed and revoked here. */
export function ShareLinksPanel({ publicEmbeds }: { publicEmbeds: boolean }) {
  const { data, error, isLoading, mutate } = useShareLinks();
  const now = useNow(30_000);
  return (
    <section className={styles.section} aria-labelledby="shares-heading">
      <h2 id="shares-heading" className={styles.sectionTitle}>
        Share links {data ? `(${data.shares.filter((s) => s.state === 'active').length} active)` : ''}
      </h2>
      <p className={styles.lead}>
        A share link lets a wiki show one panel of one server, backend or pool, and its badges, to readers who
        are not signed in: nothing else. Create one with the Share button on that panel. Revoking one stops it
        at once; the wiki then says so in the frame and shows a grey “unauthorized” badge.
        {publicEmbeds
          ? ' PUBLIC_EMBEDS is on: every embed and badge is readable without any link, so revoking one hides nothing.'
          : ''}
      </p>
      <AdminListState
        load={{ data, error, isLoading }}
        failed="Could not load the share links"
        loading="Loading share links…"
        isEmpty={(list) => list.shares.length === 0}
        empty={
          <EmptyState title="No share links yet">
            Open a panel’s Share dialog and choose “Create share link”.
          </EmptyState>
        }
      >
        {(list) => (
          <ShareLinksTable
            shares={list.shares}
            now={now}
            onRevoke={async (id) => {
              await revokeShareLink(id);
              await mutate();
            }}
          />
        )}
      </AdminListState>
    </section>
  );
}
