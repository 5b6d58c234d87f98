//! The reference table (assets/countries/countries.tsv): codes, names, regions.

use std::collections::HashMap;
use std::sync::OnceLock;

const TSV: &str = include_str!("../../assets/countries/countries.tsv");

/// The index of a country in [`all`], stable for one build of the binary. The raster and
/// the dataset model name countries by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryId(pub u16);

impl CountryId {
    /// No country: what a model read back holds until its codes are resolved again.
    pub fn unresolved() -> CountryId {
        CountryId(u16::MAX)
    }
}

/// A UN M49 region, with the Americas split into their two M49 sub-regions.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::IntoStaticStr,
)]
pub enum Region {
    Africa,
    Asia,
    Europe,
    LatinAmericaCaribbean,
    NorthernAmerica,
    Oceania,
}

impl Region {
    /// The name as in the TSV (and UN M49).
    pub fn name_en(self) -> &'static str {
        match self {
            Region::Africa => "Africa",
            Region::Asia => "Asia",
            Region::Europe => "Europe",
            Region::LatinAmericaCaribbean => "Latin America and the Caribbean",
            Region::NorthernAmerica => "Northern America",
            Region::Oceania => "Oceania",
        }
    }

    /// The name in Chinese, as UN documents in Chinese write it.
    pub fn name_zh(self) -> &'static str {
        match self {
            Region::Africa => "非洲",
            Region::Asia => "亚洲",
            Region::Europe => "欧洲",
            Region::LatinAmericaCaribbean => "拉丁美洲和加勒比",
            Region::NorthernAmerica => "北美洲",
            Region::Oceania => "大洋洲",
        }
    }

    fn from_name(name: &str) -> Option<Region> {
        use strum::IntoEnumIterator;
        Region::iter().find(|region| region.name_en() == name)
    }
}

/// One row of the reference table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub id: CountryId,
    /// ISO 3166-1 alpha-3, e.g. `CHN`.
    pub code: &'static str,
    /// ISO 3166-1 numeric, e.g. `156`; the key of the outlines in world-atlas.
    pub numeric: Option<u16>,
    /// `None` for the few codes UN M49 does not list (Antarctica, Taiwan, Kosovo).
    pub region: Option<Region>,
    /// The finest M49 group above the country ("Eastern Africa"); empty when M49 has none.
    pub subregion: &'static str,
    /// UN M49 Western Asia plus Egypt and Iran (M49 has no Middle East; see the assets' README).
    pub middle_east: bool,
    /// The official English name ("People's Republic of China").
    pub name_en: &'static str,
    /// The official Chinese name ("中国").
    pub name_zh: &'static str,
    /// Other English names ("China"), for search and did-you-mean.
    pub aliases_en: Vec<&'static str>,
}

struct Table {
    countries: Vec<Country>,
    by_code: HashMap<&'static str, CountryId>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is generated and checked in CI; a test parses it, so a bad row is a
        // broken build, not a user's mistake.
        let countries = parse(TSV).unwrap_or_else(|error| panic!("countries.tsv: {error}"));
        let by_code = countries.iter().map(|c| (c.code, c.id)).collect();
        Table { countries, by_code }
    })
}

fn parse(tsv: &'static str) -> Result<Vec<Country>, String> {
    let mut rows = tsv
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#'));
    const HEADER: &str =
        "code\tnumeric\tregion\tsubregion\tmiddle_east\tname_en\tname_zh\taliases_en";
    if rows.next().map(|(_, header)| header) != Some(HEADER) {
        return Err("the header row is not the expected one".into());
    }
    let mut countries = Vec::new();
    for (line, row) in rows {
        let fields: Vec<&'static str> = row.split('\t').collect();
        let [
            code,
            numeric,
            region,
            subregion,
            middle_east,
            name_en,
            name_zh,
            aliases,
        ] = fields[..]
        else {
            return Err(format!("line {}: {} fields, not 8", line + 1, fields.len()));
        };
        let id = CountryId(u16::try_from(countries.len()).map_err(|_| "too many rows")?);
        countries.push(Country {
            id,
            code,
            numeric: numeric.parse().ok(),
            region: match region {
                "" => None,
                name => Some(
                    Region::from_name(name)
                        .ok_or_else(|| format!("line {}: unknown region {name}", line + 1))?,
                ),
            },
            subregion,
            middle_east: middle_east == "yes",
            name_en,
            name_zh,
            aliases_en: aliases.split('|').filter(|a| !a.is_empty()).collect(),
        });
    }
    Ok(countries)
}

