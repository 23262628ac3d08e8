//! End-to-end tests through the binary: extract, ingest, query, export, load, and what each does
//! with bad input.

mod common;

use common::*;

const SEED_LIKE: &str = "DOHA, Qatar — March 3, 2025\nMediators from Qatar and Egypt said on Monday that Hamas had accepted the cease-fire proposal. \
Prime Minister Benjamin Netanyahu rejected any role for Hamas in governing Gaza, his office said.\n";

#[test]
fn extract_writes_ntriples_with_evidence_and_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, SEED_LIKE).unwrap();
    let store = dir.path().join("unused");
    let a = ok(
        &store,
        &["extract", "--format", "ntriples", path.to_str().unwrap()],
    );
    let b = ok(
        &store,
        &["extract", "--format", "ntriples", path.to_str().unwrap()],
    );
    assert_eq!(a, b, "same input, same bytes");
    assert!(!store.exists(), "extract never creates a store");
    assert!(a.contains("<https://w3id.org/negograph/id/actor/qatar> <http://www.w3.org/2000/01/rdf-schema#label> \"Qatar\""));
    assert!(a.contains("<https://w3id.org/negograph/ontology#Mediator>"));
    assert!(a.contains("\"2025-03-03\"^^<http://www.w3.org/2001/XMLSchema#date>"));
    assert!(a.contains("<https://w3id.org/negograph/ontology#evidence>"));
    // Every stance is derived from the document.
    let stances = a.lines().filter(|l| l.contains("ontology#Stance>")).count();
    assert!(stances >= 1, "{a}");
    // Standard input gives the same graph.
    let out = run(
        &store,
        &["extract", "--format", "ntriples", "-"],
        Some(SEED_LIKE.as_bytes()),
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), a);
}

#[test]
fn ingest_query_export_load_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let before = nquads(&store);
    assert!(before.len() > 1000);
    // Ingesting again changes nothing.
    let out = run(
        &store,
        &["ingest", "--quiet", fixtures().to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("0 documents new, 18 already present"),
        "{}",
        stderr(&out)
    );
    assert_eq!(nquads(&store), before);
    // A query as a table and as CSV.
    let table = ok(&store, &["query", "--named", "mediators"]);
    assert!(table.lines().next().unwrap().starts_with("negotiation"));
    let csv = ok(
        &store,
        &[
            "query",
            "--named",
            "stances-on-issue",
            "--param",
            "issue=ceasefire",
            "--format",
            "csv",
        ],
    );
    assert!(csv.lines().count() > 1);
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.contains("https://w3id.org/negograph/issue/ceasefire")),
        "{csv}"
    );
    // Export as TriG and load into a fresh store: the same graph.
    let trig = dir.path().join("all.trig");
    ok(
        &store,
        &[
            "export",
            "--format",
            "trig",
            "--output",
            trig.to_str().unwrap(),
        ],
    );
    let fresh = dir.path().join("fresh");
    ok(&fresh, &["load", trig.to_str().unwrap()]);
    assert_eq!(nquads(&fresh), before);
    // Turtle export twice: the same bytes.
    assert_eq!(ok(&store, &["export"]), ok(&store, &["export"]));
    // stats and actors answer.
    assert!(ok(&store, &["stats"]).contains("documents"));
    let actors = ok(&store, &["actors"]);
    assert!(
        actors.contains("Hamas") && actors.contains("Mediator"),
        "{actors}"
    );
}

#[test]
fn every_named_query_answers_on_the_fixture_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let list = ok(&store, &["queries"]);
    let names: Vec<String> = std::fs::read_dir(root().join("queries"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .to_string()
        })
        .collect();
    assert!(names.len() >= 8);
    for name in names {
        assert!(list.contains(&name), "{name} not listed");
        let csv = ok(&store, &["query", "--named", &name, "--format", "csv"]);
        assert!(
            csv.lines().count() >= 2,
            "named query {name} found nothing on the fixture store"
        );
    }
}

