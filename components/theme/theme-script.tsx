// Runs before first paint so that the page never flashes the wrong theme. The server already sets
// data-theme for an explicit "light"/"dark"; for "system" (and visitors) this resolves it from
// prefers-color-scheme and follows later changes of the OS setting.
const SCRIPT = `(function(){try{var d=document.documentElement;var m=window.matchMedia("(prefers-color-scheme: dark)");var s=function(){var p=d.getAttribute("data-theme-pref");if(p!=="light"&&p!=="dark")d.setAttribute("data-theme",m.matches?"dark":"light")};s();m.addEventListener("change",s)}catch(e){}})();`;

export function ThemeScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant string, no user input.
  return <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