/// Every country of the reference, in code order; `all()[id.0]` is the country `id`.
pub fn all() -> &'static [Country] {
    &table().countries
}

/// The country `id` names.
pub fn country(id: CountryId) -> &'static Country {
    &table().countries[usize::from(id.0)]
}

/// The country of an alpha-3 code, exactly as written (`CHN`, not `chn`).
pub fn by_code(code: &str) -> Option<&'static Country> {
    table().by_code.get(code).map(|&id| country(id))
}

/// The country one of whose names (official zh or en, or an English alias) is `name`,
/// ignoring case in English.
pub fn find_by_name(name: &str) -> Option<&'static Country> {
    let wanted = name.trim().to_lowercase();
    all()
        .iter()
        .find(|c| names_of(c).any(|n| n.to_lowercase() == wanted))
}

fn names_of(country: &Country) -> impl Iterator<Item = &'static str> + '_ {
    [country.name_en, country.name_zh]
        .into_iter()
        .chain(country.aliases_en.iter().copied())
}

/// The country someone most likely meant by an unknown code or a misspelt name
/// (`CNH` → `CHN`, `Chnia` → `CHN`); `None` when nothing is close.
pub fn suggest(written: &str) -> Option<&'static Country> {
    let upper = written.trim().to_uppercase();
    // A code: one edit away, a swap of two letters counting as one edit (CNH, CHM).
    if upper.len() == 3 && upper.chars().all(|c| c.is_ascii_alphabetic()) {
        let close = all()
            .iter()
            .map(|c| (strsim::damerau_levenshtein(&upper, c.code), c))
            .filter(|(distance, _)| *distance == 1)
            .min_by_key(|(distance, _)| *distance);
        if let Some((_, country)) = close {
            return Some(country);
        }
    }
    let lower = written.trim().to_lowercase();
    all()
        .iter()
        .flat_map(|c| names_of(c).map(move |n| (c, n)))
        .map(|(c, n)| (strsim::jaro_winkler(&lower, &n.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.88)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, country)| country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_with_every_iso_code_once() {
        let countries = all();
        assert_eq!(countries.len(), 250);
        let mut codes: Vec<_> = countries.iter().map(|c| c.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), 250, "codes are sorted and unique");
        assert!(
            countries
                .iter()
                .all(|c| c.code.len() == 3 && !c.name_zh.is_empty())
        );
    }

    #[test]
    fn china_has_its_names_and_region() {
        let china = by_code("CHN").unwrap();
        assert_eq!(china.name_zh, "中国");
        assert_eq!(china.name_en, "People's Republic of China");
        assert_eq!(china.numeric, Some(156));
        assert_eq!(china.region, Some(Region::Asia));
        assert_eq!(china.subregion, "Eastern Asia");
        assert!(!china.middle_east);
        assert_eq!(country(china.id), china);
    }

    #[test]
    fn the_middle_east_is_western_asia_with_egypt_and_iran() {
        for code in ["SAU", "TUR", "EGY", "IRN", "ARE"] {
            assert!(by_code(code).unwrap().middle_east, "{code}");
        }
        for code in ["PAK", "LBY", "CHN"] {
            assert!(!by_code(code).unwrap().middle_east, "{code}");
        }
    }

    #[test]
    fn the_americas_are_split_in_two() {
        assert_eq!(
            by_code("USA").unwrap().region,
            Some(Region::NorthernAmerica)
        );
        assert_eq!(
            by_code("BRA").unwrap().region,
            Some(Region::LatinAmericaCaribbean)
        );
    }

    #[test]
    fn a_typo_of_a_code_or_a_name_finds_the_country() {
        assert_eq!(suggest("CNH").unwrap().code, "CHN");
        assert_eq!(suggest("Chnia").unwrap().code, "CHN");
        assert_eq!(suggest("Kazakstan").unwrap().code, "KAZ");
        assert_eq!(suggest("Pakistna").unwrap().code, "PAK");
        assert!(suggest("Atlantis Federation of Oceans").is_none());
    }

    #[test]
    fn names_are_found_in_both_languages_and_by_alias() {
        assert_eq!(find_by_name("中国").unwrap().code, "CHN");
        assert_eq!(find_by_name("china").unwrap().code, "CHN");
        assert_eq!(find_by_name("Russian Federation").unwrap().code, "RUS");
        assert!(find_by_name("Chin").is_none());
        assert!(by_code("chn").is_none());
    }
}
