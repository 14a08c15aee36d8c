/** Starts the collector once per server process (Node runtime only; never during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startOrExit } = await import('./lib/server/start');
  startOrExit();
}