#[test]
fn actors_file_adds_and_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Zorvani officials said the Free Harbor League accepted the truce.\n",
    )
    .unwrap();
    let actors = dir.path().join("mine.ttl");
    std::fs::write(
        &actors,
        "@prefix neg: <https://w3id.org/negograph/ontology#> .\n@prefix actor: <https://w3id.org/negograph/id/actor/> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         actor:zorvania a neg:State ; rdfs:label \"Zorvania\" ; neg:demonym \"Zorvani\" .\n\
         actor:free-harbor-league a neg:Organization ; rdfs:label \"Free Harbor League\" .\n",
    )
    .unwrap();
    let store = dir.path().join("s");
    let without = ok(
        &store,
        &["extract", "--format", "ntriples", article.to_str().unwrap()],
    );
    assert!(!without.contains("Zorvania"));
    let with = ok(
        &store,
        &[
            "extract",
            "--format",
            "ntriples",
            "--actors",
            actors.to_str().unwrap(),
            article.to_str().unwrap(),
        ],
    );
    assert!(with.contains("\"Zorvania\""), "{with}");
    assert!(with.contains("actor/free-harbor-league"));
    assert!(with.contains("issue/ceasefire"), "the truce stance: {with}");
    // A broken actors file is an error naming the file.
    std::fs::write(&actors, "actor:x a .").unwrap();
    let out = run(
        &store,
        &[
            "extract",
            "--actors",
            actors.to_str().unwrap(),
            article.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("mine.ttl"), "{}", stderr(&out));
}

#[test]
fn bad_input_is_reported_and_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, SEED_LIKE).unwrap();
    ok(&store, &["ingest", good.to_str().unwrap()]);
    let before = nquads(&store);

    // A missing file.
    let out = run(&store, &["ingest", "/no/such/file.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/no/such/file.txt"),
        "{}",
        stderr(&out)
    );

    // A folder with a binary file, invalid UTF-8 and an empty article: skipped, the rest ingested.
    let folder = dir.path().join("mixed");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0IHDR").unwrap();
    std::fs::write(folder.join("latin1.txt"), b"Caf\xe9 talks in Doha").unwrap();
    std::fs::write(folder.join("empty.txt"), b"  \n").unwrap();
    std::fs::write(
        folder.join("ok.txt"),
        "Egyptian mediators said Israel rejected the proposal.\n",
    )
    .unwrap();
    let out = run(
        &store,
        &["ingest", "--quiet", folder.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "some files failed");
    let err = stderr(&out);
    assert!(err.contains("image.txt") && err.contains("binary"), "{err}");
    assert!(
        err.contains("latin1.txt") && err.contains("UTF-8") && err.contains("offset 3"),
        "{err}"
    );
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("1 documents new"), "{err}");
    let after_folder = nquads(&store);
    assert!(after_folder.len() > before.len());

    // Malformed SPARQL: the error says where.
    let out = run(&store, &["query", "SELECT ?x WHERE { ?x ?y }"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("SPARQL syntax error"),
        "{}",
        stderr(&out)
    );
    // An update sent to query is refused.
    let out = run(&store, &["query", "DELETE WHERE { ?s ?p ?o }"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("negograph update"));
    // A Turtle file with an error on its last line loads nothing.
    let ttl = dir.path().join("broken.ttl");
    std::fs::write(&ttl, "<http://e.org/a> <http://e.org/b> <http://e.org/c> .\n<http://e.org/a> <http://e.org/b> \"x .\n").unwrap();
    let out = run(&store, &["load", ttl.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("broken.ttl"), "{}", stderr(&out));
    assert_eq!(nquads(&store), after_folder);
}

#[test]
fn remove_takes_a_document_out() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, SEED_LIKE).unwrap();
    ok(&store, &["ingest", a.to_str().unwrap()]);
    let doc = ok(&store, &["query", "--format", "tsv", "PREFIX neg: <https://w3id.org/negograph/ontology#> SELECT ?d WHERE { ?d a neg:Document }"]);
    let iri = doc
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .trim_matches(['<', '>'])
        .to_string();
    ok(&store, &["remove", &iri]);
    let count = ok(&store, &["query", "--format", "tsv", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/negograph/ontology>) }"]);
    assert!(count.lines().nth(1).unwrap().starts_with("0"), "{count}");
}

