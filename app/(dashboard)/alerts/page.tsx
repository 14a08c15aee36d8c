import type { Metadata } from 'next';
import { AlertCenter } from '@/components/panels/alerts/alert-center';

export const metadata: Metadata = { title: 'Alerts' };

export default function AlertsPage() {
  return <AlertCenter />;
}
