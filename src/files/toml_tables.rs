//! Reading a large TOML document one top-level table at a time.
//!
//! `toml` builds the tree of a whole document before serde sees any of it, and that tree
//! costs about 15 bytes for every byte of a dataset file (1.4 GB for a 90 MB file). A
//! dataset is almost all `[[indicators]]`-style entries, each a few hundred bytes, so this
//! splits the document at its top-level headers, parses each piece alone, moves its spans
//! to where they are in the whole document, and hands the pieces to serde as one map: a
//! piece's tree is gone before the next is parsed, and what stays is only what serde
//! builds.
//!
//! It reads only documents it can split without doubt, and gives up (`None` from
//! [`Tables::split`], an error from reading a piece) on anything else — a key or value
//! before the first header, a header it does not read plainly
//! (quoted keys, a table whose entries are not together), a syntax error, a value of the
//! wrong type. The caller then reads the whole document the ordinary way, which finds and
//! reports every problem exactly as before; so this changes what a valid file costs and
//! nothing of what a broken file says.

use std::ops::Range;

use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use toml::Spanned;
use toml::de::{DeTable, DeValue, Error, ValueDeserializer};
use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// A document split at its top-level headers, read a piece at a time.
pub struct Tables<'i> {
    text: &'i str,
    runs: Vec<Run<'i>>,
}

impl<'i> Tables<'i> {
    /// `None` when `text` cannot be split without doubt.
    pub fn split(text: &'i str) -> Option<Tables<'i>> {
        Some(Tables {
            text,
            runs: runs(text)?,
        })
    }

    /// Deserializes the document without its top-level key `apart` (read it with
    /// [`Tables::entries`]): an error if a piece fails to parse or does not deserialize.
    pub fn deserialize<T: de::Deserialize<'i>>(&self, apart: &str) -> Result<T, Error> {
        T::deserialize(Document {
            text: self.text,
            runs: self.runs.iter().filter(|run| run.key != apart).collect(),
        })
    }

    /// The entries of the top-level array of tables `key`, each parsed and deserialized
    /// when the iterator is asked for it: none when the document has no `key`, and `None`
    /// when its `key` is not an array of tables (which serde would refuse).
    pub fn entries<'a, T: de::Deserialize<'i>>(
        &'a self,
        key: &str,
    ) -> Option<impl ExactSizeIterator<Item = Result<T, Error>> + 'a> {
        let (key, pieces) = match self.runs.iter().find(|run| run.key == key) {
            Some(run) if run.array => (run.key, run.pieces.as_slice()),
            Some(_) => return None,
            None => ("", &[][..]),
        };
        Some(pieces.iter().map(move |piece| {
            T::deserialize(ValueDeserializer::from(parse_entry(self.text, piece, key)?))
        }))
    }
}

/// The top-level keys of a document in order, each with the pieces of text that define it:
/// one piece for a table (`[dataset]` and its sub-tables), one per entry for an array of
/// tables (`[[indicators]]`, each with its `[indicators.quote]`-style sub-tables).
struct Run<'i> {
    key: &'i str,
    array: bool,
    pieces: Vec<Range<usize>>,
}

/// A header at the start of a line, outside any value.
struct Header<'i> {
    start: usize,
    first_key: &'i str,
    /// `[[key]]` with a single key: a new entry of a top-level array of tables.
    new_entry: bool,
}

/// Splits `text` into runs, or `None` where that cannot be done without doubt.
fn runs(text: &str) -> Option<Vec<Run<'_>>> {
    let headers = headers(text)?;
    let mut runs: Vec<Run<'_>> = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let piece = header.start..headers.get(index + 1).map_or(text.len(), |next| next.start);
        let seen_before = runs.iter().any(|run| run.key == header.first_key);
        match runs.last_mut() {
            Some(run) if run.key == header.first_key => match (header.new_entry, run.array) {
                (true, true) => run.pieces.push(piece),
                (true, false) => return None,
                // A sub-table of the last piece (`[indicators.quote]`,
                // `[[indicators.series]]`), or a table defined twice, which the piece's
                // parse then reports.
                (false, _) => run.pieces.last_mut()?.end = piece.end,
            },
            _ if seen_before => {
                // A key defined in two places apart: serde would see it twice.
                return None;
            }
            _ => runs.push(Run {
                key: header.first_key,
                array: header.new_entry,
                pieces: vec![piece],
            }),
        }
    }
    Some(runs)
}

