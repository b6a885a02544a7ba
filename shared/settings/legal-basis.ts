import type { LegalBasis } from '../workflow/events';

/**
 * The level of the local executive body that provides the service. The standard (order 225,
 * appendix 1, item 1) names the providers: akimats of the cities of republican significance and
 * the capital, of districts and of cities of regional significance.
 */
export type AkimatLevel = 'republican-city' | 'district' | 'regional-city';

export const AKIMAT_LEVELS: readonly AkimatLevel[] = ['republican-city', 'district', 'regional-city'];

/**
 * Which sub-paragraph of article 6 of the Law "On Education" the application (appendix 4) cites.
 * Article 6 gives the competence of each level: paragraph 2 the region (oblast), paragraph 3 the
 * city of republican significance and the capital, paragraph 4 the district (city of regional
 * significance). So a district and a city of regional significance share paragraph 4 sub-paragraph
 * 21-3; 'art6-p2-sp24-4' belongs to a region's akimat, which the standard does not list as a
 * provider, so no level of this desk maps to it.
 */
const BASIS_BY_LEVEL: Readonly<Record<AkimatLevel, LegalBasis>> = {
  'republican-city': 'art6-p3-sp25-7',
  district: 'art6-p4-sp21-3',
  'regional-city': 'art6-p4-sp21-3',
};

export function legalBasisFor(level: AkimatLevel): LegalBasis {
  return BASIS_BY_LEVEL[level];
}
