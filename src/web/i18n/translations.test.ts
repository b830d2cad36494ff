import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DELIVERY_MODES, EDUCATION_FORMS, FIELDS, TARGET_GROUPS, TEACHING_LANGUAGES } from '../../features/catalog/vocabulary.js';
import { ENROLMENT_STATUSES } from '../../features/enrolment/enrolment-states.js';
import type { UnmetReason } from '../../features/round/allocate.js';
import type { RoundPhase } from '../../features/round/round-access.js';
import en from './en.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

const ROUND_PHASES: RoundPhase[] = ['upcoming', 'open', 'closed', 'allocated', 'published'];
const UNMET_REASONS: UnmetReason['kind'][] = ['not_eligible', 'too_far', 'full', 'partner_seats_full', 'clash', 'course_limit'];

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

/** A key as code names it: plural keys (`x_one`, `x_other`) are used as `x`. */
const usedKey = (key: string) => key.replace(/_(one|other)$/, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const languages = { fi, sv, en } as Record<string, Tree>;
  const finnish = new Set(keys(fi as Tree));

  it.each(['sv', 'en'])('%s has exactly the keys of Finnish', (language) => {
    const other = new Set(keys(languages[language]!));
    expect([...finnish].filter((k) => !other.has(k))).toEqual([]);
    expect([...other].filter((k) => !finnish.has(k))).toEqual([]);
  });

  it.each(['fi', 'sv', 'en'])('%s has no empty text', (language) => {
    const empty = keys(languages[language]!).filter((key) => {
      const value = key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part]!, languages[language]!);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('labels every value of every vocabulary', () => {
    const vocabulary = [
      ...DELIVERY_MODES.map((v) => `mode.${v}`),
      ...EDUCATION_FORMS.map((v) => `form.${v}`),
      ...FIELDS.map((v) => `field.${v}`),
      ...TARGET_GROUPS.map((v) => `targetGroup.${v}`),
      ...TEACHING_LANGUAGES.map((v) => `language.${v}`),
      ...ENROLMENT_STATUSES.map((v) => `enrolmentStatus.${v}`),
      ...ENROLMENT_STATUSES.filter((v) => v !== 'requested').map((v) => `enrolmentStep.${v}`),
      ...ROUND_PHASES.map((v) => `roundPhase.${v}`),
      ...UNMET_REASONS.map((v) => `round.reason.${v}`),
      ...ROUND_PHASES.map((v) => `errors.round_${v}`),
    ];
    expect(vocabulary.filter((k) => !finnish.has(k))).toEqual([]);
  });

  it('has every literal key the pages use', () => {
    const root = join(import.meta.dirname, '../..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    const available = new Set([...finnish].map(usedKey));
    expect([...used].filter((k) => !available.has(k))).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });
});
