/**
 * Gives a shadow root a style sheet (the same `sheet` may serve several roots), added to the root's list rather
 * than assigning an array: Firefox refuses an array made in a content script ("Accessing from Xray wrapper is not
 * supported", bug 1928865). Where even that is refused, a <style>: without styles the control would not appear at
 * all. A constructed sheet, not a <style>, wherever it can be: a strict page CSP cannot block it.
 */
export function adoptStyles(root: ShadowRoot, css: string, sheet?: CSSStyleSheet): void {
  try {
    let adopted = sheet;
    if (!adopted) {
      adopted = new CSSStyleSheet();
      adopted.replaceSync(css);
    }
    root.adoptedStyleSheets.push(adopted);
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}
