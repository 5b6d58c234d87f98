//! Round labels for both axes of a chart; where the series sits in time is
//! `dataset::series`, as in the dashboard.

/// The most steps between labels of the y axis.
const MAX_VALUE_STEPS: usize = 5;
/// The most year labels along the x axis.
const MAX_YEAR_LABELS: i32 = 9;

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
mod tests {
    use super::*;

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
