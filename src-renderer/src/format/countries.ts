// ISO 3166-1 alpha-2 countries with their names in the UI language (Intl.DisplayNames), sorted as readers expect.
import type { Language } from '../../../src-common/language';
import { intlLocale } from './format';

/** The 249 officially assigned codes (no reserved or withdrawn ones such as EU, UK, XK). */
export const countryCodes: readonly string[] = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

const cache = new Map<Language, { names: Intl.DisplayNames; options: { value: string; label: string }[] }>();

function forLanguage(language: Language) {
  let entry = cache.get(language);
  if (!entry) {
    const names = new Intl.DisplayNames([intlLocale(language)], { type: 'region' });
    const collator = new Intl.Collator(intlLocale(language));
    const options = countryCodes
      .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
      .sort((a, b) => collator.compare(a.label, b.label));
    entry = { names, options };
    cache.set(language, entry);
  }
  return entry;
}

/** "Nhật Bản" for JP in Vietnamese; the code itself for anything Intl does not know. */
export function countryName(code: string, language: Language): string {
  try {
    return forLanguage(language).names.of(code) ?? code;
  } catch {
    return code; // Not a well-formed region code (old data): show it as it is.
  }
}

/** Options for a searchable Select: "Nhật Bản (JP)", so both the name and the code can be typed. */
export function countryOptions(language: Language): { value: string; label: string }[] {
  return forLanguage(language).options;
}
