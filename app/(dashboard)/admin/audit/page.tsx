import type { Metadata } from 'next';
import { AuditPanel } from '@/components/panels/admin/audit-panel';

export const metadata: Metadata = { title: 'Audit log · Admin' };

export default function AdminAuditPage() {
  return <AuditPanel />;
}
