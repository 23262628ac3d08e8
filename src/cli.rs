//! The command line, clap only: one `Args` struct per subcommand, the store flags only on the
//! commands that open a store, and the library's enums mapped to clap's value enums here.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use negograph::export::RdfSyntax;
use negograph::network::NetworkFormat;
use negograph::query::ResultsFormat;
use negograph::remote::Preset;

/// Turn news about negotiations into an RDF knowledge graph.
///
/// negograph reads articles, finds the actors (states, organisations, people), the roles they play
/// in a negotiation (party, mediator, host, guarantor, observer), the posts people hold and the
/// stances each actor takes on the issues and toward each other, every fact with the sentence it
/// came from. It keeps them in an embedded Oxigraph store that answers SPARQL.
///
/// Start with:  negograph ingest articles/  then  negograph actors  and  negograph queries
#[derive(Parser, Debug)]
#[command(name = "negograph", version, about, long_about, max_term_width = 100)]
#[command(
    after_help = "The commands that open a store take --store DIR or URL ($NEGOGRAPH_STORE, default negograph.db) and the remote-store flags; these may also come before the command name."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses the process's arguments, store flags before the command name included; exits
    /// with clap's message (and code 2) on a bad command line.
    pub fn from_env() -> Cli {
        let args = store_flags_after_command(std::env::args_os());
        Cli::try_parse_from(&args)
            .unwrap_or_else(|e| refused_store_flags(&args).unwrap_or(e).exit())
    }
}

/// When the command takes no store flags but was given some: the error to tell.
fn refused_store_flags(args: &[OsString]) -> Option<clap::Error> {
    let name = args.get(1)?.to_str()?;
    let sub = Cli::command().find_subcommand(name)?.clone();
    if sub.get_arguments().any(|a| a.get_id() == "store") {
        return None;
    }
    let given: Vec<String> = args[2..]
        .iter()
        .filter_map(|a| a.to_str())
        .filter_map(|a| a.split('=').next())
        .filter(|a| store_flags().iter().any(|f| f == a))
        .map(str::to_string)
        .collect();
    let first = given.first()?;
    Some(Cli::command().error(
        clap::error::ErrorKind::UnknownArgument,
        format!("`negograph {name}` opens no store, so {first} does not apply to it"),
    ))
}

/// The long names of the store flags, `--store` and the remote-store ones.
fn store_flags() -> Vec<String> {
    StoreArgs::augment_args(clap::Command::new("store"))
        .get_arguments()
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect()
}

/// Store flags given before the command name (`negograph --store URL query ...`) are moved after
/// it, where a command that opens a store reads them; a command that opens none refuses them as
/// it refuses any flag it does not take.
pub fn store_flags_after_command(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let flags = store_flags();
    let mut args = args.into_iter();
    let mut out: Vec<OsString> = args.next().into_iter().collect();
    let mut leading = Vec::new();
    while let Some(a) = args.next() {
        let text = a.to_string_lossy().into_owned();
        let name = text.split('=').next().unwrap_or_default();
        if !flags.iter().any(|f| f == name) {
            // The command name (or a flag of negograph's own, such as --help): the leading store
            // flags go after it.
            out.push(a);
            break;
        }
        leading.push(a);
        if !text.contains('=') {
            leading.extend(args.next());
        }
    }
    out.extend(leading);
    out.extend(args);
    out
}

/// Where the store is: a folder for the embedded store, or a remote SPARQL store's URL.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Store")]
pub struct StoreArgs {
    /// The store folder (created when needed), or the URL of a remote SPARQL store
    /// (http://HOST:PORT, see --preset).
    #[arg(long, env = "NEGOGRAPH_STORE", default_value = "negograph.db")]
    pub store: PathBuf,
    /// The URL of a remote SPARQL store (the same as --store URL).
    #[arg(long, env = "NEGOGRAPH_ENDPOINT", value_name = "URL")]
    pub endpoint: Option<String>,
    /// The kind of remote store, which sets the endpoint paths: oxigraph (/query, /update,
    /// /store), virtuoso (/sparql, /sparql-graph-crud; the -auth ones with --user) or generic
    /// (all at the URL itself).
    #[arg(long, value_enum, env = "NEGOGRAPH_PRESET")]
    pub preset: Option<PresetArg>,
    /// The SPARQL query endpoint: a path under the URL or a full URL.
    #[arg(long, value_name = "PATH")]
    pub query_path: Option<String>,
    /// The SPARQL update endpoint: a path under the URL or a full URL.
    #[arg(long, value_name = "PATH")]
    pub update_path: Option<String>,
    /// The Graph Store Protocol endpoint: a path under the URL or a full URL.
    #[arg(long, value_name = "PATH")]
    pub gsp_path: Option<String>,
    /// User name for HTTP Basic or Digest authentication (whichever the server asks for).
    #[arg(long, env = "NEGOGRAPH_USER")]
    pub user: Option<String>,
    /// Password for --user (better given as $NEGOGRAPH_PASSWORD).
    #[arg(long, env = "NEGOGRAPH_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
    /// Bearer token (better given as $NEGOGRAPH_TOKEN).
    #[arg(long, env = "NEGOGRAPH_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Retries of a request after a connection error, a 502, 503, 504 or 429, with exponential
    /// back-off from a quarter of a second (or the server's Retry-After).
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub retries: u32,
}

