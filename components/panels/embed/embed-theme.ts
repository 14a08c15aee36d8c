/**
 * Runs in the embed's body before its content: applies `theme` (auto follows the viewer's OS, not the
 * dashboard's stored choice, which a wiki's frame cannot see) and `bg=transparent`. A transparent frame also
 * drops its color-scheme, or Chrome paints an opaque backdrop when it differs from the wiki page's.
 */
export const EMBED_INIT_SCRIPT = `(function(){try{var q=new URLSearchParams(location.search),t=q.get("theme"),d=document.documentElement;if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";d.setAttribute("data-theme",t);d.setAttribute("data-embed","");if(q.get("bg")==="transparent"){d.style.background="transparent";d.style.colorScheme="normal";document.body.style.background="transparent";}}catch(e){}})();`;