/// Every top-level header of `text`, in order; `None` if anything but whitespace and
/// comments comes before the first, or a header is not a plain one.
fn headers(text: &str) -> Option<Vec<Header<'_>>> {
    let mut tokens = Source::new(text).lex().peekable();
    let mut headers = Vec::new();
    let mut depth = 0usize;
    let mut line_start = true;
    while let Some(token) = tokens.next() {
        let kind = token.kind();
        let span = token.span();
        match kind {
            TokenKind::Newline => {
                line_start = true;
                continue;
            }
            TokenKind::Whitespace => continue,
            TokenKind::Comment => continue,
            TokenKind::Eof => break,
            TokenKind::LeftSquareBracket if depth == 0 && line_start => {
                let array = tokens
                    .next_if(|next| next.kind() == TokenKind::LeftSquareBracket)
                    .is_some();
                let mut first_key = None;
                let mut segments = 0;
                // The key, then `]` or `]]`; anything else is left to the whole parser.
                loop {
                    let token = tokens.next()?;
                    match token.kind() {
                        TokenKind::Whitespace | TokenKind::Dot => {}
                        TokenKind::Atom => {
                            let key = &text[token.span().start()..token.span().end()];
                            if !key
                                .bytes()
                                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                            {
                                return None;
                            }
                            segments += 1;
                            first_key.get_or_insert(key);
                        }
                        TokenKind::RightSquareBracket => break,
                        _ => return None,
                    }
                }
                if array && tokens.next()?.kind() != TokenKind::RightSquareBracket {
                    return None;
                }
                headers.push(Header {
                    start: span.start(),
                    first_key: first_key?,
                    new_entry: array && segments == 1,
                });
            }
            _ if headers.is_empty() => return None,
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        line_start = false;
    }
    Some(headers)
}

/// The document as serde sees it: a map of its runs.
struct Document<'r, 'i> {
    text: &'i str,
    runs: Vec<&'r Run<'i>>,
}

impl<'de> Deserializer<'de> for Document<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(Runs {
            document: self,
            next: 0,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        enum identifier ignored_any
    }
}

struct Runs<'r, 'i> {
    document: Document<'r, 'i>,
    next: usize,
}

impl<'de> MapAccess<'de> for Runs<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(run) = self.document.runs.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(run.key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let run = self.document.runs[self.next];
        self.next += 1;
        if run.array {
            seed.deserialize(Entries {
                text: self.document.text,
                run,
                next: 0,
            })
        } else {
            let value = parse_piece(self.document.text, &run.pieces[0], run.key)?;
            seed.deserialize(ValueDeserializer::from(value))
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.document.runs.len() - self.next)
    }
}

/// The entries of one array of tables, each parsed when serde asks for it.
struct Entries<'r, 'i> {
    text: &'i str,
    run: &'r Run<'i>,
    next: usize,
}

impl<'de> Deserializer<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        enum identifier ignored_any
    }
}

impl<'de> SeqAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.next == self.run.pieces.len() {
            return Ok(None);
        }
        let entry = parse_entry(self.text, &self.run.pieces[self.next], self.run.key)?;
        self.next += 1;
        seed.deserialize(ValueDeserializer::from(entry)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.run.pieces.len() - self.next)
    }
}

/// Parses `piece` of `text` alone, with the spans of the whole document, and returns the
/// value of `key`, the one top-level key it defines.
fn parse_piece<'i>(
    text: &'i str,
    piece: &Range<usize>,
    key: &str,
) -> Result<Spanned<DeValue<'i>>, Error> {
    let parsed = DeTable::parse(&text[piece.clone()])?;
    let mut table = shifted_table(parsed.into_inner(), piece.start);
    if table.len() != 1 {
        return Err(de::Error::custom("a piece defines one top-level key"));
    }
    table
        .remove(key)
        .ok_or_else(|| de::Error::custom("a piece defines its run's key"))
}

/// The entry a piece of an array of tables holds: `[[key]]` parsed alone is an array of one.
fn parse_entry<'i>(
    text: &'i str,
    piece: &Range<usize>,
    key: &str,
) -> Result<Spanned<DeValue<'i>>, Error> {
    match parse_piece(text, piece, key)?.into_inner() {
        DeValue::Array(array) if array.len() == 1 => array.into_iter().next(),
        _ => None,
    }
    .ok_or_else(|| de::Error::custom("not one entry"))
}