/// The kinds of remote store, as --preset names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PresetArg {
    /// Oxigraph's server (`oxigraph serve`): URL/query, URL/update, URL/store.
    Oxigraph,
    /// Virtuoso: URL/sparql and URL/sparql-graph-crud (the -auth variants with credentials).
    Virtuoso,
    /// A store that answers queries, updates and the Graph Store Protocol at the URL itself
    /// (Jena Fuseki's dataset URL, for instance).
    Generic,
}

impl From<PresetArg> for Preset {
    fn from(p: PresetArg) -> Preset {
        match p {
            PresetArg::Oxigraph => Preset::Oxigraph,
            PresetArg::Virtuoso => Preset::Virtuoso,
            PresetArg::Generic => Preset::Generic,
        }
    }
}

/// The RDF syntaxes, as --format names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RdfSyntaxArg {
    Turtle,
    Trig,
    Ntriples,
    Nquads,
    Rdfxml,
    Jsonld,
}

impl From<RdfSyntaxArg> for RdfSyntax {
    fn from(s: RdfSyntaxArg) -> RdfSyntax {
        match s {
            RdfSyntaxArg::Turtle => RdfSyntax::Turtle,
            RdfSyntaxArg::Trig => RdfSyntax::Trig,
            RdfSyntaxArg::Ntriples => RdfSyntax::Ntriples,
            RdfSyntaxArg::Nquads => RdfSyntax::Nquads,
            RdfSyntaxArg::Rdfxml => RdfSyntax::Rdfxml,
            RdfSyntaxArg::Jsonld => RdfSyntax::Jsonld,
        }
    }
}

/// How query results are written, as --format names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultsFormatArg {
    /// An aligned table with IRIs shortened by the project's prefixes.
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    /// For CONSTRUCT and DESCRIBE.
    Turtle,
    /// For CONSTRUCT and DESCRIBE.
    Ntriples,
}

impl From<ResultsFormatArg> for ResultsFormat {
    fn from(f: ResultsFormatArg) -> ResultsFormat {
        match f {
            ResultsFormatArg::Table => ResultsFormat::Table,
            ResultsFormatArg::Csv => ResultsFormat::Csv,
            ResultsFormatArg::Tsv => ResultsFormat::Tsv,
            ResultsFormatArg::Json => ResultsFormat::Json,
            ResultsFormatArg::Xml => ResultsFormat::Xml,
            ResultsFormatArg::Turtle => ResultsFormat::Turtle,
            ResultsFormatArg::Ntriples => ResultsFormat::Ntriples,
        }
    }
}

/// The network formats, as --format names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NetworkFormatArg {
    /// GraphML (networkx, Gephi, Cytoscape, yEd).
    Graphml,
    /// GEXF 1.2 (Gephi).
    Gexf,
    /// nodes.csv and edges.csv in the --output folder (Gephi's spreadsheet import, pandas).
    Csv,
    /// Graphviz DOT.
    Dot,
}

impl From<NetworkFormatArg> for NetworkFormat {
    fn from(f: NetworkFormatArg) -> NetworkFormat {
        match f {
            NetworkFormatArg::Graphml => NetworkFormat::Graphml,
            NetworkFormatArg::Gexf => NetworkFormat::Gexf,
            NetworkFormatArg::Csv => NetworkFormat::Csv,
            NetworkFormatArg::Dot => NetworkFormat::Dot,
        }
    }
}

