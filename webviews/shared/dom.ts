// DOM helpers shared by the webviews. Text goes in through textContent only.

/**
 * Unicode bidi controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) in data would
 * reorder what is shown around them ("Trojan Source"): they are shown as visible marks.
 */
export function showBidi(text: string): string {
  return text.replace(
    /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

/** An element with an optional class and text (bidi controls made visible). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = showBidi(text);
  return e;
}
