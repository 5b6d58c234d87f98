//! A file that does not load, shown to a Chinese reader: the error banner and the problems
//! popup say its problems in Chinese, and in English again after `L`, from the one load.

use crate::common;
use bri_dash::app::{Action, Banner, LoadReason, Loaded, Overlay, update};
use bri_dash::dataset::Lang;
use common::{main_app, press, screen};

#[test]
fn the_banner_and_the_problems_follow_the_readers_language() {
    // Two references to a source that does not exist: two located problems.
    let broken = include_str!("../../assets/datasets/digital-silk-road-2023.toml").replacen(
        "source = \"seed\"",
        "source = \"sead\"",
        2,
    );
    let error = bri_dash::dataset::parse("/data/mine.toml", &broken).unwrap_err();
    let mut app = main_app(Lang::Zh, 140, 30);
    update(
        &mut app,
        Action::DatasetLoaded(Box::new(Loaded {
            entry: None,
            reason: LoadReason::Reload,
            result: Err(error),
            index: None,
            problem: None,
        })),
    );
    assert!(matches!(app.banner, Some(Banner::Error(_))));
    let text = screen(&app);
    let banner = text.lines().nth(2).unwrap();
    assert!(
        banner.starts_with(" ⚠ mine.toml:16:10: 未知的来源 `sead`：应为某个 [[sources]] 条目的 id"),
        "{banner}"
    );

    press(&mut app, "e");
    assert_eq!(app.overlay, Some(Overlay::Problems { scroll: 0 }));
    let text = screen(&app);
    insta::assert_snapshot!("problems-zh-140x30", text);
    assert_eq!(text.matches("提示: 是否想写 `seed`？").count(), 2, "{text}");
    assert!(!text.contains("unknown source"), "{text}");

    // The same problems, read in English once the reader switches.
    press(&mut app, "Esc");
    press(&mut app, "L");
    press(&mut app, "e");
    let text = screen(&app);
    assert_eq!(
        text.matches("help: did you mean `seed`?").count(),
        2,
        "{text}"
    );
    assert!(text.contains("unknown source `sead`"), "{text}");
}
