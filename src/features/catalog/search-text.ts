/**
 * Folds text for accent-insensitive matching: "Äidinkieli" and "aidinkieli" fold alike,
 * as do Swedish "Modersmål" and "modersmal". Stored folded beside the text; queries fold the same way.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mark}/gu, '')
    // Soft hyphens and other invisible format characters (the national code sets have them).
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so that a user's `%` or `_` matches literally. */
export function likePattern(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
