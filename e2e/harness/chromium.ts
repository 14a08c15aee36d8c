/** Debian's Chromium, as every browser test and benchmark here launches it (never a downloaded browser). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Root in a container, no GPU, and no background traffic: this machine's closed network refuses it. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
