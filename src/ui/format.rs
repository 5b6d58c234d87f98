//! Figures as people read them: thousands separators, qualifiers, units, dates with ages.

use chrono::NaiveDate;

use crate::dataset::{Figure, FuzzyDate, Lang};

/// `17000.0` → `17,000`; `2.38` → `2.38`. Integers need no decimals; others keep up to
/// four significant decimals, trailing zeros dropped.
pub fn number(value: f64) -> String {
    let negative = value < 0.0;
    let magnitude = value.abs();
    let text = if magnitude.fract() == 0.0 && magnitude < 1e15 {
        format!("{magnitude:.0}")
    } else {
        let fixed = format!("{magnitude:.4}");
        fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    if negative {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// The value with its qualifier: `> 17,000`, `≈ 15,000`.
pub fn figure(figure: &Figure) -> String {
    format!("{}{}", figure.qualifier.symbol(), number(figure.value))
}

/// The value and unit, spaced as each language writes them: `20 countries`, `20个国家`.
pub fn figure_with_unit(value: &Figure, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {unit}", figure(value)),
        Lang::Zh => format!("{}{unit}", figure(value)),
    }
}

/// `2023-10 (mid) · 3 years ago`.
pub fn date_with_age(date: &FuzzyDate, today: NaiveDate, lang: Lang) -> String {
    format!("{} · {}", date.display(lang), date.age(today, lang))
}

/// Whether a figure dated `date` is older than the configured limit.
pub fn is_stale(date: &FuzzyDate, today: NaiveDate, stale_after_months: Option<u32>) -> bool {
    stale_after_months.is_some_and(|months| {
        date.start()
            .checked_add_months(chrono::Months::new(months))
            .is_some_and(|limit| limit < today)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Qualifier;

    #[test]
    fn groups_thousands_and_trims_decimals() {
        assert_eq!(number(17000.0), "17,000");
        assert_eq!(number(130.0), "130");
        assert_eq!(number(1234567.0), "1,234,567");
        assert_eq!(number(2.38), "2.38");
        assert_eq!(number(97.2), "97.2");
        assert_eq!(number(-1500.5), "-1,500.5");
        assert_eq!(number(0.0), "0");
    }

    #[test]
    fn stale_means_older_than_the_limit() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let date = FuzzyDate::parse("2023-10-mid").unwrap();
        assert!(is_stale(&date, today, Some(24)));
        assert!(!is_stale(&date, today, Some(48)));
        assert!(!is_stale(&date, today, None));
    }

    #[test]
    fn writes_qualifiers_before_the_number() {
        let more = Figure {
            value: 17000.0,
            qualifier: Qualifier::MoreThan,
        };
        assert_eq!(figure(&more), "> 17,000");
        assert_eq!(figure_with_unit(&more, "列", Lang::Zh), "> 17,000列");
        assert_eq!(
            figure_with_unit(&more, "trains", Lang::En),
            "> 17,000 trains"
        );
    }
}
