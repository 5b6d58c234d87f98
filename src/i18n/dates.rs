//! Dates and ages as each language writes them, at the precision the source gives.

use chrono::{Datelike, NaiveDate};

use crate::dataset::{FuzzyDate, Lang, MonthPart, Precision, TimeUnit};

/// The date as the user reads it, at its true precision: `2023-10 (mid)`, `2023年10月中旬`.
pub fn date(date: &FuzzyDate, lang: Lang) -> String {
    let start = date.start();
    let (y, m) = (start.year(), start.month());
    match (date.precision(), lang) {
        (Precision::PartOfMonth(part), Lang::En) => format!("{y:04}-{m:02} ({})", part.keyword()),
        (Precision::PartOfMonth(part), Lang::Zh) => format!("{y}年{m}月{}", month_part_zh(part)),
        _ => date.canonical(),
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

/// How long ago the date was, counted from its first day: `3 years ago`, `3年前`, `today`.
pub fn age(date: &FuzzyDate, today: NaiveDate, lang: Lang) -> String {
    let elapsed = date.elapsed(today);
    let count = elapsed.count;
    if count == 0 {
        return match lang {
            Lang::En => "today".to_owned(),
            Lang::Zh => "今天".to_owned(),
        };
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
        (Precision::Day, Lang::En) => "to the day",
        (Precision::Day, Lang::Zh) => "精确到日",
        (Precision::PartOfMonth(_), Lang::En) => "part of a month",
        (Precision::PartOfMonth(_), Lang::Zh) => "精确到旬",
        (Precision::Month, Lang::En) => "to the month",
        (Precision::Month, Lang::Zh) => "精确到月",
        (Precision::Year, Lang::En) => "to the year",
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
        assert_eq!(date(&FuzzyDate::parse("2013").unwrap(), Lang::Zh), "2013");
        assert_eq!(
            date(&FuzzyDate::parse("2023-10-18").unwrap(), Lang::Zh),
            "2023-10-18"
        );
    }

    #[test]
    fn ages_count_whole_units_from_the_first_possible_day() {
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
    }
}
