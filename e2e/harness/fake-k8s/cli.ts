// `npx tsx e2e/harness/fake-k8s/cli.ts [port]`: a fake k3s API for the demo and manual checks.
import { defaultFakeTopology, startFakeK8s } from './index';

async function main() {
  const port = Number(process.argv[2] ?? 18491);
  const k8s = await startFakeK8s({ port, topology: defaultFakeTopology() });
  console.log(`[fake-k8s] ${k8s.url}  KUBECONFIG=${k8s.kubeconfigPath} K8S_ENABLED=true`);
  console.log(
    `[fake-k8s] try: kubectl --kubeconfig ${k8s.kubeconfigPath} get nodes -L svccontroller.k3s.cattle.io/lbpool`,
  );
  const shutdown = () => void k8s.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
