/**
 * Theme preference (light / dark / auto) kept in localStorage and applied as `data-theme` on <html>.
 * The same logic runs twice: as an inline script before first paint, and in the toggle's hook afterwards.
 */

export type ThemePref = 'light' | 'dark' | 'auto';
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'hapscope-theme';
export const THEME_PREFS: readonly ThemePref[] = ['auto', 'light', 'dark'];

export function parseThemePref(value: string | null | undefined): ThemePref {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

export function resolveTheme(pref: ThemePref, prefersDark: boolean): Theme {
  return pref === 'auto' ? (prefersDark ? 'dark' : 'light') : pref;
}

export function nextThemePref(pref: ThemePref): ThemePref {
  return THEME_PREFS[(THEME_PREFS.indexOf(pref) + 1) % THEME_PREFS.length] ?? 'auto';
}

/** Runs in <head> before the body is parsed, so the first paint already has the right colours. */
export const THEME_INIT_SCRIPT = `(function(){try{var p=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});if(p!=="light"&&p!=="dark")p="auto";var t=p==="auto"?(window.matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"):p;var d=document.documentElement;d.setAttribute("data-theme",t);d.setAttribute("data-theme-pref",p);}catch(e){}})();`;
