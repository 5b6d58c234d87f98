//! `bri-dash new [FILE] [--from NAME]`: a dataset to start from, the commented skeleton or a
//! built-in dataset, whose `#:schema` line resolves wherever the file is copied.
//!
//! The shipped datasets point at `../schema/dataset.schema.json`, relative to the
//! repository: copied anywhere else, the editor finds no schema. So the schema (the bytes
//! `bri-dash schema dataset` prints) is kept in the user's data folder, and the new file
//! names it by its absolute path.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use super::output::{to_file, to_new_file, to_stdout};
use super::schema::schema_json;
use super::{Outcome, Stop, say};
use crate::commands::cli::{Cli, SchemaKind};
use crate::commands::startup::{language, language_without_config, load_config};
use crate::dataset::{BUILTINS, Lang};
use crate::files::problem::Message;
use crate::text::sanitize::escape_for_message;
use crate::text::suggest::closest;

/// Every section a new editor needs, each key with what it is for; it passes `check`.
const SKELETON: &str = include_str!("skeleton.toml");

pub fn run(cli: &Cli, file: Option<&Path>, from: Option<&str>) -> Outcome {
    // The reader's language, as every command has it; `new` needs nothing else of the config.
    let lang =
        load_config(cli).map_or_else(|_| language_without_config(cli), |c| language(cli, &c));
    let shown = |path: &Path| escape_for_message(&path.display().to_string());
    if let Some(path) = file
        && fs::symlink_metadata(path).is_ok()
    {
        say(
            lang,
            &Message::new(
                format!(
                    "{} already exists; new never overwrites a file: name another",
                    shown(path)
                ),
                format!("{} 已存在；new 从不覆盖文件：请换一个文件名", shown(path)),
            ),
        );
        return Err(Stop(2));
    }
    let body = match from {
        None => SKELETON,
        Some(name) => builtin_text(name, lang)?,
    };
    let schema = installed_schema().map_err(|error| {
        say(
            lang,
            &Message::new(
                format!("cannot write the dataset schema: {error}"),
                format!("无法写入数据集的模式文件：{error}"),
            ),
        );
        Stop(2)
    })?;
    let text = with_schema_line(body, &schema);
    match file {
        None => to_stdout(text.as_bytes()),
        Some(path) => match to_new_file(path, text.as_bytes()) {
            Ok(()) => {
                say(
                    lang,
                    &Message::new(
                        format!("wrote {}; its schema is {}", shown(path), shown(&schema)),
                        format!("已写入 {}；其模式文件为 {}", shown(path), shown(&schema)),
                    ),
                );
                Ok(0)
            }
            Err(error) => {
                say(
                    lang,
                    &Message::new(
                        format!("cannot write {}: {error}", shown(path)),
                        format!("无法写入 {}：{error}", shown(path)),
                    ),
                );
                Err(Stop(2))
            }
        },
    }
}

/// The text of the built-in dataset `name`, or a stop that lists the names there are.
fn builtin_text(name: &str, lang: Lang) -> Result<&'static str, Stop> {
    if let Some(builtin) = crate::dataset::builtin(name) {
        return Ok(builtin.toml);
    }
    let names: Vec<&str> = BUILTINS.iter().map(|b| b.name).collect();
    let name = escape_for_message(name);
    let mut message = Message::new(
        format!(
            "no built-in dataset is named `{name}`; they are: {}",
            names.join(", ")
        ),
        format!(
            "没有名为“{name}”的内置数据集；内置数据集有：{}",
            names.join("、")
        ),
    );
    if let Some(suggestion) = closest(&name, names.iter().copied()) {
        message
            .en
            .push_str(&format!("; did you mean `{suggestion}`?"));
        message.zh.push_str(&format!("；是否想要“{suggestion}”？"));
    }
    say(lang, &message);
    Err(Stop(2))
}

/// `$XDG_DATA_HOME/bri-dash/dataset.schema.json` (else `~/.local/share/…`).
fn schema_path() -> io::Result<PathBuf> {
    let strategy = etcetera::choose_base_strategy()
        .map_err(|error| io::Error::other(format!("no home folder: {error}")))?;
    Ok(strategy
        .data_dir()
        .join("bri-dash")
        .join("dataset.schema.json"))
}

/// The schema in the data folder, written (atomically) where it is missing or differs
/// from this version's: an older bri-dash may have left another there.
fn installed_schema() -> io::Result<PathBuf> {
    let path = schema_path()?;
    let schema = schema_json(SchemaKind::Dataset);
    if fs::read(&path).ok().as_deref() != Some(schema.as_bytes()) {
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        to_file(&path, schema.as_bytes())?;
    }
    Ok(path)
}

/// `text` with its first line the `#:schema` comment naming `schema`: a `#:schema` line it
/// has (the shipped files' relative one) is replaced, else one is put first.
fn with_schema_line(text: &str, schema: &Path) -> String {
    let rest = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("#:schema") => rest,
        _ => text,
    };
    format!("#:schema {}\n{rest}", schema.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_line_is_replaced_or_put_first() {
        let schema = Path::new("/data/bri-dash/dataset.schema.json");
        assert_eq!(
            with_schema_line(
                "#:schema ../schema/dataset.schema.json\n[dataset]\n",
                schema
            ),
            "#:schema /data/bri-dash/dataset.schema.json\n[dataset]\n"
        );
        assert_eq!(
            with_schema_line("# a comment\n[dataset]\n", schema),
            "#:schema /data/bri-dash/dataset.schema.json\n# a comment\n[dataset]\n"
        );
    }
}
