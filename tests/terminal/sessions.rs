//! Many sessions over one store, in memory: the same worker and file watch serve every
//! session, and an edit of the file they show reaches each of them.

use std::fs;
use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bri_dash::app::{Action, Command, Display};
use bri_dash::commands::startup::build_app;
use bri_dash::config::Config;
use bri_dash::dataset::Lang;
use bri_dash::runtime::{Client, Library, Session, Store};
use ratatui::layout::Size;

const MINIMAL: &str = include_str!("../fixtures/valid/minimal.toml");
const DEADLINE: Duration = Duration::from_secs(10);

/// Where a session's frames go: memory the test reads too.
#[derive(Clone, Default)]
struct Screen(Arc<Mutex<Vec<u8>>>);

impl Write for Screen {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A session drawing into memory, with the store's replies for it.
struct Reader {
    session: Session<Screen>,
    output: Screen,
    replies: Receiver<Action>,
    _client: Client,
}

impl Reader {
    fn open(store: &Store, config: &Config, dataset: &Arc<bri_dash::dataset::Dataset>) -> Reader {
        let app = build_app(
            Arc::clone(dataset),
            config,
            Lang::En,
            Size::new(0, 0),
            Display::default(),
        );
        let (sender, replies) = mpsc::channel();
        let client = store.open(
            Arc::clone(&app.dataset),
            Box::new(move |action| {
                let _ = sender.send(action);
            }),
        );
        let output = Screen::default();
        let (mut session, sized) = Session::new(app, output.clone(), Size::new(100, 30)).unwrap();
        session.apply(sized).unwrap();
        Reader {
            session,
            output,
            replies,
            _client: client,
        }
    }

    /// The screen as the frames written so far leave it.
    fn screen(&mut self) -> String {
        let mut parser = vt100::Parser::new(30.try_into().unwrap(), 100.try_into().unwrap(), 0);
        parser.process(&self.output.0.lock().unwrap());
        parser.screen().contents()
    }

    /// Applies the store's replies until the screen shows `what`, or fails at the deadline.
    fn wait_for(&mut self, what: &str) {
        let start = Instant::now();
        while !self.screen().contains(what) {
            let left = DEADLINE.saturating_sub(start.elapsed());
            let action = self.replies.recv_timeout(left).unwrap_or_else(|_| {
                panic!(
                    "no `{what}` within {DEADLINE:?}; the screen:\n{}",
                    self.screen()
                )
            });
            assert_eq!(self.session.apply(action).unwrap(), Command::None);
        }
    }
}

#[test]
fn sessions_over_one_store_share_each_edit_and_keep_the_last_good_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.toml");
    fs::write(&data, MINIMAL).unwrap();
    let config_path = dir.path().join("config.toml");
    fs::write(
        &config_path,
        "default = \"mine\"\n\n[[datasets]]\nname = \"mine\"\npath = \"data.toml\"\n",
    )
    .unwrap();
    let config = Config::load(&config_path).unwrap();
    let entry = config.default_dataset().clone();
    let dataset = Arc::new(entry.load(config.max_file_bytes).unwrap());
    let store = Store::spawn(
        Library::new(config.clone(), entry, Arc::clone(&dataset)),
        true,
    );
    let mut readers: Vec<Reader> = (0..2)
        .map(|_| Reader::open(&store, &config, &dataset))
        .collect();
    for reader in &mut readers {
        reader.wait_for("20 countries");
    }
    // The file new sessions start on is watched from the start.
    fs::write(&data, MINIMAL.replace("value = 20\n", "value = 21\n")).unwrap();
    for reader in &mut readers {
        reader.wait_for("21 countries");
    }
    // One read for both: the two sessions hold the very same dataset.
    assert!(Arc::ptr_eq(
        &readers[0].session.app.dataset,
        &readers[1].session.app.dataset
    ));
    // A session that opens now, built with the dataset as read at start, is brought up
    // to date by the store.
    let mut late = Reader::open(&store, &config, &dataset);
    late.wait_for("21 countries");
    // A broken edit: every session keeps the last good figure, under the error banner.
    fs::write(&data, MINIMAL.replace("value = 20\n", "value = \"many\"\n")).unwrap();
    readers.push(late);
    for reader in &mut readers {
        reader.wait_for("data.toml:");
        assert!(
            reader.screen().contains("21 countries"),
            "{}",
            reader.screen()
        );
    }
}
