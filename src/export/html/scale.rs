//! Where a series sits on a chart: dates as fractional years, the runs a line may join,
//! the dates sources disagree on, and round labels for both axes.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::dataset::Observation;

/// The most steps between labels of the y axis.
const MAX_VALUE_STEPS: usize = 5;
/// The most year labels along the x axis.
const MAX_YEAR_LABELS: i32 = 9;

/// A date as a fractional year (`2024-07-02` → about `2024.5`): the x coordinate, as in
/// the dashboard's chart.
pub fn year_fraction(date: NaiveDate) -> f64 {
    let days_in_year = if NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    f64::from(date.year()) + f64::from(date.ordinal0()) / days_in_year
}

/// The runs a line may join, by the day each observation starts: the dashboard's gap rule
/// (src/ui/widgets/series.rs, which the export cannot reach): a step between distinct
/// dates longer than 1.5 times the median step is a gap and ends a run.
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

/// Whether each observation shares its date with another: sources disagree on it.
pub fn conflicts(series: &[Observation]) -> Vec<bool> {
    (0..series.len())
        .map(|i| {
            let same = |j: usize| series.get(j).is_some_and(|o| o.date == series[i].date);
            same(i + 1) || (i > 0 && same(i - 1))
        })
        .collect()
}

/// Whole years around the data; one date gets a year on either side.
pub fn year_bounds(min: f64, max: f64) -> (i32, i32) {
    let (first, last) = (min.floor() as i32, max.ceil() as i32);
    if first == last {
        (first - 1, last + 1)
    } else {
        (first, last)
    }
}

/// Every year, or every second, fifth, tenth… so that at most [`MAX_YEAR_LABELS`] show,
/// on multiples of the step.
pub fn year_ticks((first, last): (i32, i32)) -> Vec<i32> {
    let span = last - first;
    let step = [1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000]
        .into_iter()
        .find(|&step| span / step < MAX_YEAR_LABELS)
        .unwrap_or(span.max(1));
    let start = first + (step - first.rem_euclid(step)) % step;
    (start..=last).step_by(step as usize).collect()
}

/// Round values from at most `min` to at least `max`, evenly spaced by 1, 2, 2.5 or 5 times
/// a power of ten, at most [`MAX_VALUE_STEPS`] steps; a flat series gets room around its
/// value, and a range too wide for round steps is labelled at its ends.
pub fn value_ticks(min: f64, max: f64) -> Vec<f64> {
    let (min, max) = if min < max {
        (min, max)
    } else {
        let pad = if min == 0.0 { 1.0 } else { min.abs() / 10.0 };
        match (min - pad, max + pad) {
            (low, high) if low.is_finite() && high.is_finite() => (low, high),
            (low, _) if low.is_finite() => (low - pad, max),
            (_, high) => (min, high + pad),
        }
    };
    let least = max / MAX_VALUE_STEPS as f64 - min / MAX_VALUE_STEPS as f64;
    let power = 10f64.powf(least.log10().floor());
    for multiple in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let step = multiple * power;
        if !(step.is_finite() && step > 0.0 && step >= least) {
            continue;
        }
        let low = (min / step).floor();
        let steps = (max / step - low).ceil();
        if !(steps.is_finite() && steps <= MAX_VALUE_STEPS as f64) {
            continue;
        }
        // Multiples of the step, rounded to its decimals: 3 × 0.1 is 0.30000000000000004.
        let decimals = (-power.log10()).max(0.0) as usize + 1;
        let ticks: Vec<f64> = (0..=steps.max(1.0) as usize)
            .map(|i| (low + i as f64) * step)
            .map(|tick| round_to(tick, decimals))
            .collect();
        if ticks.iter().all(|tick| tick.is_finite()) {
            return ticks;
        }
        break;
    }
    vec![min, max]
}

fn round_to(value: f64, decimals: usize) -> f64 {
    if decimals > 17 {
        return value;
    }
    format!("{value:.decimals$}").parse().unwrap_or(value)
}

#[cfg(test)]
// One run of a whole series is a list of one range, not a mistaken list of numbers.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use chrono::Datelike;

    use super::*;
    use crate::dataset::FuzzyDate;

    fn day(text: &str) -> i32 {
        FuzzyDate::parse(text).unwrap().start().num_days_from_ce()
    }

    #[test]
    fn gaps_split_runs_as_in_the_dashboard() {
        // The cases of src/ui/widgets/series.rs, whose rule this is.
        let years = [
            "2016", "2017", "2018", "2020", "2020", "2021", "2023", "2024",
        ];
        let days: Vec<i32> = years.iter().map(|y| day(y)).collect();
        assert_eq!(runs(&days), [0..3, 3..6, 6..8]);
        let biennial: Vec<i32> = ["2016", "2018", "2020", "2022"].map(day).to_vec();
        assert_eq!(runs(&biennial), [0..4]);
        assert_eq!(runs(&[0, 10, 20, 35]), [0..4]);
        assert_eq!(runs(&[0, 10, 20, 36]), [0..3, 3..4]);
        assert_eq!(runs(&[day("2020"), day("2020")]), [0..2]);
        assert!(runs(&[]).is_empty());
    }

    #[test]
    fn value_ticks_are_round_and_cover_the_data() {
        assert_eq!(
            value_ticks(1702.0, 19000.0),
            [0.0, 5000.0, 10000.0, 15000.0, 20000.0]
        );
        assert_eq!(value_ticks(0.1, 0.7), [0.0, 0.2, 0.4, 0.6, 0.8]);
        assert_eq!(value_ticks(20.0, 20.0), [18.0, 19.0, 20.0, 21.0, 22.0]);
        assert_eq!(value_ticks(-5.0, 5.0), [-5.0, -2.5, 0.0, 2.5, 5.0]);
        for (min, max) in [
            (-f64::MAX, f64::MAX),
            (f64::MAX, f64::MAX),
            (-f64::MAX, -f64::MAX),
            (0.0, 5e306),
            (1e-300, 2e-300),
            (0.0, 0.0),
        ] {
            let ticks = value_ticks(min, max);
            assert!(ticks.iter().all(|v| v.is_finite()), "{ticks:?}");
            assert!(
                ticks[0] <= min && max <= ticks[ticks.len() - 1],
                "{min} {max}: {ticks:?}"
            );
            assert!(ticks[0] < ticks[ticks.len() - 1], "{ticks:?}");
        }
    }

    #[test]
    fn year_labels_fit_and_fall_on_round_years() {
        assert_eq!(year_ticks((2016, 2024)), (2016..=2024).collect::<Vec<_>>());
        assert_eq!(
            year_ticks((2013, 2025)),
            [2014, 2016, 2018, 2020, 2022, 2024]
        );
        assert_eq!(
            year_ticks((1990, 2030)),
            [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025, 2030]
        );
        assert_eq!(year_bounds(2023.0, 2023.0), (2022, 2024));
        assert_eq!(year_bounds(2018.6, 2025.9), (2018, 2026));
    }
}
