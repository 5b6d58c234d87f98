//! Figures as people read them: thousands separators, qualifiers, units, dates with ages.

use chrono::NaiveDate;

use crate::dataset::{Figure, FuzzyDate, Lang};

/// `17000.0` → `17,000`; `2.38` → `2.38`. Integers need no decimals; others keep up to
/// four significant decimals, trailing zeros dropped. The English form, also used where a
/// number is not shown in a language (the comparison of two datasets).
pub fn number(value: f64) -> String {
    digits(value, Some(','))
}

/// A number as a reader of `lang` writes it: `17,000` in English, and from a billion on
/// `97.2 billion`, `2.63 trillion` where that is exact; in Chinese `1.7万`, `1.5亿`,
/// `2.63万亿` where that is exact, else the plain digits (`15162`, `1702`). Money is
/// recorded in its base unit (dollars, yuan), so "972亿美元" and "97.2 billion US
/// dollars" are the same figure written by each language's own steps.
pub fn number_in(value: f64, lang: Lang) -> String {
    match lang {
        Lang::En => english_number(value),
        Lang::Zh => chinese_number(value),
    }
}

/// English counts in billions (10⁹) and trillions (10¹²) where the figure is a whole number
/// of hundredths of one, as English writes large sums; else the grouped digits (and past
/// 10¹⁵ the scientific form, as everywhere).
fn english_number(value: f64) -> String {
    if value.abs() >= 1e15 {
        return number(value);
    }
    in_steps(value, &[(1e12, " trillion"), (1e9, " billion")]).unwrap_or_else(|| number(value))
}

/// `value` in the largest of `steps` (size, name; largest first) of which it is a whole
/// number of hundredths; `None` when none fits (the digits will do).
fn in_steps(value: f64, steps: &[(f64, &str)]) -> Option<String> {
    steps
        .iter()
        .filter(|(size, _)| value.abs() >= *size)
        .find_map(|&(size, name)| {
            let hundredths = value / size * 100.0;
            // A relative tolerance: 12000 / 10⁴ * 100 is 120.00000000000001 in binary.
            ((hundredths - hundredths.round()).abs() <= 1e-9 * hundredths.abs())
                .then(|| format!("{}{name}", digits(hundredths.round() / 100.0, None)))
        })
}

/// Chinese counts in 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²), as Chinese sources write them
/// ("1.9万列"). Only when the figure is a whole number of hundredths of that unit: `15162`
/// as `1.5162万` or a rounded `1.52万` is not how anyone writes it, and rounding would
/// change the figure, so such numbers keep their digits, ungrouped as in Chinese text.
fn chinese_number(value: f64) -> String {
    // Past 9999万亿 no unit reads well: the digits (in scientific form) do.
    if value.abs() >= 1e16 {
        return digits(value, None);
    }
    in_steps(value, &[(1e12, "万亿"), (1e8, "亿"), (1e4, "万")])
        .unwrap_or_else(|| digits(value, None))
}

