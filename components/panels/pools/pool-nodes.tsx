import type { PoolNodeDto } from '@/lib/api/pools-dto';
import { Badge } from '../../ui/badge';
import { ColumnHeads } from '../../ui/column-heads';
import styles from './pools.module.css';

/** The pool's k3s nodes: readiness, cordon and every address HAProxy might point at. */
export function PoolNodes({ nodes }: { nodes: readonly PoolNodeDto[] }) {
  return (
    <section className={styles.section} aria-label="Nodes">
      <h2 className={styles.sectionTitle}>Nodes</h2>
      {nodes.length === 0 ? (
        <p className={styles.muted}>No Kubernetes node belongs to this pool.</p>
      ) : (
        <table className={styles.table}>
          <ColumnHeads columns={['Node', 'State', 'Addresses']} />
          <tbody>
            {nodes.map((node) => (
              <tr
                key={node.name}
                data-testid={`pool-node-${node.name}`}
                data-ready={String(node.ready)}
                data-cordoned={String(node.cordoned)}
              >
                <td>{node.name}</td>
                <td>
                  <span className={styles.tags}>
                    {node.ready ? (
                      <Badge tone="up" shape="circle" size="sm">
                        Ready
                      </Badge>
                    ) : (
                      <Badge tone="down" shape="cross" size="sm">
                        NotReady
                      </Badge>
                    )}
                    {node.cordoned ? (
                      <Badge tone="maint" shape="pause" size="sm" title="spec.unschedulable: no new pods">
                        cordoned
                      </Badge>
                    ) : null}
                  </span>
                </td>
                <td className={styles.mono}>{node.addresses.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
