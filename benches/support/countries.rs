//! A country dataset as large as the reference allows: every one of its countries
//! declared, twenty kinds of fact (ten events, ten values), and a fact of most kinds for
//! most countries. The table's bench draws 250 rows × 20 columns of it.

use std::fmt::Write;

pub const FACT_KINDS: usize = 20;

pub fn dataset() -> String {
    let mut text = String::from(
        "[dataset]\nid = \"countries-all\"\ntitle = { zh = \"全部国家\", en = \"Every country\" }\nsummary = { zh = \"基准\", en = \"Bench\" }\nas_of = \"2025\"\nlanguages = [\"zh\", \"en\"]\nsource = \"s\"\n\n[[sources]]\nid = \"s\"\nkind = \"official\"\ntitle = { zh = \"来源\", en = \"Source\" }\n\n[[tabs]]\nid = \"map\"\ntitle = { zh = \"地图\", en = \"Map\" }\nkind = \"map\"\n\n[[tabs]]\nid = \"countries\"\ntitle = { zh = \"国家\", en = \"Countries\" }\nkind = \"countries\"\n",
    );
    for kind in 0..FACT_KINDS {
        let (class, unit) = if kind % 2 == 0 {
            ("event", "")
        } else {
            (
                "value",
                "\nunit = { zh = \"亿元\", en = \"100 million yuan\" }",
            )
        };
        write!(
            text,
            "\n[[fact_kinds]]\nid = \"kind-{kind}\"\nlabel = {{ zh = \"事实{kind}\", en = \"Fact of kind {kind}\" }}\nkind = \"{class}\"{unit}\n"
        )
        .expect("a string takes any text");
    }
    for (index, country) in bri_dash::countries::all().iter().enumerate() {
        write!(text, "\n[[countries]]\ncode = \"{}\"\n", country.code).expect("a string");
        for kind in 0..FACT_KINDS {
            // Most countries have most facts; a few are missing, as in real data.
            if (index + kind) % 7 == 0 {
                continue;
            }
            let year = 2013 + (index * 7 + kind * 3) % 12;
            let value = if kind % 2 == 0 {
                String::new()
            } else {
                format!("\nvalue = {}", (index * 37 + kind * 11) % 1000)
            };
            write!(
                text,
                "\n[[country_facts]]\ncountry = \"{}\"\nfact = \"kind-{kind}\"\ndate = \"{year}\"\nsource = \"s\"{value}\n",
                country.code
            )
            .expect("a string");
        }
    }
    text
}