/// What the commands that extract take.
#[derive(Args, Debug, Clone)]
pub struct ExtractOptions {
    /// Extra actors in Turtle, of the shape of ontology/states.ttl or people.ttl; an actor IRI the
    /// gazetteer has is replaced by the file's. Repeatable.
    #[arg(long = "actors", value_name = "FILE.ttl")]
    pub actors: Vec<PathBuf>,
    /// The document date (YYYY-MM-DD) to use instead of one read from the article.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Read inputs as this format instead of guessing from the file name: text, markdown, html,
    /// jsonl. Text whose lines are subtitle cues (SubRip, WebVTT) is read as their running text.
    #[arg(long = "input-format", value_name = "FORMAT")]
    pub input_format: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the graph of one article, without any store.
    ///
    /// Example: negograph extract --format ntriples article.txt
    Extract(ExtractArgs),
    /// Extract articles and add them to the store, each document whole or not at all.
    ///
    /// Takes files, folders (walked recursively; gold .json files beside articles are skipped)
    /// and - for standard input. A document already in the store (same text) is skipped without
    /// extracting it again. Small inputs are written one transaction per document, large ones
    /// (4 MB of files or more, or --bulk) through Oxigraph's bulk loader, whose commits hold
    /// whole documents. Unreadable files are reported and skipped; the exit code is 1 when
    /// any file failed.
    ///
    /// Example: negograph ingest articles/ news.jsonl
    Ingest(IngestArgs),
    /// Run a SPARQL query (read-only) over all documents.
    ///
    /// The default graph is the union of all document graphs. SELECT results print as a table,
    /// or in the W3C formats with --format csv|tsv|json|xml; CONSTRUCT and DESCRIBE as Turtle or
    /// N-Triples; ASK as true or false.
    ///
    /// Examples:
    ///   negograph query 'SELECT ?a WHERE { ?a a neg:State }'   (prefixes must be declared)
    ///   negograph query --named stances-on-issue --param issue=ceasefire --format csv
    #[command(verbatim_doc_comment)]
    Query(QueryArgs),
    /// Run SPARQL Update on the store.
    Update(UpdateArgs),
    /// Write the store (or one document's graph) in an RDF syntax.
    ///
    /// Turtle, N-Triples and RDF/XML hold the union of the document graphs; TriG, N-Quads and
    /// JSON-LD keep one named graph per document. Output is sorted, so exports diff cleanly,
    /// except N-Quads, which streams in the store's order for bulk loaders, whatever the size.
    Export(ExportArgs),
    /// Load outside RDF into the store (Turtle, TriG, N-Triples, N-Quads, RDF/XML, JSON-LD,
    /// by file extension or --format). The file is parsed whole first: on a syntax error nothing
    /// is loaded.
    Load(LoadArgs),
    /// Remove a document's graph: its IRI, or the hash that ends it.
    Remove(RemoveArgs),
    /// Check the store against the SHACL shapes of the graph contract (ontology/shapes.ttl).
    ///
    /// Prints each violation with its focus node, path and message, and exits 1 when there is
    /// any; prints "no violations" and exits 0 otherwise. The default graph is the union of all
    /// graphs; --graph checks one document's graph (with the vocabulary). Embedded store only.
    ///
    /// Example: negograph validate --shapes my-shapes.ttl
    Validate(ValidateArgs),
    /// Write the actor network for graph tools: GraphML, GEXF, CSV or Graphviz DOT.
    ///
    /// Nodes are actors (id = actor IRI, label, type, roles, stances, documents). Edges are
    /// directed, of three kinds: stance (toward another actor, one per polarity, weighted by the
    /// number of evidence sentences), negotiation (two actors in the same negotiations, from the
    /// first IRI to the second) and post (person to state or organization, labelled with the
    /// title). CSV writes nodes.csv and edges.csv into the --output folder. Embedded store only.
    ///
    /// Examples:
    ///   negograph network --output actors.graphml
    ///   negograph network --format csv --output network/
    #[command(verbatim_doc_comment)]
    Network(NetworkArgs),
    /// Show each fact with its sentence, the span of its cue and the rule that made it.
    ///
    /// Given an article file (or -), extracts it and explains every fact, without a store, with
    /// the references it read its actors through ("he" → Benjamin Netanyahu, "the group" →
    /// Hamas, or an actor its sentence does not name). Given a document (its IRI or hash), lists what the store holds from it with its evidence.
    /// Given any other resource (an actor IRI, or a slug such as hamas), lists the facts about it.
    ///
    /// Examples: negograph explain article.txt
    ///           negograph explain actor:hamas
    #[command(verbatim_doc_comment)]
    Explain(ExplainArgs),
    /// Serve the store over HTTP: a SPARQL endpoint and a browser page.
    ///
    /// The SPARQL 1.1 Protocol at /sparql (GET and POST; results by content negotiation: SPARQL
    /// JSON, XML, CSV, TSV; Turtle, N-Triples, RDF/XML, JSON-LD), the Graph Store Protocol for
    /// reading at /store?graph=IRI, and at / a page with the named queries, the actor network,
    /// the stance matrix and each document's evidence. Read-only unless --allow-update (the store
    /// is then opened for writing, so no ingest can run beside it). Listens on loopback
    /// addresses only unless --public. Embedded store only: a remote store has its own endpoint.
    ///
    /// Example: negograph serve --bind 127.0.0.1:7878   then open http://127.0.0.1:7878/
    #[command(verbatim_doc_comment)]
    Serve(ServeArgs),
    /// Counts of documents, actors, claims and triples.
    Stats(StatsArgs),
    /// A table of actors with their type, roles and number of stances.
    Actors(ActorsArgs),
    /// List the named queries with what they answer.
    Queries,
    /// Score the extractor against gold annotations (see shared/docs/gold-format.md).
    ///
    /// Example: negograph eval tests/fixtures/articles --explain
    Eval(EvalArgs),
    /// Print a shell's completion script for negograph.
    ///
    /// Examples:
    ///   negograph completions bash > ~/.local/share/bash-completion/completions/negograph
    ///   negograph completions zsh > ~/.zfunc/_negograph
    ///   negograph completions fish > ~/.config/fish/completions/negograph.fish
    #[command(verbatim_doc_comment)]
    Completions(CompletionsArgs),
    /// Write the manual page (roff), generated from the same definitions as --help.
    ///
    /// Without --output, prints negograph(1) to standard output; with --output DIR, writes
    /// negograph.1 and a page per command (negograph-ingest.1, ...) into DIR.
    ///
    /// Example: negograph man | man -l -
    Man(ManArgs),
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// The article: .txt, .md, .srt or .vtt (subtitles), .html, .jsonl (its first article), or -
    /// for standard input.
    pub file: PathBuf,
    /// The RDF syntax to write.
    #[arg(long, value_enum, default_value = "turtle")]
    pub format: RdfSyntaxArg,
    #[command(flatten)]
    pub options: ExtractOptions,
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, folders, or -.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Stop at the first unreadable file instead of skipping it.
    #[arg(long)]
    pub strict: bool,
    /// In JSON Lines, skip malformed lines (each reported with its number) instead of
    /// refusing the whole file.
    #[arg(long)]
    pub skip_bad: bool,
    /// Extract on this many threads (default: all cores); one writer stores the results (the
    /// bulk loader sorts them on as many threads).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar. (On a terminal, ingest shows the bytes of input done, the rate and
    /// the time left.)
    #[arg(long, short)]
    pub quiet: bool,
    /// Only part I of N of the articles (chosen by the hash of each text), so that N
    /// machines can share a corpus: run `--shard 1/N` ... `--shard N/N`, one on each.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
    /// Write through Oxigraph's bulk loader, committing whole documents a million quads at a
    /// time (the default when the files given hold 4 MB or more). A crash loses at most the
    /// documents since the last commit, never part of one; readers see them a commit at a
    /// time. Embedded store only.
    #[arg(long, conflicts_with = "no_bulk")]
    pub bulk: bool,
    /// One transaction per document, whatever the input's size.
    #[arg(long)]
    pub no_bulk: bool,
    /// With the bulk loader, commit every this many quads (at the end of a document).
    #[arg(long, value_name = "QUADS", hide = true)]
    pub bulk_commit: Option<usize>,
    /// With the bulk loader, hand it this many quads at a time (memory grows with it).
    #[arg(long, value_name = "QUADS", hide = true)]
    pub bulk_batch: Option<usize>,
    /// Keep at most N of the store's files open. Each open file holds its index in memory
    /// (about 8 MB per GB of store), so on a store of tens of GB this bounds the memory of
    /// the ingest, at a cost in time: 64 on a 12 GB store took 29% longer. Default: as many
    /// as the limit of open files allows. Embedded store only.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(16..))]
    pub max_open_files: Option<u32>,
    #[command(flatten)]
    pub options: ExtractOptions,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct QueryArgs {
    /// The query text (or use --file or --named).
    #[arg(conflicts_with_all = ["file", "named"])]
    pub query: Option<String>,
    /// Read the query from a file.
    #[arg(long, value_name = "Q.rq")]
    pub file: Option<PathBuf>,
    /// Run a query of the library (see `negograph queries`).
    #[arg(long, value_name = "NAME")]
    pub named: Option<String>,
    /// Bind a variable to a value, NAME=VALUE; values are read by name (issue=ceasefire,
    /// actor=hamas, role=Mediator) or as <IRI>, prefix:local, or a string. Repeatable.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ResultsFormatArg,
    /// Stop the query after this many seconds.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct UpdateArgs {
    /// The update text (or use --file).
    #[arg(conflicts_with = "file")]
    pub update: Option<String>,
    /// Read the update from a file.
    #[arg(long, value_name = "U.ru")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "turtle")]
    pub format: RdfSyntaxArg,
    /// Only this graph (a document IRI).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct LoadArgs {
    pub file: PathBuf,
    /// The syntax, when the extension does not tell.
    #[arg(long, value_enum)]
    pub format: Option<RdfSyntaxArg>,
    /// Put the triples in this named graph instead of the default graph.
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct RemoveArgs {
    pub document: String,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// Only this graph (a document IRI).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Check against these SHACL shapes instead of the built-in ones (the same subset of
    /// SHACL Core: targets, minCount, maxCount, in, class, datatype, nodeKind).
    #[arg(long, value_name = "FILE.ttl")]
    pub shapes: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct NetworkArgs {
    /// The network format.
    #[arg(long, value_enum, default_value = "graphml")]
    pub format: NetworkFormatArg,
    /// Write to this file (a folder for csv) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only this graph (a document IRI).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// An article file, a document IRI or hash, or a resource IRI or actor slug.
    pub target: String,
    #[command(flatten)]
    pub options: ExtractOptions,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The address to listen on, HOST:PORT.
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "HOST:PORT")]
    pub bind: String,
    /// Allow an address other machines can reach (0.0.0.0, a LAN address ...).
    #[arg(long)]
    pub public: bool,
    /// Accept SPARQL Update at /update (and POST /sparql).
    #[arg(long)]
    pub allow_update: bool,
    /// Stop each query after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value = "30")]
    pub timeout: f64,
    /// Stop a query once it holds more than this many MiB of memory (503: bind a parameter, add a
    /// LIMIT, or run it with `negograph query`). With --max-running N, queries hold at most N
    /// times this at once.
    #[arg(long, value_name = "MIB", default_value_t = negograph::serve::DEFAULT_QUERY_MEMORY_MIB as u64, value_parser = clap::value_parser!(u64).range(1..1 << 40))]
    pub query_memory: u64,
    /// Send at most this many rows (solutions, or triples) per query; a longer result is cut
    /// and its response carries the header Negograph-Truncated: true.
    #[arg(long, value_name = "N", default_value = "10000")]
    pub max_rows: usize,
    /// Run at most N requests on the store at once (queries, updates, graph reads); the others
    /// wait their turn for up to --timeout, then get 503 with Retry-After. By default, the
    /// number of cores.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_running: Option<u32>,
    /// Let at most N requests wait for their turn; the next ones get 503 with Retry-After at
    /// once.
    #[arg(long, value_name = "N", default_value = "256")]
    pub max_waiting: u32,
    /// Keep at most N connections open; the next ones get 503 and are closed. An idle
    /// connection is closed after 10 s, as is one whose request head takes longer.
    #[arg(long, value_name = "N", default_value = "4096", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct ActorsArgs {
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold .json files, or folders of them.
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    /// List what was extra and what was missed in each article.
    #[arg(long)]
    pub explain: bool,
    /// Floors such as stances=0.6: exit 1 when below.
    #[arg(long, value_name = "CATEGORY=F1")]
    pub require: Vec<String>,
    #[command(flatten)]
    pub options: ExtractOptions,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
pub struct ManArgs {
    /// Write negograph.1 and one page per command into this folder.
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// The whole command line as clap sees it (for completions and the manual page).
pub fn command() -> clap::Command {
    Cli::command()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        store_flags_after_command(line.split(' ').map(OsString::from))
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn store_flags_before_the_command_follow_it() {
        assert_eq!(
            args("negograph --store http://h:7878 --preset=virtuoso query --named x"),
            "negograph query --store http://h:7878 --preset=virtuoso --named x"
                .split(' ')
                .collect::<Vec<_>>()
        );
        assert_eq!(
            args("negograph ingest --store s a.txt"),
            "negograph ingest --store s a.txt"
                .split(' ')
                .collect::<Vec<_>>()
        );
        assert_eq!(args("negograph --help"), vec!["negograph", "--help"]);
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn store_flags_only_where_a_store_is_opened() {
        let cli = Cli::command();
        for sub in cli.get_subcommands() {
            let has = sub.get_arguments().any(|a| a.get_id() == "endpoint");
            let opens = !matches!(
                sub.get_name(),
                "extract" | "queries" | "eval" | "completions" | "man"
            );
            assert_eq!(has, opens, "{}", sub.get_name());
        }
        let refused = Cli::try_parse_from(store_flags_after_command(
            ["negograph", "--store", "s", "extract", "a.txt"].map(OsString::from),
        ));
        assert!(refused.is_err());
    }
}