/// `table` with every span moved `by` bytes on: a piece's spans count from its own start.
fn shifted_table(table: DeTable<'_>, by: usize) -> DeTable<'_> {
    let mut moved = DeTable::new();
    for (key, value) in table {
        let span = key.span();
        moved.insert(
            Spanned::new(span.start + by..span.end + by, key.into_inner()),
            shifted(value, by),
        );
    }
    moved
}

fn shifted(value: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = value.span();
    let inner = match value.into_inner() {
        DeValue::Table(table) => DeValue::Table(shifted_table(table, by)),
        DeValue::Array(mut array) => {
            // In place, so that the array keeps what it knows of itself (an array of tables).
            for item in array.iter_mut() {
                let taken = std::mem::replace(item, Spanned::new(0..0, DeValue::Boolean(false)));
                *item = shifted(taken, by);
            }
            DeValue::Array(array)
        }
        scalar => scalar,
    };
    Spanned::new(span.start + by..span.end + by, inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each run as its key, whether an array, and its pieces' texts.
    fn split(text: &str) -> Option<Vec<(&str, bool, Vec<&str>)>> {
        let runs = runs(text)?;
        Some(
            runs.into_iter()
                .map(|run| {
                    let pieces = run
                        .pieces
                        .iter()
                        .map(|piece| &text[piece.clone()])
                        .collect();
                    (run.key, run.array, pieces)
                })
                .collect(),
        )
    }

    #[test]
    fn entries_keep_their_sub_tables_and_tables_their_own() {
        let text = "# a comment\n\n[dataset]\nid = \"x\"\n[dataset.extra]\na = 1\n\
                    [[items]]\nid = 1\n[items.quote]\nzh = \"[[items]]\"\n[[items.series]]\nv = [\n[1],\n]\n\
                    [[items]] # the second\nid = 2\n";
        assert_eq!(
            split(text),
            Some(vec![
                (
                    "dataset",
                    false,
                    vec!["[dataset]\nid = \"x\"\n[dataset.extra]\na = 1\n"]
                ),
                (
                    "items",
                    true,
                    vec![
                        "[[items]]\nid = 1\n[items.quote]\nzh = \"[[items]]\"\n[[items.series]]\nv = [\n[1],\n]\n",
                        "[[items]] # the second\nid = 2\n",
                    ]
                ),
            ])
        );
    }

    #[test]
    fn a_header_inside_a_string_or_a_value_is_not_a_header() {
        let text = "[a]\ns = \"\"\"\n[[b]]\n\"\"\"\nv = [\n  [1, 2],\n]\nt = { x = [\n[3]] }\n";
        assert_eq!(split(text), Some(vec![("a", false, vec![text])]));
    }

    #[test]
    fn what_cannot_be_split_without_doubt_is_left_to_the_whole_parser() {
        for text in [
            "key = 1\n[a]\n",        // a key before the first header
            "[\"quoted\"]\nx = 1\n", // a quoted key
            "[[a]]\n[[b]]\n[[a]]\n", // an array in two places
            "[a]\nx = 1\n[[a]]\n",   // a table, then an array of the same key
            "[a]\n[b]\n[a.c]\n",     // a table's sub-table after another table
        ] {
            assert_eq!(split(text), None, "{text:?}");
        }
    }

    #[test]
    fn pieces_carry_the_spans_of_the_whole_document() {
        #[derive(serde::Deserialize)]
        struct Doc {
            meta: Meta,
            items: Vec<Item>,
        }
        #[derive(serde::Deserialize)]
        struct Meta {
            id: Spanned<String>,
        }
        #[derive(serde::Deserialize)]
        struct Item {
            id: Spanned<i64>,
        }
        let text = "[meta]\nid = \"m\"\n\n[[items]]\nid = 1\n[[items]]\nid = 22\n";
        let tables = Tables::split(text).expect("a plain document");
        let doc: Doc = tables.deserialize("").expect("a valid document");
        assert_eq!(&text[doc.meta.id.span()], "\"m\"");
        let spans: Vec<&str> = doc.items.iter().map(|item| &text[item.id.span()]).collect();
        assert_eq!(spans, ["1", "22"]);
        assert_eq!(doc.items[1].id.get_ref(), &22);
    }

    #[test]
    fn a_broken_piece_or_a_refused_one_stops_the_reading() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Item {
            a: i64,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            items: Vec<Item>,
        }
        let read: Doc = Tables::split("[[items]]\na = 1\n[[items]]\na = 2\n")
            .expect("a plain document")
            .deserialize("")
            .expect("valid");
        assert_eq!(read.items.len(), 2);
        let unknown = Tables::split("[[items]]\na = 1\n[[items]]\nb = 2\n").expect("plain");
        assert!(unknown.deserialize::<Doc>("").is_err());
        let broken = Tables::split("[[items]]\na = \n").expect("split before parsing");
        assert!(broken.deserialize::<Doc>("").is_err());
    }

    #[test]
    fn a_run_apart_is_read_an_entry_at_a_time() {
        #[derive(Debug, Default, serde::Deserialize)]
        struct Doc {
            meta: toml::Table,
            #[serde(default)]
            items: Vec<toml::Table>,
        }
        let text = "[meta]\nid = 1\n[[items]]\na = 1\n[[items]]\nb = 2\n[[items]]\nc = \n";
        let tables = Tables::split(text).expect("a plain document");
        let doc: Doc = tables.deserialize("items").expect("valid without items");
        assert!(doc.items.is_empty());
        assert_eq!(doc.meta.get("id"), Some(&toml::Value::Integer(1)));
        let entries = tables
            .entries::<toml::Table>("items")
            .expect("an array of tables");
        assert_eq!(entries.len(), 3);
        let read: Vec<_> = entries
            .map(|entry| entry.map(|table| table.len()))
            .collect();
        assert!(matches!(read[..], [Ok(1), Ok(1), Err(_)]), "{read:?}");
        assert_eq!(
            tables.entries::<toml::Table>("absent").map(|e| e.len()),
            Some(0)
        );
        // A table where an array of tables belongs: not read as no entries.
        assert!(tables.entries::<toml::Table>("meta").is_none());
    }
}
