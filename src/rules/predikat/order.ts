import { PREDICATES, RATINGS, type Predicate, type Rating } from '../common/enums';

/** Predicate rank, higher is better: SANGAT_BAIK 4 … SANGAT_KURANG 0 (01 §8, INFERRED ordering). */
export function predicateRank(p: Predicate): number {
  return PREDICATES.length - 1 - PREDICATES.indexOf(p);
}

/** Rating rank, higher is better: DI_ATAS 2, SESUAI 1, DI_BAWAH 0. */
export function ratingRank(r: Rating): number {
  return RATINGS.length - 1 - RATINGS.indexOf(r);
}

/** True when `p` is at least BAIK (SANGAT_BAIK or BAIK). */
export function isAtLeastBaik(p: Predicate): boolean {
  return predicateRank(p) >= predicateRank('BAIK');
}
