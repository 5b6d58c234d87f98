//! Dates that say only what their source says: a day, part of a month, a month or a year.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which part of a month a source names ("mid-October").
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, strum::EnumString, strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum MonthPart {
    Early,
    Mid,
    Late,
    End,
}

impl MonthPart {
    /// The word a dataset writes for it (`2023-10-mid`).
    pub fn keyword(self) -> &'static str {
        self.into()
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Precision {
    Day,
    PartOfMonth(MonthPart),
    Month,
    Year,
}

impl Precision {
    /// Its name in machine-readable exports (`part-of-month`).
    pub fn name(self) -> &'static str {
        self.into()
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
                let part: MonthPart = day_or_part.parse().ok()?;
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

    /// The last day the date can mean: the 31st of December for a year, the last day of
    /// the month for a month or its late part, the 10th and the 20th for its early and mid
    /// parts. A coarse date is stale only when even this day is old.
    pub fn latest(&self) -> NaiveDate {
        match self.precision {
            Precision::Day | Precision::PartOfMonth(MonthPart::End) => self.start,
            Precision::PartOfMonth(MonthPart::Early) => {
                self.start.with_day(10).unwrap_or(self.start)
            }
            Precision::PartOfMonth(MonthPart::Mid) => self.start.with_day(20).unwrap_or(self.start),
            Precision::PartOfMonth(MonthPart::Late) | Precision::Month => {
                last_day_of_month(self.start.with_day(1).unwrap_or(self.start))
            }
            Precision::Year => {
                NaiveDate::from_ymd_opt(self.start.year(), 12, 31).unwrap_or(self.start)
            }
        }
    }

    /// How long ago (or ahead) the date is, in whole units of the largest unit that fits
    /// and never finer than the date is known: a year is `2 years ago` or `this year`, never
    /// `5 months ago`; a month (or part of one) counts calendar months, `this month` for
    /// today's. The data of an age, which `i18n::age` words.
    pub fn elapsed(&self, today: NaiveDate) -> Elapsed {
        let future = self.start > today;
        let calendar_months = |from: NaiveDate, to: NaiveDate| {
            ((to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32)
                .unsigned_abs()
        };
        let in_units = |months: u32| {
            if months >= 12 {
                (months / 12, TimeUnit::Year)
            } else {
                (months, TimeUnit::Month)
            }
        };
        let (count, unit) = match self.precision {
            Precision::Year => (
                (today.year() - self.start.year()).unsigned_abs(),
                TimeUnit::Year,
            ),
            Precision::Month | Precision::PartOfMonth(_) => {
                in_units(calendar_months(self.start, today))
            }
            Precision::Day => {
                let (earlier, later) = if future {
                    (today, self.start)
                } else {
                    (self.start, today)
                };
                match months_between(earlier, later) {
                    0 => ((later - earlier).num_days() as u32, TimeUnit::Day),
                    months => in_units(months),
                }
            }
        };
        Elapsed {
            count,
            unit,
            future,
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
            Precision::Day => self.start.format("%Y-%m-%d").to_string(),
            Precision::Month => self.start.format("%Y-%m").to_string(),
            Precision::Year => format!("{:04}", self.start.year()),
        }
    }
}

/// Whole units between a date and today; a count of 0 is today, this month or this year,
/// by the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elapsed {
    pub count: u32,
    pub unit: TimeUnit,
    /// The date is after today.
    pub future: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Year,
    Month,
    Day,
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

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.canonical())
    }
}

/// Read back from the form it is written in (the pre-built models of the built-in datasets).
impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = String::deserialize(deserializer)?;
        FuzzyDate::parse(&written)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date: {written}")))
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
    fn the_canonical_form_reads_back() {
        for text in ["2023-10-18", "2023-10-mid", "2023-10", "2013"] {
            assert_eq!(FuzzyDate::parse(text).unwrap().canonical(), text);
        }
    }
}
