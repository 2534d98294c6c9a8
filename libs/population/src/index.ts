/**
 * @deed/population: a deterministic, seeded generator of a synthetic Ukrainian-style
 * population and every record that Deed's registers hold about it. Pure: no I/O.
 */
export { generatePopulation, type PopulationOptions, type PopulationSummary } from './generate.js';
export {
  rnokppCheckDigit,
  isValidRnokpp,
  makeRnokpp,
  parseRnokpp,
  icaoCheckDigit,
  unzrCheckDigit,
  makeUnzr,
  isValidUnzr,
  parseUnzr,
  vinCheckDigit,
  isValidVin,
  vinYearCode,
  isValidPlate,
  isValidIdCardNumber,
  isValidPassportNumber,
  isValidDriverLicenceNumber,
  isValidRegistrationCertificateNumber,
  isValidStudentCardNumber,
  LOOKALIKE_LETTERS,
  PLATE_REGION_CODES,
} from './identifiers.js';
export { transliterate } from './translit.js';
export { patronymic, feminineSurname, surnameFor, GIVEN_NAMES, SURNAMES, type Surname, type SurnameType, type Cohort } from './names.js';
export { portraitSvg, ageGroupOf, type AgeGroup, type PortraitTraits } from './portrait.js';
export {
  REGIONS,
  SETTLEMENTS,
  STREETS,
  STREET_ABBREVIATIONS,
  formatPostcode,
  type Region,
  type Settlement,
  type SettlementType,
  type StreetType,
} from './places.js';
export { formatAddress, fullName } from './format.js';
export { Rng, Permutation } from './prng.js';
export { addYears, ageOn, formatDay, parseIsoDate, daysFromCivil, civilFromDays } from './dates.js';
export type * from './types.js';
