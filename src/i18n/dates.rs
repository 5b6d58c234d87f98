//! Dates and ages as each language writes them, at the precision the source gives.

use chrono::{Datelike, NaiveDate};

use crate::dataset::{FuzzyDate, Lang, MonthPart, Precision, TimeUnit};

/// The date as the user reads it, at its true precision, in one style per language:
/// `2023-10 (mid)`, `2023-10`, `2023` in English; `2023年10月中旬`, `2023年10月18日`,
/// `2023年10月`, `2023年` in Chinese, as Chinese text writes dates.
pub fn date(date: &FuzzyDate, lang: Lang) -> String {
    let start = date.start();
    let (y, m, d) = (start.year(), start.month(), start.day());
    match (date.precision(), lang) {
        (Precision::PartOfMonth(part), Lang::En) => format!("{y:04}-{m:02} ({})", part.keyword()),
        (Precision::PartOfMonth(part), Lang::Zh) => format!("{y}年{m}月{}", month_part_zh(part)),
        (Precision::Day, Lang::Zh) => format!("{y}年{m}月{d}日"),
        (Precision::Month, Lang::Zh) => format!("{y}年{m}月"),
        (Precision::Year, Lang::Zh) => format!("{y}年"),
        (_, Lang::En) => date.canonical(),
    }
}

fn month_part_zh(part: MonthPart) -> &'static str {
    match part {
        MonthPart::Early => "上旬",
        MonthPart::Mid => "中旬",
        MonthPart::Late => "下旬",
        MonthPart::End => "底",
    }
}

/// How long ago the date was, no finer than it is known: `3 years ago`, `3年前`, `today`,
/// `this year` (a year-precision date of the current year).
pub fn age(date: &FuzzyDate, today: NaiveDate, lang: Lang) -> String {
    let elapsed = date.elapsed(today);
    let count = elapsed.count;
    if count == 0 {
        let (en, zh) = match elapsed.unit {
            TimeUnit::Day => ("today", "今天"),
            TimeUnit::Month => ("this month", "本月"),
            TimeUnit::Year => ("this year", "今年"),
        };
        return match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
        .to_owned();
    }
    match lang {
        Lang::En => {
            let unit = match elapsed.unit {
                TimeUnit::Year => "year",
                TimeUnit::Month => "month",
                TimeUnit::Day => "day",
            };
            let plural = if count == 1 { "" } else { "s" };
            if elapsed.future {
                format!("in {count} {unit}{plural}")
            } else {
                format!("{count} {unit}{plural} ago")
            }
        }
        Lang::Zh => {
            let unit = match elapsed.unit {
                TimeUnit::Year => "年",
                TimeUnit::Month => "个月",
                TimeUnit::Day => "天",
            };
            format!("{count}{unit}{}", if elapsed.future { "后" } else { "前" })
        }
    }
}

/// `2023-10 (mid) · 3 years ago`.
pub fn date_with_age(when: &FuzzyDate, today: NaiveDate, lang: Lang) -> String {
    format!("{} · {}", date(when, lang), age(when, today, lang))
}

/// How precisely a date is known, in words.
pub fn precision_name(precision: Precision, lang: Lang) -> &'static str {
    match (precision, lang) {
        (Precision::Day, Lang::En) => "exact date",
        (Precision::Day, Lang::Zh) => "精确到日",
        (Precision::PartOfMonth(_), Lang::En) => "date known to part of a month",
        (Precision::PartOfMonth(_), Lang::Zh) => "精确到旬",
        (Precision::Month, Lang::En) => "date known to the month",
        (Precision::Month, Lang::Zh) => "精确到月",
        (Precision::Year, Lang::En) => "date known to the year",
        (Precision::Year, Lang::Zh) => "精确到年",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_at_true_precision_in_both_languages() {
        let mid = FuzzyDate::parse("2023-10-mid").unwrap();
        assert_eq!(date(&mid, Lang::En), "2023-10 (mid)");
        assert_eq!(date(&mid, Lang::Zh), "2023年10月中旬");
        assert_eq!(date(&FuzzyDate::parse("2013").unwrap(), Lang::Zh), "2013年");
        assert_eq!(
            date(&FuzzyDate::parse("2023-10-18").unwrap(), Lang::Zh),
            "2023年10月18日"
        );
        assert_eq!(
            date(&FuzzyDate::parse("2019-12").unwrap(), Lang::Zh),
            "2019年12月"
        );
        assert_eq!(
            date(&FuzzyDate::parse("2019-12").unwrap(), Lang::En),
            "2019-12"
        );
    }

    #[test]
    fn ages_count_whole_units_no_finer_than_the_date() {
        let today = ymd(2026, 11, 28);
        let mid = FuzzyDate::parse("2023-10-mid").unwrap();
        assert_eq!(age(&mid, today, Lang::En), "3 years ago");
        assert_eq!(age(&mid, today, Lang::Zh), "3年前");
        let day = |y, m, d| FuzzyDate::day(ymd(y, m, d));
        assert_eq!(age(&day(2026, 10, 28), today, Lang::En), "1 month ago");
        assert_eq!(age(&day(2026, 11, 25), today, Lang::En), "3 days ago");
        assert_eq!(age(&day(2026, 11, 28), today, Lang::En), "today");
        assert_eq!(age(&day(2028, 12, 1), today, Lang::En), "in 2 years");
        assert_eq!(age(&day(2028, 12, 1), today, Lang::Zh), "2年后");
        // No finer than the date is known.
        let parse = |text| FuzzyDate::parse(text).unwrap();
        assert_eq!(age(&parse("2026"), today, Lang::En), "this year");
        assert_eq!(age(&parse("2026"), today, Lang::Zh), "今年");
        assert_eq!(age(&parse("2025"), today, Lang::En), "1 year ago");
        assert_eq!(age(&parse("2026-11"), today, Lang::En), "this month");
        assert_eq!(age(&parse("2026-06"), today, Lang::En), "5 months ago");
        assert_eq!(age(&parse("2026-11-early"), today, Lang::Zh), "本月");
    }
}
