import { randomBytes } from 'node:crypto';

/**
 * This process's start, as a short random id: tags and stream ids carry it, so one from before a restart (whose
 * generations began again at 0) is never taken for one of this process.
 */
export const BOOT_ID = randomBytes(6).toString('base64url');
