//! A deterministic generator of large, valid datasets, shared by the benches and by
//! `examples/measure.rs` (both include this file with `#[path]`, so the library's public API
//! does not grow a test helper).
//!
//! The shape follows the built-in datasets, scaled up: for `n` indicators there are n/100
//! sources (at least 3), n/50 panels spread over ten panel tabs, n/10 timeline events; one
//! indicator in a hundred is a headline, one in ten has a time series of 4 to 10
//! observations, one in fifty has a long (300 to 700 character) label and quote in both
//! languages. 100 000 indicators make a file of about 60 MB.
//! The same `n` always gives the same bytes.

use std::fmt::Write;

/// Panel tabs, beside the overview, the timeline and the sources: enough that the tab bar
/// does not fit in 80 columns.
const PANEL_TABS: usize = 10;

const ZH_PHRASES: &[&str] = &[
    "数字基础设施互联互通水平持续提升",
    "跨境陆缆系统建设稳步推进",
    "共建国家数字经济合作不断深化",
    "丝路电商合作伙伴关系持续扩展",
    "数据中心和云计算能力明显增强",
    "第五代移动通信网络覆盖范围扩大",
    "数字人才联合培养项目取得新进展",
    "数字安全治理合作机制逐步完善",
    "中欧班列数字化服务平台上线运行",
    "中国—东盟信息港建设成效显著",
    "人工智能治理国际对话更加活跃",
    "跨境电子商务综合试验区数量增加",
    "数字产品贸易规模再创新高",
    "智慧城市和数字政府项目陆续落地",
    "移动支付和数字钱包在当地普及",
    "卫星导航服务惠及更多共建国家",
];

const EN_PHRASES: &[&str] = &[
    "digital infrastructure connectivity keeps improving",
    "cross-border land cable systems advance steadily",
    "digital-economy cooperation among partner countries deepens",
    "Silk Road e-commerce partnerships keep widening",
    "data-centre and cloud capacity grows markedly",
    "fifth-generation mobile coverage expands",
    "joint training of digital talent makes new progress",
    "cooperation on digital security governance matures",
    "a digital service platform for the China–Europe Railway Express goes live",
    "the China–ASEAN Information Harbor shows clear results",
    "international dialogue on AI governance grows more active",
    "more comprehensive pilot zones for cross-border e-commerce open",
    "trade in digital products reaches a new high",
    "smart-city and digital-government projects are delivered",
    "mobile payments and digital wallets spread locally",
    "satellite navigation services reach more partner countries",
];

const UNITS: &[(&str, &str)] = &[
    ("个国家", "countries"),
    ("条", "systems"),
    ("列", "trains"),
    ("亿美元", "100 million USD"),
    ("%", "%"),
    ("个项目", "projects"),
];

const QUALIFIERS: &[&str] = &["exact", "about", "more_than", "at_least", "fewer_than"];

/// A small xorshift generator: deterministic, and no dependency for the benches to pull in.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Text of `min` to `min + spread` characters (in Chinese; English says it in about three
/// times as many) in each language, made of whole phrases.
fn text(rng: &mut Rng, min: usize, spread: usize) -> String {
    let chars = min + rng.below(spread + 1);
    let mut zh = String::new();
    while zh.chars().count() < chars {
        if !zh.is_empty() {
            zh.push('，');
        }
        zh.push_str(ZH_PHRASES[rng.below(ZH_PHRASES.len())]);
    }
    zh.push('。');
    let mut en = String::new();
    while en.len() < chars * 3 {
        if !en.is_empty() {
            en.push_str(", ");
        }
        en.push_str(EN_PHRASES[rng.below(EN_PHRASES.len())]);
    }
    en.push('.');
    format!("{{ zh = \"{zh}\", en = \"{en}\" }}")
}

/// A date in year `first` to `first + spread`, in one of the written forms, at a
/// precision picked by `rng`.
fn date(rng: &mut Rng, first: usize, spread: usize) -> String {
    let year = first + rng.below(spread + 1);
    let month = 1 + rng.below(12);
    match rng.below(4) {
        0 => format!("{year}-{month:02}-{:02}", 1 + rng.below(28)),
        1 => format!(
            "\"{year}-{month:02}-{}\"",
            ["early", "mid", "late", "end"][rng.below(4)]
        ),
        2 => format!("\"{year}-{month:02}\""),
        _ => format!("\"{year}\""),
    }
}

