import type { ActingInput } from './types';

/** How a month with more than one Plt post pays the Plt add-on (ruleSet `acting.multiplePosts`). */
export const MULTIPLE_PLT_MODES = ['HIGHEST_KELAS', 'EACH_PERIOD'] as const;
export type MultiplePltMode = (typeof MULTIPLE_PLT_MODES)[number];

/**
 * The default when the rule set says nothing. Spec 04 §5.3 step 2 describes one Plt post per month and
 * is silent on several, so this is an INFERRED, configurable default (§9), versioned by effective date.
 */
export const MULTIPLE_PLT_DEFAULTS: readonly {
  effectiveFrom: string;
  effectiveTo: string | null;
  mode: MultiplePltMode;
  legalBasis: 'INFERRED';
  explanation: string;
}[] = [
  {
    effectiveFrom: '2019-01-01',
    effectiveTo: null,
    mode: 'HIGHEST_KELAS',
    legalBasis: 'INFERRED',
    explanation:
      'Spec 04 §5.3 langkah 2 hanya mengatur satu jabatan Plt; untuk beberapa Plt dalam sebulan dipakai jabatan Plt dengan kelas tertinggi agar tambahan tidak dibayar ganda',
  },
];

/** The default mode in force on `date` (YYYY-MM-DD). */
export function multiplePltDefault(date: string): (typeof MULTIPLE_PLT_DEFAULTS)[number] {
  const row = MULTIPLE_PLT_DEFAULTS.find(
    (r) => r.effectiveFrom <= date && (r.effectiveTo === null || r.effectiveTo >= date),
  );
  if (!row) throw new Error(`no acting.multiplePosts default in force on ${date}`);
  return row;
}

/** One Plt post held in the month, with the working days (dates) it covers among the paid days. */
export interface ActingPost {
  validFrom: string;
  validTo: string | null;
  kelasJabatan: number;
  /** null = HIGHER when kelasJabatan is above the own kelas, else SAME. */
  level: 'SAME' | 'HIGHER' | null;
  workingDates: string[];
}

export interface ActingPostsResult {
  /** What the rule `allowance.month` receives as `acting`: the posts that earn an add-on, each with its own days. */
  acting: ActingInput[];
  /** Which Plt counted and why, in Bahasa Indonesia, for the explanation. */
  notes: string[];
}

const span = (p: ActingPost) => `${p.validFrom} s.d. ${p.validTo ?? '…'}`;
// Highest kelas first; on a tie the later Plt (the one in force at the end of the month).
const byKelas = (a: ActingPost, b: ActingPost) =>
  b.kelasJabatan - a.kelasJabatan || (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0);

/**
 * The Plt posts of a month that earn the add-on (04 §5.3 step 2), each counting the working days of its
 * own post. HIGHEST_KELAS: only the post with the highest kelas (the later one on a tie) counts.
 * EACH_PERIOD: every post counts for its own days; a day under two overlapping posts counts once, for
 * the higher kelas, so no day earns two add-ons. Posts without working days in the month are left out.
 */
export function actingPosts(posts: ActingPost[], mode: MultiplePltMode, ownKelas: number | null): ActingPostsResult {
  const held = posts.filter((p) => p.workingDates.length > 0).sort(byKelas);
  const levelOf = (p: ActingPost) => p.level ?? (ownKelas !== null && p.kelasJabatan > ownKelas ? 'HIGHER' : 'SAME');
  const input = (p: ActingPost, days: number): ActingInput => ({
    level: levelOf(p),
    kelasJabatan: p.kelasJabatan,
    workingDays: days,
  });
  const line = (p: ActingPost, days: number) =>
    `Plt ${span(p)}: kelas ${p.kelasJabatan} (${levelOf(p)}), ${days} hari kerja`;
  if (held.length === 0) return { acting: [], notes: [] };
  if (held.length === 1)
    return {
      acting: [input(held[0], held[0].workingDates.length)],
      notes: [line(held[0], held[0].workingDates.length)],
    };
  if (mode === 'HIGHEST_KELAS') {
    const [top, ...rest] = held;
    return {
      acting: [input(top, top.workingDates.length)],
      notes: [
        `${line(top, top.workingDates.length)}; dihitung karena kelas jabatan Plt tertinggi dari ${held.length} jabatan Plt bulan ini (acting.multiplePosts HIGHEST_KELAS)`,
        ...rest.map((p) => `Plt ${span(p)} kelas ${p.kelasJabatan}: tidak dihitung (bukan kelas tertinggi)`),
      ],
    };
  }
  const taken = new Set<string>();
  const acting: ActingInput[] = [];
  const notes: string[] = [];
  for (const p of held) {
    const own = p.workingDates.filter((d) => !taken.has(d));
    own.forEach((d) => taken.add(d));
    const overlap = p.workingDates.length - own.length;
    if (own.length === 0) {
      notes.push(
        `Plt ${span(p)} kelas ${p.kelasJabatan}: tidak dihitung (semua harinya sudah dihitung untuk Plt berkelas lebih tinggi)`,
      );
      continue;
    }
    acting.push(input(p, own.length));
    notes.push(
      `${line(p, own.length)}; dihitung untuk hari kerjanya sendiri (acting.multiplePosts EACH_PERIOD)${overlap ? `, ${overlap} hari kerja yang tumpang tindih dihitung untuk Plt berkelas lebih tinggi` : ''}`,
    );
  }
  return { acting, notes };
}
