//! Dates that say only what their source says: a day, part of a month, a month or a year.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

use super::lang::Lang;

/// Which part of a month a source names ("mid-October").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MonthPart {
    Early,
    Mid,
    Late,
    End,
}

impl MonthPart {
    const ALL: [MonthPart; 4] = [
        MonthPart::Early,
        MonthPart::Mid,
        MonthPart::Late,
        MonthPart::End,
    ];

    fn keyword(self) -> &'static str {
        match self {
            MonthPart::Early => "early",
            MonthPart::Mid => "mid",
            MonthPart::Late => "late",
            MonthPart::End => "end",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            MonthPart::Early => "上旬",
            MonthPart::Mid => "中旬",
            MonthPart::Late => "下旬",
            MonthPart::End => "底",
        }
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    PartOfMonth(MonthPart),
    Month,
    Year,
}

impl Precision {
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::PartOfMonth(_) => "part-of-month",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A date at the precision its source gives. `start` is the first day it can mean (for
/// "end of month", the last day of the month), which is what ages are counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FuzzyDate {
    start: NaiveDate,
    precision: Precision,
}

/// What a date string must look like, for error messages.
pub const DATE_FORMS: &str = "a date: 2023-10-18, \"2023-10-18\", \"2023-10-mid\" (early, mid, late, end), \"2023-10\" or \"2023\"";

impl FuzzyDate {
    pub const fn day(date: NaiveDate) -> FuzzyDate {
        FuzzyDate {
            start: date,
            precision: Precision::Day,
        }
    }

    pub fn start(&self) -> NaiveDate {
        self.start
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// Parses the string forms of [`DATE_FORMS`]. `None` when the text is not one of them
    /// or names a day that does not exist.
    pub fn parse(text: &str) -> Option<FuzzyDate> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        match parts.as_slice() {
            [year] => {
                let year = number(year, 4)? as i32;
                Some(FuzzyDate {
                    start: NaiveDate::from_ymd_opt(year, 1, 1)?,
                    precision: Precision::Year,
                })
            }
            [year, month] => Some(FuzzyDate {
                start: NaiveDate::from_ymd_opt(number(year, 4)? as i32, number(month, 2)?, 1)?,
                precision: Precision::Month,
            }),
            [year, month, day_or_part] => {
                let (year, month) = (number(year, 4)? as i32, number(month, 2)?);
                if let Some(day) = number(day_or_part, 2) {
                    return Some(FuzzyDate::day(NaiveDate::from_ymd_opt(year, month, day)?));
                }
                let part = MonthPart::ALL
                    .into_iter()
                    .find(|part| part.keyword() == *day_or_part)?;
                let first = NaiveDate::from_ymd_opt(year, month, 1)?;
                let start = match part {
                    MonthPart::Early => first,
                    MonthPart::Mid => first.with_day(11)?,
                    MonthPart::Late => first.with_day(21)?,
                    MonthPart::End => last_day_of_month(first),
                };
                Some(FuzzyDate {
                    start,
                    precision: Precision::PartOfMonth(part),
                })
            }
            _ => None,
        }
    }

    /// The date as the user reads it, at its true precision.
    pub fn display(&self, lang: Lang) -> String {
        let (y, m, d) = (self.start.year(), self.start.month(), self.start.day());
        match (self.precision, lang) {
            (Precision::Day, _) => format!("{y:04}-{m:02}-{d:02}"),
            (Precision::PartOfMonth(part), Lang::En) => {
                format!("{y:04}-{m:02} ({})", part.keyword())
            }
            (Precision::PartOfMonth(part), Lang::Zh) => format!("{y}年{m}月{}", part.zh()),
            (Precision::Month, _) => format!("{y:04}-{m:02}"),
            (Precision::Year, _) => format!("{y:04}"),
        }
    }

    /// How long ago the date was, counted from its first day ("3 years ago", "3年前").
    pub fn age(&self, today: NaiveDate, lang: Lang) -> String {
        let (earlier, later, future) = if self.start <= today {
            (self.start, today, false)
        } else {
            (today, self.start, true)
        };
        let months = months_between(earlier, later);
        let (count, unit) = if months >= 12 {
            (months / 12, TimeUnit::Year)
        } else if months >= 1 {
            (months, TimeUnit::Month)
        } else {
            ((later - earlier).num_days() as u32, TimeUnit::Day)
        };
        if count == 0 {
            return match lang {
                Lang::En => "today".to_owned(),
                Lang::Zh => "今天".to_owned(),
            };
        }
        match lang {
            Lang::En => {
                let plural = if count == 1 { "" } else { "s" };
                let unit = unit.en();
                if future {
                    format!("in {count} {unit}{plural}")
                } else {
                    format!("{count} {unit}{plural} ago")
                }
            }
            Lang::Zh => format!("{count}{}{}", unit.zh(), if future { "后" } else { "前" }),
        }
    }

