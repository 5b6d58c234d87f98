//! Which format `bri-dash export` writes: `--format`, else what the `--output` file's
//! extension names, else Markdown. `-o brief.csv` once wrote Markdown into a `.csv` file
//! without a word; a name that contradicts `--format`, or names no format when there is no
//! `--format` to go by, is refused before anything is written.

use std::path::Path;

use clap::ValueEnum;

use crate::export::Format;
use crate::files::diagnostic::Message;
use crate::text::sanitize::sanitize_line;

/// The extensions that name a format, as the refusal lists them.
const KNOWN: &str = ".md .csv .json .html .svg";

/// What an output file's name says of its format.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Named {
    /// No extension (`-o brief`, `/dev/stdout`): it says nothing.
    Nothing,
    Format(Format),
    /// An extension that names no format, as written (`txt`).
    Unknown(String),
}

fn named_by(path: &Path) -> Named {
    let Some(extension) = path.extension() else {
        return Named::Nothing;
    };
    let extension = extension.to_string_lossy();
    match extension.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Named::Format(Format::Markdown),
        "csv" => Named::Format(Format::Csv),
        "json" => Named::Format(Format::Json),
        "html" | "htm" => Named::Format(Format::Html),
        "svg" => Named::Format(Format::Svg),
        _ => Named::Unknown(extension.into_owned()),
    }
}

/// Whether a file whose name says `named` may hold `format`: a `.csv` holds either CSV.
fn fits(format: Format, named: Format) -> bool {
    format == named || (named == Format::Csv && format == Format::CountryCsv)
}

fn name_of(format: Format) -> String {
    format
        .to_possible_value()
        .map_or_else(String::new, |value| value.get_name().to_owned())
}

/// The format `--format` and `--output` choose together, or why they cannot (the message
/// for stderr, without the `bri-dash: ` prefix).
pub fn choose(format: Option<Format>, output: Option<&Path>) -> Result<Format, Message> {
    let named = output.map_or(Named::Nothing, named_by);
    let shown = || {
        sanitize_line(
            &output
                .map(Path::display)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        )
    };
    match (format, named) {
        (Some(format), Named::Format(named)) if !fits(format, named) => Err(Message::new(
            format!(
                "--format {} does not fit {}, whose extension names {}: drop --format, or change \
                 one to match the other",
                name_of(format),
                shown(),
                name_of(named)
            ),
            format!(
                "--format {} 与 {} 不符，其扩展名表示 {}：请去掉 --format，或改动其中一个使两者一致",
                name_of(format),
                shown(),
                name_of(named)
            ),
        )),
        (Some(format), _) => Ok(format),
        (None, Named::Format(named)) => Ok(named),
        (None, Named::Unknown(extension)) => Err(Message::new(
            format!(
                "cannot tell which format to write to {}: `.{}` names none; add --format, or end \
                 the file's name in one of {KNOWN}",
                shown(),
                sanitize_line(&extension)
            ),
            format!(
                "无法判断要以哪种格式写入 {}：`.{}` 不对应任何格式；请添加 --format，或让文件名以 \
                 {KNOWN} 之一结尾",
                shown(),
                sanitize_line(&extension)
            ),
        )),
        (None, Named::Nothing) => Ok(Format::Markdown),
    }
}

/// The format `--indicator` is judged against before [`choose`] refuses anything, so the
/// most specific reason is the one given.
pub fn provisional(format: Option<Format>, output: Option<&Path>) -> Format {
    match (format, output.map_or(Named::Nothing, named_by)) {
        (Some(format), _) => format,
        (None, Named::Format(named)) => named,
        (None, _) => Format::Markdown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_chooses_when_format_is_not_given() {
        let cases = [
            ("brief.md", Format::Markdown),
            ("figures.CSV", Format::Csv),
            ("all.json", Format::Json),
            ("report.htm", Format::Html),
            ("chart.svg", Format::Svg),
            ("brief", Format::Markdown),
        ];
        for (path, format) in cases {
            assert_eq!(choose(None, Some(Path::new(path))), Ok(format), "{path}");
        }
        assert_eq!(choose(None, None), Ok(Format::Markdown));
    }

    #[test]
    fn a_csv_file_holds_the_country_csv_too() {
        let path = Some(Path::new("facts.csv"));
        assert_eq!(
            choose(Some(Format::CountryCsv), path),
            Ok(Format::CountryCsv)
        );
        assert!(choose(Some(Format::Json), path).is_err());
    }
}
