//! How the JSON export and the JSON diff write a number: whole numbers as JSON integers.

use std::io;

use serde::{Serialize, Serializer};
use serde_json::ser::{Formatter, PrettyFormatter};

/// The rule: a whole number (within the range a float holds exactly) is written as a JSON
/// integer (`20`, not `20.0`), anything else as a float. Both mean the same number, the
/// integer is what a reader expects for a count, and a value the dataset writes `20` reads
/// `20` in every JSON bri-dash writes.
fn as_integer(value: f64) -> Option<i64> {
    (value.fract() == 0.0 && value.abs() <= crate::export::MAX_EXACT_INTEGER)
        .then_some(value as i64)
}

pub(super) fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    match as_integer(*value) {
        Some(integer) => serializer.serialize_i64(integer),
        None => serializer.serialize_f64(*value),
    }
}

/// Writes JSON pretty-printed as `serde_json::to_string_pretty` does, each float by the
/// rule of [`number`]: for documents, such as the diff, serialised straight from the model,
/// whose numbers are floats.
pub(crate) struct WholeNumbers<'a>(pub(crate) PrettyFormatter<'a>);

impl Formatter for WholeNumbers<'_> {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        match as_integer(value) {
            Some(integer) => self.write_i64(writer, integer),
            None => self.0.write_f64(writer, value),
        }
    }
    // The layout is the pretty formatter's.
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
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

    #[test]
    fn a_document_of_floats_is_written_by_the_same_rule() {
        let document = serde_json::json!([20.0, 2.38, { "b": -3.0, "c": 1e300 }]);
        let mut out = Vec::new();
        let formatter = WholeNumbers(PrettyFormatter::new());
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
        document.serialize(&mut serializer).unwrap();
        let pretty = serde_json::to_string_pretty(&document).unwrap();
        let expected = pretty.replace("20.0", "20").replace("-3.0", "-3");
        assert_eq!(String::from_utf8(out).unwrap(), expected);
        assert!(
            expected.contains("2.38") && expected.contains("1e+300"),
            "{expected}"
        );
    }
}
