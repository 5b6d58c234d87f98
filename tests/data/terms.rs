//! One Chinese term, one English rendering: every text of the built-in article's dataset
//! whose Chinese has a term of the glossary has its rendering in English — the official
//! Belt and Road English where there is one ("policy coordination", "eight major steps").
//! Read from the file itself, every `{ zh, en }` table in it, so no text is left out.

use toml::Value;

/// (Chinese term, its English rendering, matched without regard to case). A longer term
/// that holds a shorter one is matched first and hides it (人口红利 is not 红利).
const GLOSSARY: &[(&str, &str)] = &[
    ("政策沟通", "policy coordination"),
    ("八项行动", "eight major steps"),
    ("人口红利", "demographic dividend"),
    ("红利", "gains"),
    ("应用场景", "use cases"),
    ("场景", "use case"),
    ("方案", "proposal"),
    ("升级", "upgrading"),
];

/// Every text of the dataset: each table with a `zh` and an `en` string.
fn texts(value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Table(table) => {
            if let (Some(Value::String(zh)), Some(Value::String(en))) =
                (table.get("zh"), table.get("en"))
            {
                out.push((zh.clone(), en.clone()));
            }
            table.values().for_each(|value| texts(value, out));
        }
        Value::Array(values) => values.iter().for_each(|value| texts(value, out)),
        _ => {}
    }
}

#[test]
fn each_term_of_the_article_has_one_english_rendering() {
    let file = include_str!("../../assets/datasets/digital-silk-road-2023.toml");
    let document: Value = toml::from_str(file).unwrap();
    let mut all = Vec::new();
    texts(&document, &mut all);
    assert!(all.len() > 100, "every text is read: {}", all.len());
    let mut failures = Vec::new();
    for (zh, en) in &all {
        let mut rest = zh.clone();
        for (term, rendering) in GLOSSARY {
            if rest.contains(term) {
                if !en.to_lowercase().contains(rendering) {
                    failures.push(format!("{term} → {rendering:?} is not in\n  {zh}\n  {en}"));
                }
                // A longer term hides the shorter ones it holds.
                rest = rest.replace(term, "·");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
