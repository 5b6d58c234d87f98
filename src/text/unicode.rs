//! What the text code may assume about a character without asking Unicode segmentation,
//! which costs several times a width lookup per character.

/// Characters that are a grapheme cluster of their own in any text made only of them:
/// printable ASCII and Latin-1, general punctuation, arrows, box drawing, blocks and
/// geometric shapes (rules, sparklines, markers), CJK ideographs, CJK and full-width
/// punctuation. Their grapheme break property is "Other" (or "Control"), so a break falls
/// on both sides of each; combining marks, joiners, jamo, regional indicators and emoji
/// are left out.
pub fn stands_alone(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\u{a0}'..='\u{ff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{203e}'
        | '\u{2190}'..='\u{21ff}' | '\u{2500}'..='\u{25ff}' | '\u{3001}'..='\u{3029}'
        | '\u{3030}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}')
}

#[cfg(test)]
mod tests {
    use super::stands_alone;
    use unicode_segmentation::UnicodeSegmentation;

    fn all_standing_alone() -> impl Iterator<Item = char> {
        (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| stands_alone(c))
    }

    #[test]
    fn every_character_that_stands_alone_is_a_cluster_beside_any_other() {
        // Neighbours from each range; the break rules only look at a character's
        // property, which is the same across the set, so one of each kind is enough.
        let neighbours = [
            'a', '\u{e9}', '\u{2014}', '\u{3002}', '\u{4e00}', '\u{ff01}',
        ];
        for c in all_standing_alone() {
            for n in neighbours {
                let text = format!("{n}{c}{c}{n}");
                assert_eq!(
                    text.graphemes(true).count(),
                    4,
                    "U+{:04X} beside U+{:04X}",
                    u32::from(c),
                    u32::from(n)
                );
            }
        }
    }

    #[test]
    fn characters_that_join_their_neighbours_do_not_stand_alone() {
        // A combining acute, a joiner, a variation selector, a Hangul jamo, a regional
        // indicator, an emoji modifier, an ideographic combining tone mark.
        for c in [
            '\u{301}',
            '\u{200d}',
            '\u{fe0f}',
            '\u{1100}',
            '\u{1f1e8}',
            '\u{1f3fb}',
            '\u{302a}',
        ] {
            assert!(!stands_alone(c), "U+{:04X}", u32::from(c));
        }
    }
}
