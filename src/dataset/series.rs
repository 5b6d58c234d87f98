//! The shape of an indicator's series, the same wherever it is drawn (the dashboard's line
//! chart and sparkline, the HTML export's charts): where each observation sits in time,
//! which runs of observations a line may join, and which dates sources disagree on.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::Observation;

/// A date as a fractional year (`2024-07-02` → about `2024.5`), the chart's x coordinate:
/// years are what its axis is labelled in.
pub fn year_fraction(date: NaiveDate) -> f64 {
    let days_in_year = if NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    f64::from(date.year()) + f64::from(date.ordinal0()) / days_in_year
}

/// Splits a series into the runs a line may join, by the day each observation starts
/// (oldest first; equal days are one date with several values).
///
/// The gap rule: take the spacing between consecutive distinct dates; the typical spacing
/// is its median (the lower one of an even count). A step longer than 1.5 times the typical
/// spacing is a gap — a period the series has no figure for — and ends a run. So yearly
/// data missing 2019 has a gap between 2018 and 2020 (two years against a typical one), a
/// biennial series has none, and irregular news-dated figures are joined unless one step
/// is far longer than the others. With two dates there is one step and no gap.
pub fn runs(days: &[i32]) -> Vec<Range<usize>> {
    if days.is_empty() {
        return Vec::new();
    }
    let steps: Vec<(usize, i32)> = (1..days.len())
        .filter(|&i| days[i] != days[i - 1])
        .map(|i| (i, days[i] - days[i - 1]))
        .collect();
    let mut sorted: Vec<i32> = steps.iter().map(|&(_, step)| step).collect();
    sorted.sort_unstable();
    // Without a step (one date) nothing is compared with it.
    let typical = sorted
        .get(sorted.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or_default();
    let mut runs = Vec::new();
    let mut start = 0;
    for (index, step) in steps {
        if f64::from(step) > 1.5 * f64::from(typical) {
            runs.push(start..index);
            start = index;
        }
    }
    runs.push(start..days.len());
    runs
}

/// The day number of each observation's date, for [`runs`].
pub fn days(series: &[Observation]) -> Vec<i32> {
    series
        .iter()
        .map(|o| o.date.start().num_days_from_ce())
        .collect()
}

/// Whether each observation shares its date with another (sources disagree).
pub fn conflicts(series: &[Observation]) -> Vec<bool> {
    (0..series.len())
        .map(|i| {
            let same = |j: usize| series.get(j).is_some_and(|o| o.date == series[i].date);
            same(i + 1) || (i > 0 && same(i - 1))
        })
        .collect()
}

#[cfg(test)]
// One run of a whole series is a list of one range, not a mistaken list of numbers.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::dataset::{Figure, FuzzyDate, Qualifier};

    fn day(text: &str) -> i32 {
        FuzzyDate::parse(text).unwrap().start().num_days_from_ce()
    }

    fn observation(date: &str, value: f64) -> Observation {
        Observation {
            date: FuzzyDate::parse(date).unwrap(),
            figure: Figure {
                value,
                qualifier: Qualifier::Exact,
            },
            source: None,
            quote: None,
            quote_translated: None,
            note: None,
        }
    }

    #[test]
    fn a_missing_year_splits_yearly_data() {
        let years = [
            "2016", "2017", "2018", "2020", "2020", "2021", "2023", "2024",
        ];
        let days: Vec<i32> = years.iter().map(|y| day(y)).collect();
        assert_eq!(runs(&days), [0..3, 3..6, 6..8]);
    }

    #[test]
    fn regular_spacing_has_no_gap() {
        let biennial: Vec<i32> = ["2016", "2018", "2020", "2022"].map(day).to_vec();
        assert_eq!(runs(&biennial), [0..4]);
        let two = [day("2019"), day("2023-10-18")];
        assert_eq!(runs(&two), [0..2], "one step is its own typical spacing");
        assert_eq!(runs(&[day("2020")]), [0..1]);
        assert_eq!(runs(&[day("2020"), day("2020")]), [0..2], "a conflict only");
        assert!(runs(&[]).is_empty());
    }

    #[test]
    fn one_step_far_longer_than_the_rest_is_a_gap() {
        // Cumulative trains: a step of 2.7 years among steps of about 8 months.
        let days: Vec<i32> = [
            "2018-08-26",
            "2019-03-end",
            "2021-11-end",
            "2022-12-end",
            "2023-10",
            "2024-05-25",
        ]
        .map(day)
        .to_vec();
        assert_eq!(runs(&days), [0..2, 2..6]);
    }

    #[test]
    fn the_threshold_is_one_and_a_half_typical_steps() {
        assert_eq!(
            runs(&[0, 10, 20, 35]),
            [0..4],
            "15 is not more than 1.5 × 10"
        );
        assert_eq!(runs(&[0, 10, 20, 36]), [0..3, 3..4]);
    }

    #[test]
    fn conflicts_are_observations_sharing_a_date() {
        let series = [
            observation("2019", 1.0),
            observation("2020", 2.0),
            observation("2020", 3.0),
            observation("2021", 4.0),
        ];
        assert_eq!(conflicts(&series), [false, true, true, false]);
    }
}