/// The digits of `value` with integer digits grouped by threes with `separator`: the
/// shortest text that reads back to the same number (`2.38`, `0.125`), never rounded. Out of
/// the range where digits are read at a glance, the shortest scientific form (`1e23`,
/// `2.38e-5`): `1e23` was `99,999,999,999,999,991,611,392` and `2.38e-5` was `0`.
fn digits(value: f64, separator: Option<char>) -> String {
    let negative = value < 0.0;
    let magnitude = value.abs();
    if magnitude != 0.0 && !(1e-4..1e15).contains(&magnitude) {
        let sign = if negative { "-" } else { "" };
        return format!("{sign}{magnitude:e}");
    }
    let text = format!("{magnitude}");
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if let Some(separator) = separator
            && index > 0
            && (whole.len() - index) % 3 == 0
        {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    // `-0` is not a number anyone writes.
    if negative && grouped.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// The value with its qualifier: `> 17,000`, `≈ 15,000`.
pub fn figure(figure: &Figure) -> String {
    format!("{}{}", figure.qualifier.symbol(), number(figure.value))
}

/// The value with its qualifier, written for `lang`: `> 17,000`, `> 1.7万`.
pub fn figure_in(figure: &Figure, lang: Lang) -> String {
    format!(
        "{}{}",
        figure.qualifier.symbol(),
        number_in(figure.value, lang)
    )
}

/// The value and unit, spaced as each language writes them: `20 countries`, `20个国家`,
/// `≈ 1.9万列`.
pub fn figure_with_unit(value: &Figure, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {unit}", figure_in(value, lang)),
        Lang::Zh => format!("{}{unit}", figure_in(value, lang)),
    }
}

/// Whether a figure dated `date` is older than the configured limit, counted from the
/// latest day the date can mean: "2023" is stale a limit after the end of 2023.
pub fn is_stale(date: &FuzzyDate, today: NaiveDate, stale_after_months: Option<u32>) -> bool {
    stale_after_months.is_some_and(|months| {
        date.latest()
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
    fn chinese_uses_wan_and_yi_where_exact() {
        let zh = |value| number_in(value, Lang::Zh);
        assert_eq!(zh(12000.0), "1.2万");
        assert_eq!(zh(150_000_000.0), "1.5亿");
        assert_eq!(zh(19000.0), "1.9万");
        assert_eq!(zh(120_000.0), "12万");
        assert_eq!(zh(10000.0), "1万");
        assert_eq!(zh(12_500.0), "1.25万");
        assert_eq!(zh(2.63e12), "2.63万亿");
        assert_eq!(zh(123_400_000.0), "12340万", "1.234亿 has three decimals");
        assert_eq!(zh(-25_000.0), "-2.5万");
    }

    #[test]
    fn chinese_keeps_digits_that_a_unit_would_round() {
        let zh = |value| number_in(value, Lang::Zh);
        assert_eq!(zh(15162.0), "15162", "1.5162万 is not how it is written");
        assert_eq!(zh(12406.0), "12406");
        assert_eq!(zh(1702.0), "1702", "small numbers as they are, ungrouped");
        assert_eq!(zh(9999.0), "9999");
        assert_eq!(zh(2.38), "2.38");
        assert_eq!(zh(0.0), "0");
        assert_eq!(zh(-0.000_01), "-1e-5", "a small figure is not 0");
        assert_eq!(zh(-0.0), "0");
    }

    #[test]
    fn numbers_are_never_rounded_and_extremes_are_scientific() {
        for lang in [Lang::En, Lang::Zh] {
            assert_eq!(number_in(1e23, lang), "1e23");
            assert_eq!(number_in(1e30, lang), "1e30");
            assert_eq!(number_in(2.38e-5, lang), "2.38e-5");
            assert_eq!(number_in(-5e306, lang), "-5e306");
            assert_eq!(number_in(3.25159, lang), "3.25159");
            assert_eq!(number_in(0.0001, lang), "0.0001");
        }
        assert_eq!(number(999_999_999_999_999.0), "999,999,999,999,999");
        assert_eq!(number(1e15), "1e15");
        assert_eq!(number_in(1.5e16, Lang::Zh), "1.5e16", "past 9999万亿");
        assert_eq!(number_in(9.9e15, Lang::Zh), "9900万亿");
        // Every text reads back to the number it shows.
        for value in [1e23, 2.38e-5, 3.25159, 0.1 + 0.2, 123_456.789, -7.25e-300] {
            let shown = number(value).replace(',', "");
            assert_eq!(shown.parse::<f64>().unwrap(), value, "{shown}");
        }
    }

    #[test]
    fn sums_read_in_each_languages_own_steps() {
        let both = |value| (number_in(value, Lang::En), number_in(value, Lang::Zh));
        assert_eq!(both(97.2e9), ("97.2 billion".into(), "972亿".into()));
        assert_eq!(both(2.63e12), ("2.63 trillion".into(), "2.63万亿".into()));
        assert_eq!(both(64e9), ("64 billion".into(), "640亿".into()));
        assert_eq!(both(1.5e9), ("1.5 billion".into(), "15亿".into()));
        let dollars = Figure {
            value: 97.2e9,
            qualifier: Qualifier::Exact,
        };
        assert_eq!(
            figure_with_unit(&dollars, "US dollars", Lang::En),
            "97.2 billion US dollars"
        );
        assert_eq!(figure_with_unit(&dollars, "美元", Lang::Zh), "972亿美元");
        // A sum no step writes exactly keeps its digits.
        assert_eq!(number_in(1_234_567_891.0, Lang::En), "1,234,567,891");
    }

    #[test]
    fn english_is_the_grouped_form() {
        assert_eq!(number_in(150_000_000.0, Lang::En), "150,000,000");
        assert_eq!(number_in(15162.0, Lang::En), "15,162");
    }

    #[test]
    fn stale_means_older_than_the_limit() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let date = FuzzyDate::parse("2023-10-mid").unwrap();
        assert!(is_stale(&date, today, Some(24)));
        assert!(!is_stale(&date, today, Some(48)));
        assert!(!is_stale(&date, today, None));
        // A year is stale only when its last day is: 2024 is not 24 months old until 2027.
        let year = FuzzyDate::parse("2024").unwrap();
        assert!(!is_stale(&year, today, Some(24)));
        assert!(is_stale(
            &year,
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            Some(24)
        ));
    }

    #[test]
    fn writes_qualifiers_before_the_number() {
        let more = Figure {
            value: 17000.0,
            qualifier: Qualifier::MoreThan,
        };
        assert_eq!(figure(&more), "> 17,000");
        assert_eq!(figure_with_unit(&more, "列", Lang::Zh), "> 1.7万列");
        assert_eq!(figure_in(&more, Lang::Zh), "> 1.7万");
        assert_eq!(
            figure_with_unit(&more, "trains", Lang::En),
            "> 17,000 trains"
        );
    }
}
