import { foldAccents } from '@waypoint/shared-contracts';

/**
 * "Similar name" for duplicate detection at intake. Candidates already share the date of birth
 * (the database narrows to those), so this only has to catch how one person's name gets typed
 * twice: case, accents, hyphens and spaces ("Mary-Ann" / "Maryann"), a typo or two, a short
 * form ("Dani" / "Danielle"), the preferred name used as the first name, first and last swapped.
 */
export function namesLookAlike(
  entered: { first: string; last: string; preferred?: string | null },
  existing: { first: string; last: string; preferred?: string | null },
): boolean {
  const firstNames = (person: typeof entered) => [person.first, person.preferred].filter((name): name is string => Boolean(name)).map(normalize);
  const lastsMatch = (a: string, b: string) => similar(normalize(a), normalize(b), 0.88);
  const firstsMatch = (as: string[], bs: string[]) => as.some((a) => bs.some((b) => similar(a, b, 0.85) || isShortForm(a, b)));
  if (lastsMatch(entered.last, existing.last) && firstsMatch(firstNames(entered), firstNames(existing))) return true;
  // Swapped: "Lee Jamie" entered for Jamie Lee.
  return lastsMatch(entered.first, existing.last) && similar(normalize(entered.last), normalize(existing.first), 0.85);
}

/** Lower case, accents dropped, only letters kept. */
export function normalize(name: string): string {
  return foldAccents(name).replace(/[^\p{L}]/gu, '');
}

function isShortForm(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short);
}

function similar(a: string, b: string, threshold: number): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return a === b || jaroWinkler(a, b) >= threshold;
}

/** Jaro–Winkler similarity in [0, 1]: made for short names, rewards a shared beginning. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Array<boolean>(a.length).fill(false);
  const matchedB = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedA[i] = matchedB[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] !== undefined && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
