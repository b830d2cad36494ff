/**
 * A bad value quoted back to the person who sent it: at most a few dozen characters, with control
 * characters and quotes shown as escapes, so that a message never carries a whole hostile cell.
 */
export function excerpt(value: string | undefined, max = 40): string {
  const text = value ?? '';
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}` : text).slice(1, -1);
  return text.length > max ? `${shown}…` : shown;
}
