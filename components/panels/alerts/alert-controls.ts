/** Which alert controls a person gets, and, where they get none, why. Pure. */

export const VIEWER_ALERT_NOTE = 'Viewers cannot acknowledge or mute — operators can';
export const VIEWER_MUTE_NOTE = 'Viewers cannot unmute — operators can';

export interface AlertControls {
  acknowledge: boolean;
  mute: boolean;
  /** Shown where the buttons would be, so the page says why they are missing. */
  note: string | null;
}

/** A firing alert's controls: Acknowledge (until someone has) and Mute for operators and admins. */
export function alertControls(
  alert: { firing: boolean; acknowledged: boolean },
  mayAct: boolean,
): AlertControls {
  if (!alert.firing) return { acknowledge: false, mute: false, note: null };
  if (!mayAct) return { acknowledge: false, mute: false, note: VIEWER_ALERT_NOTE };
  return { acknowledge: !alert.acknowledged, mute: true, note: null };
}