/// The TOML text of a valid dataset with `indicators` indicators.
pub fn dataset(indicators: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ indicators as u64);
    let sources = (indicators / 100).max(3);
    let panels = (indicators / 50).max(PANEL_TABS);
    let events = (indicators / 10).max(5);
    let mut out = String::with_capacity(indicators * 1200);

    // `write!` into a String cannot fail.
    let w = &mut out;
    writeln!(w, "[dataset]\nid = \"generated-{indicators}\"").unwrap();
    writeln!(w, "title = {}", text(&mut rng, 24, 0)).unwrap();
    writeln!(w, "summary = {}", text(&mut rng, 300, 0)).unwrap();
    writeln!(
        w,
        "as_of = \"2025-06\"\nlanguages = [\"zh\", \"en\"]\nsource = \"src-0\"\n"
    )
    .unwrap();

    for s in 0..sources {
        let kind = ["article", "report", "news", "web", "dataset", "official"][s % 6];
        writeln!(w, "[[sources]]\nid = \"src-{s}\"\nkind = \"{kind}\"").unwrap();
        writeln!(w, "title = {}", text(&mut rng, 20, 59)).unwrap();
        if s % 2 == 0 {
            writeln!(w, "publication = {}", text(&mut rng, 8, 0)).unwrap();
            writeln!(w, "date = {}", date(&mut rng, 2015 + s % 10, 0)).unwrap();
            writeln!(w, "url = \"https://example.org/dsr/{s}/report.html\"").unwrap();
        }
        for _ in 0..s % 3 {
            writeln!(w, "\n[[sources.authors]]\nname = {}", text(&mut rng, 3, 0)).unwrap();
            writeln!(w, "affiliation = {}", text(&mut rng, 30, 0)).unwrap();
        }
        w.push('\n');
    }

    writeln!(w, "[[tabs]]\nid = \"overview\"\ntitle = {{ zh = \"概览\", en = \"Overview\" }}\nkind = \"overview\"\n").unwrap();
    for t in 0..PANEL_TABS {
        writeln!(w, "[[tabs]]\nid = \"area-{t}\"\ntitle = {{ zh = \"领域{t}\", en = \"Area {t}\" }}\nkind = \"panels\"\n").unwrap();
    }
    writeln!(w, "[[tabs]]\nid = \"timeline\"\ntitle = {{ zh = \"时间线\", en = \"Timeline\" }}\nkind = \"timeline\"\n").unwrap();
    writeln!(w, "[[tabs]]\nid = \"sources\"\ntitle = {{ zh = \"来源\", en = \"Sources\" }}\nkind = \"sources\"\n").unwrap();

    for p in 0..panels {
        writeln!(
            w,
            "[[panels]]\nid = \"panel-{p}\"\ntab = \"area-{}\"",
            p % PANEL_TABS
        )
        .unwrap();
        writeln!(w, "title = {}", text(&mut rng, 6, 9)).unwrap();
        writeln!(w, "summary = {}", text(&mut rng, 40, 79)).unwrap();
        writeln!(w, "source = \"src-{}\"\n", rng.below(sources)).unwrap();
        for point in 0..3 {
            writeln!(w, "[[panels.points]]\ntext = {}", text(&mut rng, 30, 89)).unwrap();
            if point == 1 {
                let subs: Vec<String> = (0..3).map(|_| text(&mut rng, 20, 0)).collect();
                writeln!(w, "sub = [{}]", subs.join(", ")).unwrap();
            }
            writeln!(w, "source = \"src-{}\"", rng.below(sources)).unwrap();
            writeln!(w, "quote = {}\n", text(&mut rng, 20, 0)).unwrap();
        }
    }

    for i in 0..indicators {
        let long = i % 50 == 0;
        let (unit_zh, unit_en) = UNITS[rng.below(UNITS.len())];
        writeln!(w, "[[indicators]]\nid = \"ind-{i}\"").unwrap();
        let (min, spread) = if long { (300, 400) } else { (5, 15) };
        writeln!(w, "label = {}", text(&mut rng, min, spread)).unwrap();
        if i % 2 == 0 {
            writeln!(w, "value = {}", rng.below(100_000)).unwrap();
        } else {
            writeln!(w, "value = {}.{}", rng.below(1000), rng.below(100)).unwrap();
        }
        if i % 5 == 0 {
            writeln!(
                w,
                "qualifier = \"{}\"",
                QUALIFIERS[rng.below(QUALIFIERS.len())]
            )
            .unwrap();
        }
        writeln!(w, "unit = {{ zh = \"{unit_zh}\", en = \"{unit_en}\" }}").unwrap();
        writeln!(w, "as_of = {}", date(&mut rng, 2015, 10)).unwrap();
        writeln!(w, "source = \"src-{}\"", rng.below(sources)).unwrap();
        let (min, spread) = if long { (300, 400) } else { (5, 25) };
        writeln!(w, "quote = {}", text(&mut rng, min, spread)).unwrap();
        if i % 8 == 0 {
            writeln!(w, "note = {}", text(&mut rng, 30, 0)).unwrap();
        }
        if i % 7 == 0 {
            writeln!(w, "target = {}", rng.below(200_000)).unwrap();
        }
        if i % 20 == 0 {
            let items: Vec<String> = (0..4).map(|_| text(&mut rng, 10, 0)).collect();
            writeln!(w, "items = [{}]", items.join(", ")).unwrap();
        }
        // Every indicator sits in one panel; one in ten also in the next one.
        let panel = i % panels;
        if i % 10 == 0 && panels > 1 {
            writeln!(
                w,
                "panels = [\"panel-{panel}\", \"panel-{}\"]",
                (panel + 1) % panels
            )
            .unwrap();
        } else {
            writeln!(w, "panels = [\"panel-{panel}\"]").unwrap();
        }
        if i % 100 == 0 {
            writeln!(w, "headline = true").unwrap();
        }
        w.push('\n');
        if i % 10 == 0 {
            for year in 0..4 + rng.below(7) {
                writeln!(
                    w,
                    "[[indicators.series]]\ndate = {}",
                    date(&mut rng, 2012 + year, 0)
                )
                .unwrap();
                writeln!(w, "value = {}", rng.below(100_000)).unwrap();
                if year % 3 == 0 {
                    writeln!(w, "source = \"src-{}\"", rng.below(sources)).unwrap();
                    writeln!(w, "quote = {}", text(&mut rng, 15, 0)).unwrap();
                }
                w.push('\n');
            }
        }
    }

    for e in 0..events {
        writeln!(w, "[[events]]\ndate = {}", date(&mut rng, 2013 + e % 13, 0)).unwrap();
        let (min, spread) = if e % 8 == 0 { (300, 0) } else { (15, 40) };
        writeln!(w, "label = {}", text(&mut rng, min, spread)).unwrap();
        writeln!(w, "source = \"src-{}\"", rng.below(sources)).unwrap();
        if e % 3 == 0 {
            writeln!(w, "quote = {}", text(&mut rng, 25, 0)).unwrap();
        }
        w.push('\n');
    }
    out
}