#[test]
fn html_markdown_and_json_lines_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let html = dir.path().join("a.html");
    std::fs::write(&html, "<html><head><title>Talks</title><script>var hamas=1</script></head><body><nav>Qatar Egypt</nav><article><p>Qatari mediators said Hamas accepted the truce.</p></article></body></html>").unwrap();
    let out = ok(
        &store,
        &["extract", "--format", "ntriples", html.to_str().unwrap()],
    );
    assert!(
        out.contains("\"Talks\"") && out.contains("actor/hamas"),
        "{out}"
    );
    let md = dir.path().join("b.md");
    std::fs::write(&md, "---\ntitle: Truce talks\ndate: 2025-05-02\nsource: Example Wire\n---\n# Truce talks\n\nEgyptian officials said Israel rejected the truce.\n").unwrap();
    let out = ok(
        &store,
        &["extract", "--format", "ntriples", md.to_str().unwrap()],
    );
    assert!(
        out.contains("\"2025-05-02\"") && out.contains("\"Example Wire\""),
        "{out}"
    );
    let jsonl = dir.path().join("c.jsonl");
    std::fs::write(&jsonl, "{\"text\":\"Qatar said Hamas accepted the truce.\",\"date\":\"2025-01-02\"}\n{\"text\":\"Egypt said Israel rejected the truce.\"}\n").unwrap();
    let out = run(&store, &["ingest", jsonl.to_str().unwrap()], None);
    assert!(stderr(&out).contains("2 documents new"), "{}", stderr(&out));
    let bad = dir.path().join("d.jsonl");
    std::fs::write(&bad, "{\"text\":\"Qatar said.\"}\n{not json\n").unwrap();
    let out = run(&store, &["ingest", bad.to_str().unwrap()], None);
    assert!(stderr(&out).contains("d.jsonl: line 2"), "{}", stderr(&out));
}

#[test]
fn explain_shows_sentence_span_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, SEED_LIKE).unwrap();
    let store = dir.path().join("s");
    let text = ok(&store, &["explain", a.to_str().unwrap()]);
    assert!(
        text.contains("stance    Hamas supports issue ceasefire"),
        "the subject of the reported clause holds it: {text}"
    );
    assert!(
        text.contains("role      Qatar is Mediator") && text.contains("⟦Mediators from⟧"),
        "{text}"
    );
    assert!(text.contains("rule     "), "{text}");
    ok(&store, &["ingest", a.to_str().unwrap()]);
    let about = ok(&store, &["explain", "qatar"]);
    assert!(
        about.contains("Participation") && about.contains("mediators-from"),
        "{about}"
    );
}

