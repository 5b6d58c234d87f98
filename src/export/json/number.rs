//! How the export writes a figure: whole numbers as JSON integers.

use serde::{Serialize, Serializer};

/// A whole number as a JSON integer (`20`, not `20.0`), anything else as a float: both
/// mean the same number, and the integer is what a reader expects for a count.
pub(super) fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() <= crate::export::MAX_EXACT_INTEGER {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// A figure serialised as [`number`] does, for a value kept in a JSON map.
pub(super) struct Number(pub(super) f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        number(&self.0, serializer)
    }
}

pub(super) fn optional_number<S: Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => number(value, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_integers_and_others_keep_their_fraction() {
        let json = |value: f64| {
            let mut out = Vec::new();
            number(&value, &mut serde_json::Serializer::new(&mut out)).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(json(20.0), "20");
        assert_eq!(json(-3.0), "-3");
        assert_eq!(json(2.38), "2.38");
        assert_eq!(
            json(1e300),
            "1e+300",
            "beyond 2^53 a float, not a wrong integer"
        );
        // The text CSV writes for the same figure.
        for value in [20.0, -3.0, 2.38, 1e300, 1e23, 2.38e-5, 0.1 + 0.2, -0.0] {
            assert_eq!(json(value), crate::export::machine_number(value), "{value}");
        }
    }
}