    /// The canonical text form, the one [`FuzzyDate::parse`] reads back.
    pub fn canonical(&self) -> String {
        match self.precision {
            Precision::PartOfMonth(part) => format!(
                "{:04}-{:02}-{}",
                self.start.year(),
                self.start.month(),
                part.keyword()
            ),
            _ => self.display(Lang::En),
        }
    }
}

enum TimeUnit {
    Year,
    Month,
    Day,
}

impl TimeUnit {
    fn en(&self) -> &'static str {
        match self {
            TimeUnit::Year => "year",
            TimeUnit::Month => "month",
            TimeUnit::Day => "day",
        }
    }

    fn zh(&self) -> &'static str {
        match self {
            TimeUnit::Year => "年",
            TimeUnit::Month => "个月",
            TimeUnit::Day => "天",
        }
    }
}

/// Whole calendar months from `earlier` to `later` (`earlier <= later`).
fn months_between(earlier: NaiveDate, later: NaiveDate) -> u32 {
    let mut months =
        (later.year() - earlier.year()) * 12 + later.month() as i32 - earlier.month() as i32;
    if later.day() < earlier.day() {
        months -= 1;
    }
    months.max(0) as u32
}

fn last_day_of_month(first: NaiveDate) -> NaiveDate {
    let next_month = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    next_month.pred_opt().unwrap_or(first)
}

impl Ord for FuzzyDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start.cmp(&other.start)
    }
}

impl PartialOrd for FuzzyDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(Lang::En))
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.canonical())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_every_precision() {
        assert_eq!(
            FuzzyDate::parse("2023-10-18"),
            Some(FuzzyDate::day(ymd(2023, 10, 18)))
        );
        let mid = FuzzyDate::parse("2023-10-mid").unwrap();
        assert_eq!(mid.precision(), Precision::PartOfMonth(MonthPart::Mid));
        assert_eq!(mid.start(), ymd(2023, 10, 11));
        assert_eq!(
            FuzzyDate::parse("2022-12-end").unwrap().start(),
            ymd(2022, 12, 31)
        );
        assert_eq!(
            FuzzyDate::parse("2024-02-end").unwrap().start(),
            ymd(2024, 2, 29)
        );
        assert_eq!(
            FuzzyDate::parse("2023-10").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(FuzzyDate::parse("2013").unwrap().start(), ymd(2013, 1, 1));
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in [
            "2023-02-30",
            "2023-13",
            "23-10",
            "2023-10-middle",
            "",
            "2023/10/18",
            "2023-1-05",
        ] {
            assert_eq!(FuzzyDate::parse(bad), None, "{bad:?} should be rejected");
        }
    }

    #[test]
    fn displays_at_true_precision_in_both_languages() {
        let mid = FuzzyDate::parse("2023-10-mid").unwrap();
        assert_eq!(mid.display(Lang::En), "2023-10 (mid)");
        assert_eq!(mid.display(Lang::Zh), "2023年10月中旬");
        assert_eq!(mid.canonical(), "2023-10-mid");
        assert_eq!(FuzzyDate::parse("2013").unwrap().display(Lang::Zh), "2013");
    }

    #[test]
    fn ages_count_whole_units_from_the_first_possible_day() {
        let today = ymd(2026, 11, 28);
        let date = FuzzyDate::parse("2023-10-mid").unwrap();
        assert_eq!(date.age(today, Lang::En), "3 years ago");
        assert_eq!(date.age(today, Lang::Zh), "3年前");
        assert_eq!(
            FuzzyDate::day(ymd(2026, 10, 28)).age(today, Lang::En),
            "1 month ago"
        );
        assert_eq!(
            FuzzyDate::day(ymd(2026, 11, 25)).age(today, Lang::En),
            "3 days ago"
        );
        assert_eq!(FuzzyDate::day(today).age(today, Lang::En), "today");
        assert_eq!(
            FuzzyDate::day(ymd(2028, 12, 1)).age(today, Lang::En),
            "in 2 years"
        );
    }
}
