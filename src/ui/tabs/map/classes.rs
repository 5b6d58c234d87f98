//! What the map colours a country by, as classes a legend can state: for an event kind,
//! the year of a country's first such event by the year shown, in year buckets; for a
//! value kind or an indicator's breakdown, the value in classes of equal count. A country
//! with no fact by then has no class: it is drawn as an outline, never as a zero.

use crate::dataset::{Dataset, FactClass, Lang, Shown};
use crate::i18n::number_in;

/// At most this many classes: more cannot be told apart by shading.
pub const MAX_CLASSES: usize = 5;

/// The classes of one map at one year, and each declared country's class.
#[derive(Debug, Clone, PartialEq)]
pub struct Classes {
    /// What each class stands for (`2016`, `2017–2019`, `12 – 15`), lowest first.
    pub labels: Vec<String>,
    /// By declared country (index into `Dataset::countries`): its class, or `None`.
    pub of_country: Vec<Option<usize>>,
}

/// The classes of `shown` by the end of `year` (`None`: everything known).
pub fn classes(dataset: &Dataset, shown: Option<Shown>, year: Option<i32>, lang: Lang) -> Classes {
    let year = year.unwrap_or(i32::MAX);
    let count = dataset.countries.len();
    let Some(shown) = shown else {
        return Classes {
            labels: Vec::new(),
            of_country: vec![None; count],
        };
    };
    match shown {
        Shown::FactKind(kind) if dataset.fact_kinds[kind].class == FactClass::Event => {
            let since: Vec<Option<i32>> = (0..count)
                .map(|country| {
                    use chrono::Datelike;
                    dataset
                        .fact_as_of(country, kind, year)
                        .map(|fact| fact.date.start().year())
                })
                .collect();
            let years: Vec<i32> = dataset
                .fact_years(kind)
                .into_iter()
                .filter(|&y| y <= year)
                .collect();
            let buckets = buckets(&years);
            let labels = buckets
                .iter()
                .map(|&(first, last)| {
                    if first == last {
                        first.to_string()
                    } else {
                        format!("{first}–{last}")
                    }
                })
                .collect();
            let of_country = since
                .iter()
                .map(|year| {
                    let year = (*year)?;
                    buckets
                        .iter()
                        .position(|&(first, last)| (first..=last).contains(&year))
                })
                .collect();
            Classes { labels, of_country }
        }
        Shown::FactKind(kind) => {
            let values: Vec<Option<f64>> = (0..count)
                .map(|country| {
                    dataset
                        .fact_as_of(country, kind, year)
                        .and_then(|fact| fact.figure)
                        .map(|figure| figure.value)
                })
                .collect();
            by_value(&values, lang)
        }
        Shown::Indicator(indicator) => {
            let mut values = vec![None; count];
            for value in dataset.breakdown(indicator) {
                values[value.country] = Some(value.value);
            }
            by_value(&values, lang)
        }
    }
}

/// Consecutive runs of the sorted distinct `years`, at most [`MAX_CLASSES`], each as even
/// in count as they divide.
fn buckets(years: &[i32]) -> Vec<(i32, i32)> {
    let classes = years.len().min(MAX_CLASSES);
    (0..classes)
        .map(|class| {
            let start = class * years.len() / classes;
            let end = (class + 1) * years.len() / classes;
            (years[start], years[end - 1])
        })
        .collect()
}

/// Classes of equal count over the distinct values (quantiles), the range of each stated.
fn by_value(values: &[Option<f64>], lang: Lang) -> Classes {
    let mut distinct: Vec<f64> = values.iter().flatten().copied().collect();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    let classes = distinct.len().min(MAX_CLASSES);
    let ranges: Vec<(f64, f64)> = (0..classes)
        .map(|class| {
            let start = class * distinct.len() / classes;
            let end = (class + 1) * distinct.len() / classes;
            (distinct[start], distinct[end - 1])
        })
        .collect();
    let labels = ranges
        .iter()
        .map(|&(low, high)| {
            if low == high {
                number_in(low, lang)
            } else {
                format!("{} – {}", number_in(low, lang), number_in(high, lang))
            }
        })
        .collect();
    let of_country = values
        .iter()
        .map(|value| {
            let value = (*value)?;
            ranges
                .iter()
                .position(|&(low, high)| (low..=high).contains(&value))
        })
        .collect();
    Classes { labels, of_country }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_fall_into_at_most_five_even_buckets() {
        assert_eq!(buckets(&[2016, 2017]), [(2016, 2016), (2017, 2017)]);
        let years: Vec<i32> = (2013..=2023).collect();
        let made = buckets(&years);
        assert_eq!(made.len(), 5);
        assert_eq!(made.first(), Some(&(2013, 2014)));
        assert_eq!(made.last(), Some(&(2021, 2023)));
        assert!(buckets(&[]).is_empty());
    }

    #[test]
    fn values_get_quantile_classes_and_no_value_no_class() {
        let classes = by_value(&[Some(0.0), None, Some(10.0), Some(20.0)], Lang::En);
        assert_eq!(classes.labels, ["0", "10", "20"]);
        assert_eq!(classes.of_country, [Some(0), None, Some(1), Some(2)]);
    }
}
