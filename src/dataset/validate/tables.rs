//! The entries of the simpler tables: a source, a tab and a panel's point.

use super::{IdMap, Validator};
use crate::dataset::model::*;
use crate::dataset::raw::*;
use crate::text::sanitize::sanitize_text;

impl Validator<'_> {
    pub(super) fn source(&mut self, raw: &RawSource) -> Source {
        Source {
            id: raw.id.get_ref().clone(),
            kind: self
                .keyword(
                    &raw.kind,
                    "source kind",
                    &["article", "report", "news", "web", "dataset", "official"],
                )
                .unwrap_or(SourceKind::Web),
            title: self.label(&raw.title, "source title"),
            publication: raw
                .publication
                .as_ref()
                .map(|p| self.label(p, "publication")),
            date: raw.date.as_ref().map(|d| self.date(d)),
            url: raw.url.as_deref().map(sanitize_text),
            authors: raw
                .authors
                .iter()
                .map(|a| Author {
                    name: self.label(&a.name, "author's name"),
                    affiliation: a.affiliation.as_ref().map(|x| self.label(x, "affiliation")),
                })
                .collect(),
        }
    }

    pub(super) fn tab(&mut self, raw: &RawTab) -> Tab {
        Tab {
            id: raw.id.get_ref().clone(),
            title: self.label(&raw.title, "tab title"),
            kind: self
                .keyword(
                    &raw.kind,
                    "tab kind",
                    &[
                        "overview",
                        "panels",
                        "timeline",
                        "sources",
                        "map",
                        "countries",
                    ],
                )
                .unwrap_or(TabKind::Panels),
            panels: Vec::new(),
            shows: Vec::new(),
        }
    }

    pub(super) fn point(&mut self, raw: &RawPoint, sources: &IdMap) -> Point {
        Point {
            text: self.text(&raw.text, "point"),
            sub: raw.sub.iter().map(|s| self.text(s, "sub-point")).collect(),
            source: raw
                .source
                .as_ref()
                .and_then(|s| self.reference(s, sources, "source")),
            quote: raw.quote.as_ref().map(|q| self.text(q, "quote")),
            quote_translated: self
                .quote_translated(raw.quote_translated.as_ref(), raw.quote.is_some()),
        }
    }
}
