import en from '../../web/i18n/en.json' with { type: 'json' };
import fi from '../../web/i18n/fi.json' with { type: 'json' };
import sv from '../../web/i18n/sv.json' with { type: 'json' };

/** The public address of the app, for links in e-mails. */
export const appUrl = () => (process.env.APP_URL ?? 'http://localhost:8080').replace(/\/+$/, '');

type EmailKind = keyof typeof fi.emails;
const LANGUAGES = { fi, sv, en } as const;
export type EmailLanguage = keyof typeof LANGUAGES;

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

/**
 * An e-mail in Finnish, Swedish and English, one after another, ending with its link: we do not
 * know the reader's language before they open the app. `values` fills the placeholders of each
 * language's text (a role's name in it, a date as that language writes it).
 */
export function trilingualEmail(kind: EmailKind, link: string, values: (language: EmailLanguage, tree: typeof fi) => Record<string, string>) {
  const texts = Object.entries(LANGUAGES).map(([language, tree]) => {
    const text = (tree as typeof fi).emails[kind];
    const filled = values(language as EmailLanguage, tree as typeof fi);
    return { subject: fill(text.subject, filled), body: fill(text.body, filled) };
  });
  return { subject: `Tarjotin: ${texts[0]!.subject}`, body: [...texts.map((t) => t.body), link].join('\n\n') };
}

/** A day as the language writes it, on Finnish time: 8.12.2026, 2026-12-08, 8 December 2026. */
export const emailDate = (language: EmailLanguage, at: Date) =>
  new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : language === 'en' ? 'en-GB' : 'fi-FI', { dateStyle: language === 'en' ? 'long' : 'short', timeZone: 'Europe/Helsinki' }).format(at);