#[test]
fn json_lines_with_a_bad_line_write_nothing_unless_told_to_skip() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let bad = dir.path().join("news.jsonl");
    std::fs::write(
        &bad,
        "{\"text\":\"Qatar said Hamas accepted the truce.\"}\n{broken\n{\"text\":\"Egypt said Israel rejected the truce.\"}\n",
    )
    .unwrap();
    let out = run(&store, &["ingest", "--quiet", bad.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("news.jsonl: line 2"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("0 documents new"),
        "nothing of the file is written: {}",
        stderr(&out)
    );
    let out = run(
        &store,
        &[
            "ingest",
            "--quiet",
            "--skip-bad",
            "--jobs",
            "2",
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("line 2") && stderr(&out).contains("2 documents new"),
        "{}",
        stderr(&out)
    );
}

/// On a terminal, `ingest` of one large JSON Lines file shows its progress in bytes, with the
/// rate and the time left; a pipe gets none of it. The terminal is `script`'s pseudo-terminal.
#[test]
fn ingest_shows_progress_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = negograph::lexicon::Lexicon::builtin().unwrap();
    let generator = corpus::Generator::new(&lexicon, 7);
    let jsonl = dir.path().join("archive.jsonl");
    let lines: String = generator
        .articles(600)
        .map(|a| a.to_json_line() + "\n")
        .collect();
    std::fs::write(&jsonl, &lines).unwrap();
    let store = dir.path().join("store");
    let command = format!(
        "{} ingest --bulk --store {} {}",
        bin(),
        store.display(),
        jsonl.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script (util-linux) runs the command on a pseudo-terminal");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    let total = format!("/{:.2} MiB", lines.len() as f64 / (1 << 20) as f64);
    assert!(
        shown.contains(&total) && shown.contains("B/s") && shown.contains("eta"),
        "no progress of the bytes read ({total}) with rate and eta: {shown}"
    );
    assert!(shown.contains("600 documents new"), "{shown}");

    // Through a pipe: the summary only.
    let out = run(
        &dir.path().join("other"),
        &["ingest", "--bulk", jsonl.to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(!err.contains("eta"), "{err}");
    assert!(err.contains("600 documents new"), "{err}");
}

/// `--max-open-files` opens the store with RocksDB's table cache bounded: the same documents
/// go in; a bound too small to work, or a remote store, is refused before anything is read.
#[test]
fn ingest_with_bounded_open_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("bounded");
    let articles = fixtures();
    ok(
        &store,
        &[
            "ingest",
            "--quiet",
            "--max-open-files",
            "16",
            articles.to_str().unwrap(),
        ],
    );
    let plain = fixture_store(dir.path());
    assert_eq!(nquads(&store), nquads(&plain));

    let out = run(
        &store,
        &[
            "ingest",
            "--max-open-files",
            "3",
            articles.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--max-open-files"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &store,
        &[
            "ingest",
            "--endpoint",
            "http://127.0.0.1:9/",
            "--max-open-files",
            "64",
            articles.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("embedded store only"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn each_command_shows_the_store_flags_only_if_it_opens_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    for (command, opens) in [
        ("extract", false),
        ("eval", false),
        ("queries", false),
        ("ingest", true),
        ("query", true),
        ("serve", true),
        ("stats", true),
    ] {
        let help = ok(&store, &[command, "--help"]);
        assert_eq!(help.contains("--endpoint"), opens, "{command}: {help}");
        assert_eq!(help.contains("--store"), opens, "{command}: {help}");
    }
    // Store flags before the command name go with it; a command that opens no store refuses them.
    let out = std::process::Command::new(bin())
        .args(["--store", store.to_str().unwrap(), "extract", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`negograph extract` opens no store, so --store does not apply"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn serve_refuses_a_remote_store_instead_of_serving_the_local_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let out = run(
        &store,
        &[
            "serve",
            "--endpoint",
            "http://127.0.0.1:9",
            "--bind",
            "127.0.0.1:0",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "`negograph serve` works on the embedded store only, not on http://127.0.0.1:9"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn completions_and_the_manual_page_come_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let bash = ok(&store, &["completions", "bash"]);
    assert!(
        bash.contains("_negograph()") && bash.contains("--named"),
        "{bash}"
    );
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let script = ok(&store, &["completions", shell]);
        assert!(
            script.contains("ingest") && script.contains("max-open-files"),
            "{shell}"
        );
    }
    let man = ok(&store, &["man"]);
    assert!(man.contains(".TH negograph 1 "), "{man}");
    assert!(
        man.contains("ingest") && man.contains("completions"),
        "{man}"
    );
    let pages = dir.path().join("man");
    let out = run(&store, &["man", "--output", pages.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let query = std::fs::read_to_string(pages.join("negograph-query.1")).unwrap();
    assert!(
        query.contains(".TH negograph-query 1") && query.contains("\\-\\-param"),
        "{query}"
    );
    assert!(pages.join("negograph.1").exists() && pages.join("negograph-ingest.1").exists());
}
